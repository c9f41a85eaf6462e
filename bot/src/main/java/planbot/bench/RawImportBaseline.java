package planbot.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import planbot.storage.Database;

/**
 * The floor {@code bench import} compares planbot's import with, measured in the same run on the same file: the
 * generated review tracker ({@link TrackerGenerator}) read with commons-csv, and its rows inserted with plain JDBC
 * batches (prepared statements, {@code addBatch}/{@code executeBatch}, one transaction) into a fresh SQLite file
 * opened through {@link Database}, so with the same migrations, indexes and connection settings as the real import.
 *
 * <p>It writes the rows the real import writes: one tenant, one plan, every section, action and task, with every
 * column the real import fills from a cell. What it leaves out is planbot's own work: no tracker detection or
 * validation (columns are found by the generator's header names), no status kinds, no date parsing (a date cell
 * is stored as its text, and the date kind and precision columns stay empty), no reference keys (the key columns
 * hold the cell as written), no comparison with stored rows (the file is fresh, so ids are counted here rather than read
 * back), no people and no audit event.
 *
 * <p>Called by {@link ImportBenchmark} on one thread; every call opens and closes its own database. A file that is
 * not a generated tracker fails with {@link IllegalArgumentException}; a database failure is thrown as is.
 */
final class RawImportBaseline {
    private static final int BATCH = 1000;
    private static final CSVFormat TSV = CSVFormat.DEFAULT.builder().setDelimiter('\t')
            .setHeader().setSkipHeaderRecord(true).build();

    private RawImportBaseline() {
    }

    /** What one raw run wrote and how long its two halves took. */
    record Result(int sections, int actions, int tasks, double readMs, double writeMs) {
        Result {
            if (sections < 0 || actions < 0 || tasks < 0 || readMs < 0 || writeMs < 0) {
                throw new IllegalArgumentException("counts and times must not be negative");
            }
        }
    }

    /** Reads {@code file} into memory, then writes its rows into a fresh SQLite file at {@code db}. */
    static Result run(Path file, Path db) throws IOException, SQLException {
        long t0 = System.nanoTime();
        Rows rows = read(file);
        long t1 = System.nanoTime();
        try (Database database = Database.open("jdbc:sqlite:" + db)) {
            long t2 = System.nanoTime();
            database.inTransaction(h -> {
                write(h.getConnection(), rows);
                return null;
            });
            long t3 = System.nanoTime();
            return new Result(rows.sections.size(), rows.actions.size(), rows.tasks.size(), (t1 - t0) / 1e6, (t3 - t2) / 1e6);
        }
    }

    /** A section row holds only its name; an action starts where REF. is filled beside a task; every other row is a task. */
    private static Rows read(Path file) throws IOException {
        Rows rows = new Rows();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = TSV.parse(in)) {
            Map<String, Integer> header = parser.getHeaderMap();
            int ref = column(header, "REF.");
            int actionStatus = column(header, "MAIN ACTION RAG STATUS");
            int recommendation = column(header, "RED QUADRANT RECOMMENDATION");
            int task = column(header, "KEY TASKS FOR DELIVERY");
            int taskRef = column(header, "INTERNAL REF");
            int status = column(header, "PROGRESS RAG STATUS");
            int term = column(header, "REVISED SHORT / MEDIUM / LONG TERM");
            int start = column(header, "REVISED START DATE");
            int target = column(header, "REVISED PLANNED TARGET END DATE");
            rows.layout = String.join("\t", parser.getHeaderNames());
            for (CSVRecord r : parser) {
                if (r.get(task).isEmpty()) {
                    rows.sections.add(r.get(ref));
                    continue;
                }
                if (!r.get(ref).isEmpty()) {
                    int position = rows.actions.isEmpty() || last(rows.actions).section() != rows.sections.size()
                            ? 0 : last(rows.actions).position() + 1;
                    rows.actions.add(new RawAction(rows.sections.size(), position, r.get(ref), r.get(recommendation),
                            r.get(actionStatus)));
                }
                int position = rows.tasks.isEmpty() || last(rows.tasks).action() != rows.actions.size()
                        ? 0 : last(rows.tasks).position() + 1;
                rows.tasks.add(new RawTask(rows.actions.size(), position, r.get(taskRef), r.get(task), r.get(status),
                        r.get(term), r.get(start), r.get(target)));
            }
        }
        if (rows.sections.isEmpty() || rows.actions.isEmpty()) {
            throw new IllegalArgumentException(file + " has no section or no action: it is not a generated review tracker");
        }
        return rows;
    }

    private static int column(Map<String, Integer> header, String name) {
        Integer i = header.get(name);
        if (i == null) {
            throw new IllegalArgumentException("the file has no column '" + name + "': it is not a generated review tracker");
        }
        return i;
    }

    private static void write(Connection c, Rows rows) throws SQLException {
        long now = System.currentTimeMillis();
        // A fresh file: tenant 1, plan 1, and sections, actions and tasks numbered from 1 in file order.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenant (id, slug, name, created_at) VALUES (1, 'bench', 'bench', ?)")) {
            ps.setLong(1, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO plan (id, tenant_id, name, layout, created_at, updated_at) VALUES (1, 1, 'bench', ?, ?, ?)")) {
            ps.setString(1, rows.layout);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO section (id, tenant_id, plan_id, name, position) VALUES (?, 1, 1, ?, ?)")) {
            for (int i = 0; i < rows.sections.size(); i++) {
                ps.setLong(1, i + 1);
                ps.setString(2, rows.sections.get(i));
                ps.setInt(3, i);
                add(ps, i);
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO action (id, tenant_id, plan_id, section_id,"
                + " action_key, ref_key, label, label_key, recommendation, status_word, position)"
                + " VALUES (?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows.actions.size(); i++) {
                RawAction a = rows.actions.get(i);
                ps.setLong(1, i + 1);
                ps.setLong(2, a.section());
                ps.setString(3, a.label());
                ps.setString(4, a.label());
                ps.setString(5, a.label());
                ps.setString(6, a.label());
                ps.setString(7, a.recommendation());
                ps.setString(8, a.status());
                ps.setInt(9, a.position());
                add(ps, i);
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO task (tenant_id, plan_id, action_id, ref, ref_key,"
                + " description, status_word, term, start_date, target_date, position, updated_at, first_seen_at)"
                + " VALUES (1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows.tasks.size(); i++) {
                RawTask t = rows.tasks.get(i);
                ps.setLong(1, t.action());
                ps.setString(2, t.ref());
                ps.setString(3, t.ref());
                ps.setString(4, t.description());
                ps.setString(5, t.status());
                ps.setString(6, t.term());
                ps.setString(7, t.start());
                ps.setString(8, t.target());
                ps.setInt(9, t.position());
                ps.setLong(10, now);
                ps.setLong(11, now);
                add(ps, i);
            }
            ps.executeBatch();
        }
    }

    /** Adds the bound row to the batch, sending the batch every {@link #BATCH} rows as the real import does. */
    private static void add(PreparedStatement ps, int index) throws SQLException {
        ps.addBatch();
        if ((index + 1) % BATCH == 0) {
            ps.executeBatch();
        }
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    /** The file's rows as cells, each action and task with the 1-based number of its parent and its 0-based position under it. */
    private static final class Rows {
        String layout;
        final List<String> sections = new ArrayList<>();
        final List<RawAction> actions = new ArrayList<>();
        final List<RawTask> tasks = new ArrayList<>();
    }

    private record RawAction(int section, int position, String label, String recommendation, String status) {
    }

    private record RawTask(int action, int position, String ref, String description, String status, String term,
                           String start, String target) {
    }
}
