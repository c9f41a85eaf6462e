package planbot.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * {@link ReminderTaskRepository} on the {@link Database}. A filter becomes one statement: a UNION ALL with one
 * arm per condition, so that each arm can use its own index (target date, last change, id) instead of the
 * whole WHERE falling back to a scan of every task. Rows are read with plain JDBC: a first sweep reads every
 * open task, and mapping through reflection would double its cost.
 */
public final class JdbiReminderTaskRepository implements ReminderTaskRepository {
    private static final String SELECT = "SELECT t.tenant_id, t.id, t.ref, t.status_kind, t.target_kind, t.target_date,"
            + " t.owner, a.lead, t.updated_at, t.first_seen_at FROM task t JOIN action a ON a.id = t.action_id"
            + " WHERE (t.status_kind IS NULL OR t.status_kind NOT IN ('COMPLETED', 'CLOSED'))";

    private final Database db;

    public JdbiReminderTaskRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    private static Instant firstSeen(long millis, boolean none) {
        return none ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public int openTasks(ReminderTaskFilter f, java.util.function.Consumer<ReminderTaskRow> each) {
        List<Object> args = new ArrayList<>();
        String sql = sql(f, args);
        if (sql == null) {
            return 0;
        }
        // UNION ALL and a set of ids here: cheaper than having the database sort whole rows to drop repeats
        Set<Long> seen = new java.util.HashSet<>();
        return db.withHandle(h -> query(h, sql, args, rs -> {
            if (!seen.add(rs.getLong(2))) {
                return null;
            }
            String date = rs.getString(6);
            return new ReminderTaskRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    date == null ? null : LocalDate.parse(date), rs.getString(7), rs.getString(8),
                    Instant.ofEpochMilli(rs.getLong(9)), firstSeen(rs.getLong(10), rs.wasNull()));
        }, each));
    }

    /** The statement for a filter, its arguments added to {@code args}; null when the filter matches nothing. */
    static String sql(ReminderTaskFilter f, List<Object> args) {
        StringBuilder tenants = new StringBuilder();
        List<Object> tenantArgs = new ArrayList<>();
        if (f.tenantIds() != null) {
            if (f.tenantIds().isEmpty()) {
                return null;
            }
            tenants.append(" AND t.tenant_id IN (").append(JdbiOutboxRepository.marks(f.tenantIds().size())).append(')');
            tenantArgs.addAll(f.tenantIds());
        }
        List<String> arms = new ArrayList<>();
        List<List<Object>> armArgs = new ArrayList<>();
        if (f.everyOpenTask()) {
            arms.add("");
            armArgs.add(List.of());
        } else {
            if (!f.targetDates().isEmpty()) {
                List<Object> a = new ArrayList<>();
                StringBuilder singles = new StringBuilder();
                StringBuilder ranges = new StringBuilder();
                for (ReminderTaskFilter.DateRange r : f.targetDates()) {
                    if (r.from().equals(r.to())) {
                        singles.append(singles.length() == 0 ? "?" : ", ?");
                    } else {
                        ranges.append(" OR t.target_date BETWEEN ? AND ?");
                    }
                }
                // arguments in the order the text names them: the IN list first, then the ranges
                for (ReminderTaskFilter.DateRange r : f.targetDates()) {
                    if (r.from().equals(r.to())) {
                        a.add(r.from().toString());
                    }
                }
                for (ReminderTaskFilter.DateRange r : f.targetDates()) {
                    if (!r.from().equals(r.to())) {
                        a.add(r.from().toString());
                        a.add(r.to().toString());
                    }
                }
                String in = singles.length() == 0 ? "1 = 0" : "t.target_date IN (" + singles + ")";
                arms.add(" AND (" + in + ranges + ")");
                armArgs.add(a);
            }
            if (f.tbc()) {
                arms.add(" AND t.target_date IS NULL AND t.target_kind = 'TBC'");
                armArgs.add(List.of());
            }
            if (f.updatedAfter() != null) {
                arms.add(" AND t.updated_at > ?");
                armArgs.add(List.of(f.updatedAfter().toEpochMilli()));
            }
            if (!f.updatedIn().isEmpty()) {
                StringBuilder s = new StringBuilder(" AND (");
                List<Object> a = new ArrayList<>();
                for (ReminderTaskFilter.InstantRange r : f.updatedIn()) {
                    s.append(a.isEmpty() ? "" : " OR ").append("(t.updated_at >= ? AND t.updated_at < ?)");
                    a.add(r.from().toEpochMilli());
                    a.add(r.to().toEpochMilli());
                }
                arms.add(s.append(')').toString());
                armArgs.add(a);
            }
            if (!f.taskIds().isEmpty()) {
                arms.add(" AND t.id IN (" + JdbiOutboxRepository.marks(f.taskIds().size()) + ")");
                armArgs.add(new ArrayList<>(f.taskIds()));
            }
        }
        if (arms.isEmpty()) {
            return null;
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < arms.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append(SELECT).append(tenants).append(arms.get(i));
            args.addAll(tenantArgs);
            args.addAll(armArgs.get(i));
        }
        return sql.toString();
    }

    @Override
    public List<SnoozeRow> latestSnoozes(Set<Long> tenantIds, LocalDate after) {
        List<Object> args = new ArrayList<>();
        args.add(after.toString());
        String tenants = "";
        if (tenantIds != null) {
            if (tenantIds.isEmpty()) {
                return List.of();
            }
            tenants = " AND s.tenant_id IN (" + JdbiOutboxRepository.marks(tenantIds.size()) + ")";
            args.addAll(tenantIds);
        }
        // the latest row of a task wins, even when it shortens an earlier snooze: hence NOT EXISTS a later one
        String sql = "SELECT s.tenant_id, s.task_id, s.until_date FROM task_snooze s WHERE s.until_date > ?" + tenants
                + " AND NOT EXISTS (SELECT 1 FROM task_snooze n WHERE n.task_id = s.task_id"
                + " AND (n.at > s.at OR (n.at = s.at AND n.id > s.id)))";
        return db.withHandle(h -> query(h, sql, args,
                rs -> new SnoozeRow(rs.getLong(1), rs.getLong(2), LocalDate.parse(rs.getString(3)))));
    }

    @Override
    public Optional<LocalDate> earliestTarget(Set<Long> tenantIds) {
        List<Object> args = new ArrayList<>();
        String tenants = tenantIn(tenantIds, args);
        // target_date is set exactly for DATE targets; ordering by it lets the target-date index answer at once
        List<String> found = db.withHandle(h -> query(h, "SELECT t.target_date FROM task t WHERE t.target_date IS NOT NULL"
                + tenants + " ORDER BY t.target_date LIMIT 1", args, rs -> rs.getString(1)));
        return found.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(found.get(0)));
    }

    @Override
    public Optional<Instant> earliestUpdate(Set<Long> tenantIds) {
        List<Object> args = new ArrayList<>();
        String tenants = tenantIn(tenantIds, args);
        List<Long> found = db.withHandle(h -> query(h, "SELECT t.updated_at FROM task t WHERE 1 = 1" + tenants
                + " ORDER BY t.updated_at LIMIT 1", args, rs -> rs.getLong(1)));
        return found.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(found.get(0)));
    }

    private static String tenantIn(Set<Long> tenantIds, List<Object> args) {
        if (tenantIds == null) {
            return "";
        }
        if (tenantIds.isEmpty()) {
            return " AND 1 = 0";
        }
        args.addAll(tenantIds);
        return " AND t.tenant_id IN (" + JdbiOutboxRepository.marks(tenantIds.size()) + ")";
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(Handle h, String sql, List<Object> args, RowReader<T> reader) {
        List<T> out = new ArrayList<>();
        query(h, sql, args, reader, out::add);
        return out;
    }

    /** Runs a query and gives each row the reader makes (skipping nulls) to {@code each}; returns how many. */
    private static <T> int query(Handle h, String sql, List<Object> args, RowReader<T> reader, java.util.function.Consumer<T> each) {
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    T row = reader.read(rs);
                    if (row != null) {
                        each.accept(row);
                        n++;
                    }
                }
            }
            return n;
        } catch (SQLException e) {
            throw new StorageException("database error: " + Database.rootMessage(e), e);
        }
    }
}
