package planbot.scheduler.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import planbot.domain.RefKey;
import planbot.scheduler.reminder.PolicySource;
import planbot.scheduler.reminder.ReminderPlanner;
import planbot.scheduler.reminder.ReminderPolicy;
import planbot.scheduler.reminder.ReminderSweep;
import planbot.scheduler.reminder.SweepRequest;
import planbot.scheduler.reminder.SweepResult;
import planbot.scheduler.reminder.SweepWindow;
import planbot.storage.Database;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.JdbiReminderStateRepository;
import planbot.storage.JdbiReminderTaskRepository;
import planbot.storage.ReminderTaskFilter;
import planbot.storage.StorageException;

/**
 * {@code bench remind}: builds a SQLite file of N tasks over M tenants (target dates spread over the year
 * before and the year after the measured day, 15% completed, 3% closed, 7% TBC, a few N/A or undated; last
 * changes spread over the 60 days before), catches the sweep up on the working day before (measured and
 * reported, not the target), then measures one steady-state sweep: the 09:00 sweep of a working day that
 * decides that day's reminders for every tenant and writes them to the outbox.
 *
 * <p>The baseline is one SQL query that selects the same due rows: the open tasks whose target date gives a
 * reminder moment that day, or which are TBC on a TBC-nudge day, or were last changed a whole number of stale
 * periods ago. It is the least any implementation must read; the sweep adds the planner, the key look-ups and
 * the writes. Target: sweep ≤ 3 × baseline and under 2 s for 1,000,000 tasks over 1000 tenants.
 *
 * <p>Measured (2 cores, shared with other work, so ±40%): 1,000,000 tasks / 1000 tenants, 110,907 reminders
 * due on the day; sweep 2.7 s (read and plan 0.95 s, outbox write 1.7 s), baseline 0.67 s, ratio about 4. The
 * read is close to the baseline; the write is not: a day's keys land all over the outbox's UNIQUE key index
 * (ordered by tenant and task, 1.4 million keys by then), so nearly every leaf page is dirtied, written to
 * the WAL and checkpointed. A UNIQUE index that leads with the moment's date would make those inserts append.
 *
 * <p>Not thread-safe; one run at a time. The database lives in a folder of its own, deleted afterwards
 * unless the caller gave the folder.
 */
public final class RemindBenchmark {
    /** The measured day: a Wednesday with no holiday near it. */
    static final LocalDate DAY = LocalDate.of(2024, 6, 12);
    private static final int TASKS_PER_ACTION = 10;
    private static final int BATCH = 5000;

    /**
     * @param tasks          tasks built
     * @param tenants        tenants they are spread over
     * @param buildMillis    time to build the database
     * @param catchUpMillis  the first sweep (the day before, every task read): not the target, reported for scale
     * @param catchUpDecided what that sweep enqueued
     * @param sweepMillis    the measured sweep, from reading to commit
     * @param tasksRead      tasks the measured sweep read
     * @param decided        reminders it enqueued
     * @param baselineMillis the baseline query (best of three)
     * @param baselineRows   the rows it selected (a task due two reminders at once is one row)
     * @param ratio          sweepMillis / baselineMillis
     * @param peakHeapBytes  peak heap during the measured sweep
     */
    public record Result(int tasks, int tenants, long buildMillis, long catchUpMillis, int catchUpDecided, long sweepMillis,
                         int tasksRead, int decided, long baselineMillis, int baselineRows, double ratio,
                         long peakHeapBytes) {
    }

    /** Runs in a temporary folder, deleted afterwards. */
    public Result run(int tasks, int tenants) {
        Path dir;
        try {
            dir = Files.createTempDirectory("planbot-remind-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return run(tasks, tenants, dir);
        } finally {
            deleteTree(dir);
        }
    }

    /** Runs with the database in {@code dir} (left there). */
    public Result run(int tasks, int tenants, Path dir) {
        if (tasks < 1 || tenants < 1 || tenants > tasks) {
            throw new IllegalArgumentException("need 1 ≤ tenants ≤ tasks, not " + tenants + " tenants for " + tasks + " tasks");
        }
        ReminderPolicy policy = ReminderPolicy.defaults();
        ReminderPlanner planner = ReminderPlanner.of(policy);
        Instant at = ZonedDateTime.of(DAY, LocalTime.of(9, 0), policy.zone()).toInstant();
        LocalDate dayBefore = planner.calendar().addWorkingDays(DAY, -1);
        Instant before = ZonedDateTime.of(dayBefore, LocalTime.of(9, 0), policy.zone()).toInstant();

        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("remind-bench.db"))) {
            long t0 = System.nanoTime();
            build(db, tasks, tenants, at);
            long buildMillis = millis(t0);

            JdbiReminderStateRepository state = new JdbiReminderStateRepository(db);
            ReminderSweep sweep = new ReminderSweep(db, state, new PolicySource(state, policy), new JdbiReminderTaskRepository(db),
                    new JdbiOutboxRepository(db), Clock.fixed(at, ZoneOffset.UTC));
            long t1 = System.nanoTime();
            // only the count is kept: a million decisions held alive would tax the measured sweep's heap
            int catchUpDecided = sweep.sweep(SweepRequest.allTenants(before)).decided().size();
            long catchUpMillis = millis(t1);
            checkpoint(db);

            resetHeapPeak();
            long t2 = System.nanoTime();
            SweepResult measured = sweep.sweep(SweepRequest.allTenants(at));
            long sweepMillis = millis(t2);
            long peak = heapPeak();

            long best = Long.MAX_VALUE;
            int rows = 0;
            for (int i = 0; i < 3; i++) {
                long t3 = System.nanoTime();
                rows = baseline(db, planner, dayBefore, at);
                best = Math.min(best, millis(t3));
            }
            return new Result(tasks, tenants, buildMillis, catchUpMillis, catchUpDecided, sweepMillis,
                    measured.tasksRead(), measured.decided().size(), best, rows,
                    Math.round(100.0 * sweepMillis / Math.max(1, best)) / 100.0, peak);
        }
    }

    /**
     * Folds the write-ahead log into the database file and empties it, as a quiet quarter of an hour between two
     * sweeps does: the catch-up just wrote over a million rows, and a log that size slows every page look-up of
     * the sweep measured next, which is not what a steady-state sweep meets.
     */
    static void checkpoint(Database db) {
        db.withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list());
    }

    /** The baseline: one query for the open tasks with something due on the day, read to the last row. */
    static int baseline(Database db, ReminderPlanner planner, LocalDate dayBefore, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, planner.policy().zone());
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (ReminderTaskFilter.DateRange r : SweepWindow.targetDates(planner, dayBefore, day, DAY.minusDays(366))) {
            where.append(where.length() == 0 ? "" : " OR ").append("t.target_date BETWEEN ? AND ?");
            args.add(r.from().toString());
            args.add(r.to().toString());
        }
        if (SweepWindow.tbcMoment(planner, dayBefore, day)) {
            where.append(where.length() == 0 ? "" : " OR ").append("t.target_kind = 'TBC'");
        }
        // stale nudges are for open tasks that are neither TBC nor overdue
        for (ReminderTaskFilter.InstantRange r : SweepWindow.staleChanges(planner, dayBefore, day, at.minusSeconds(61L * 86_400))) {
            where.append(where.length() == 0 ? "" : " OR ").append("(t.updated_at >= ? AND t.updated_at < ?"
                    + " AND (t.target_kind IS NULL OR t.target_kind <> 'TBC') AND (t.target_date IS NULL OR t.target_date >= ?))");
            args.add(r.from().toEpochMilli());
            args.add(r.to().toEpochMilli());
            args.add(day.toString());
        }
        String sql = "SELECT t.tenant_id, t.id, t.ref, t.status_kind, t.target_kind, t.target_date, t.owner, a.lead,"
                + " t.updated_at FROM task t JOIN action a ON a.id = t.action_id"
                + " WHERE (t.status_kind IS NULL OR t.status_kind NOT IN ('COMPLETED', 'CLOSED')) AND ("
                + (where.length() == 0 ? "1 = 0" : where) + ")";
        return db.withHandle(h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getLong(2);
                        rs.getString(3);
                        rs.getString(4);
                        rs.getString(5);
                        rs.getString(6);
                        rs.getString(7);
                        rs.getString(8);
                        rs.getLong(9);
                        n++;
                    }
                }
                return n;
            } catch (SQLException e) {
                throw new StorageException("baseline query failed: " + e.getMessage(), e);
            }
        });
    }

    /** Writes tenants, one plan, section and action per ten tasks, and the tasks, in batches in one transaction. */
    static void build(Database db, int tasks, int tenants, Instant at) {
        String[] open = {"Not started", "On target", "In progress", "At risk", "Delayed"};
        SplittableRandom random = new SplittableRandom(20240612L);
        long now = at.toEpochMilli();
        db.inTransaction(h -> {
            var c = h.getConnection();
            try (PreparedStatement tenant = c.prepareStatement("INSERT INTO tenant (id, slug, name, created_at) VALUES (?, ?, ?, ?)");
                 PreparedStatement plan = c.prepareStatement("INSERT INTO plan (id, tenant_id, name, layout, created_at, updated_at)"
                         + " VALUES (?, ?, 'Action plan', '{}', ?, ?)");
                 PreparedStatement section = c.prepareStatement("INSERT INTO section (id, tenant_id, plan_id, name, position)"
                         + " VALUES (?, ?, ?, 'SECTION', 0)");
                 PreparedStatement action = c.prepareStatement("INSERT INTO action (id, tenant_id, plan_id, section_id, action_key,"
                         + " ref_key, label, recommendation, status_word, status_kind, lead, position)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, 'Recommendation', 'On target', 'ON_TARGET', ?, ?)");
                 PreparedStatement task = c.prepareStatement("INSERT INTO task (tenant_id, plan_id, action_id, ref, ref_key,"
                         + " description, status_word, status_kind, target_kind, target_date, target_precision, owner,"
                         + " position, updated_at) VALUES (?, ?, ?, ?, ?, 'A task of the plan', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int m = 1; m <= tenants; m++) {
                    tenant.setLong(1, m);
                    tenant.setString(2, "council-" + m);
                    tenant.setString(3, "Council " + m);
                    tenant.setLong(4, now);
                    tenant.addBatch();
                    plan.setLong(1, m);
                    plan.setLong(2, m);
                    plan.setLong(3, now);
                    plan.setLong(4, now);
                    plan.addBatch();
                    section.setLong(1, m);
                    section.setLong(2, m);
                    section.setLong(3, m);
                    section.addBatch();
                }
                tenant.executeBatch();
                plan.executeBatch();
                section.executeBatch();
                long actionId = 0;
                for (int m = 1; m <= tenants; m++) {
                    int mine = tasks / tenants + (m <= tasks % tenants ? 1 : 0);
                    for (int i = 0; i < mine; i++) {
                        if (i % TASKS_PER_ACTION == 0) {
                            actionId++;
                            String key = String.format("AC%05d", i / TASKS_PER_ACTION);
                            action.setLong(1, actionId);
                            action.setLong(2, m);
                            action.setLong(3, m);
                            action.setLong(4, m);
                            action.setString(5, key);
                            action.setString(6, RefKey.of(key));
                            action.setString(7, "ACTION " + key);
                            action.setString(8, "Lead " + (actionId % 13));
                            action.setInt(9, i / TASKS_PER_ACTION);
                            action.addBatch();
                            if (actionId % BATCH == 0) {
                                action.executeBatch();
                            }
                        }
                        String ref = String.format("AC%05d/%02d", i / TASKS_PER_ACTION, i % TASKS_PER_ACTION + 1);
                        int s = random.nextInt(100);
                        String status = s < 15 ? "Completed" : s < 18 ? "Closed - no longer required" : open[s % open.length];
                        String statusKind = s < 15 ? "COMPLETED" : s < 18 ? "CLOSED"
                                : status.toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
                        int k = random.nextInt(100);
                        String kind = k < 85 ? "DATE" : k < 92 ? "TBC" : k < 96 ? "NOT_APPLICABLE" : null;
                        task.setLong(1, m);
                        task.setLong(2, m);
                        task.setLong(3, actionId);
                        task.setString(4, ref);
                        task.setString(5, RefKey.of(ref));
                        task.setString(6, status);
                        task.setString(7, statusKind);
                        task.setString(8, kind);
                        task.setString(9, "DATE".equals(kind) ? DAY.plusDays(random.nextInt(731) - 365).toString() : null);
                        task.setString(10, kind == null ? null : "DAY");
                        task.setString(11, "Officer " + random.nextInt(40));
                        task.setInt(12, i % TASKS_PER_ACTION);
                        task.setLong(13, now - random.nextLong(60L * 86_400_000L));
                        task.addBatch();
                        if ((i + 1) % BATCH == 0) {
                            action.executeBatch();
                            task.executeBatch();
                        }
                    }
                    action.executeBatch();
                    task.executeBatch();
                }
            } catch (SQLException e) {
                throw new StorageException("cannot build the benchmark database: " + e.getMessage(), e);
            }
            return null;
        });
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void resetHeapPeak() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
