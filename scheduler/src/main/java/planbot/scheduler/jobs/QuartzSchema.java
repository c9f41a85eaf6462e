package planbot.scheduler.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.quartz.Scheduler;
import planbot.storage.Database;

/**
 * Creates Quartz's JDBC job store tables on PostgreSQL from the {@code tables_postgres.sql} shipped in the Quartz
 * jar itself, so the schema always matches the Quartz version on the classpath.
 *
 * <p>Idempotent and safe when several nodes start together: one transaction takes a PostgreSQL advisory lock
 * (held until it ends), looks for the tables, and creates them only when none is there; DDL is transactional on
 * PostgreSQL, so a failure leaves none. The script's {@code DROP TABLE} lines are never run (they would wipe a
 * live job store) and neither is its {@code COMMIT}. A store with only some of the tables is refused: that is
 * for a person to look at, not for a node to repair at start-up.
 *
 * <p>Never used on SQLite: Quartz has no SQLite schema and SQLite rejects its {@code SELECT … FOR UPDATE}.
 */
final class QuartzSchema {
    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    /** The tables the script creates, in lower case (PostgreSQL folds the unquoted names). */
    static final List<String> TABLES = List.of("qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers",
            "qrtz_cron_triggers", "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_calendars",
            "qrtz_paused_trigger_grps", "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks");
    /** The advisory lock's key: any constant that no other code of ours uses ("planbot Q" in ASCII). */
    private static final long LOCK = 0x706c616e626f7451L;

    private QuartzSchema() {
    }

    /**
     * Makes sure the Quartz tables exist in the database's current schema, and that the scheduler's two lock rows
     * are in {@code QRTZ_LOCKS}. (Quartz inserts a missing lock row itself, but when two nodes start together one
     * insert fails on the duplicate key, which aborts that PostgreSQL transaction and Quartz's retry with it.)
     *
     * @param schedulerName the Quartz scheduler name every node of the cluster shares
     * @return true if this call created the tables
     * @throws IllegalStateException when only some of them exist, or the script is not on the classpath
     * @throws planbot.storage.StorageException when the database fails
     */
    static boolean ensure(Database db, String schedulerName) {
        if (db.vendor() != Database.Vendor.POSTGRESQL) {
            throw new IllegalArgumentException("Quartz's JDBC job store is for PostgreSQL only, not " + db.vendor());
        }
        List<String> statements = statements(script());
        return db.inTransaction(h -> {
            h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked").bind(0, LOCK)
                    .mapTo(Integer.class).one();
            TreeSet<String> present = new TreeSet<>(h.createQuery("SELECT lower(table_name) FROM information_schema.tables"
                            + " WHERE table_schema = current_schema() AND lower(table_name) LIKE 'qrtz\\_%'")
                    .mapTo(String.class).list());
            present.retainAll(TABLES);
            boolean create = present.size() != TABLES.size();
            if (create && !present.isEmpty()) {
                List<String> missing = new ArrayList<>(TABLES);
                missing.removeAll(present);
                throw new IllegalStateException("the Quartz job store is incomplete: " + missing + " missing while "
                        + present + " exist; repair it from " + SCRIPT + " in the Quartz jar, or drop the QRTZ_ tables");
            }
            if (create) {
                for (String sql : statements) {
                    h.execute(sql);
                }
            }
            h.createUpdate("INSERT INTO qrtz_locks (sched_name, lock_name) VALUES (?, 'TRIGGER_ACCESS'), (?, 'STATE_ACCESS')"
                    + " ON CONFLICT DO NOTHING").bind(0, schedulerName).bind(1, schedulerName).execute();
            return create;
        });
    }

    /** The script's CREATE statements, in order: comments, DROPs and the COMMIT left out. */
    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder(script.length());
        for (String line : script.split("\\R")) {
            if (!line.strip().startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String part : text.toString().split(";")) {
            String sql = part.strip();
            String head = sql.toUpperCase(Locale.ROOT);
            if (sql.isEmpty() || head.startsWith("DROP ") || head.equals("COMMIT")) {
                continue;
            }
            if (!head.startsWith("CREATE ")) {
                throw new IllegalStateException("unexpected statement in " + SCRIPT + ": " + sql);
            }
            out.add(sql);
        }
        return out;
    }

    static String script() {
        try (InputStream in = Scheduler.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the classpath: is the Quartz jar?");
            }
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCRIPT, e);
        }
    }
}
