package planbot.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import planbot.domain.Action;
import planbot.domain.AuditEvent;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.scheduler.digest.DigestSource;
import planbot.scheduler.reminder.ReminderSweep;
import planbot.scheduler.reminder.SweepRequest;
import planbot.scheduler.reminder.SweepResult;
import planbot.storage.Database;
import planbot.storage.JdbiOutboxRepository;
import planbot.scheduler.reminder.PolicySource;
import planbot.scheduler.reminder.ReminderPolicy;
import planbot.storage.JdbiReminderStateRepository;
import planbot.storage.JdbiReminderTaskRepository;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.storage.Tenant;
import planbot.storage.testing.Stores;
import planbot.storage.testing.TestDatabases;
import planbot.storage.testing.TestPlans;
import planbot.testing.MutableClock;
import planbot.tracker.ImportMode;

/**
 * A real SQLite file with a small plan imported, the real reminder sweep writing its outbox, and a dispatcher
 * sending through a {@link FakeMessenger} by a clock that moves only when the test moves it. One per test.
 */
public final class DeliveryFixture implements AutoCloseable {
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final String TENANT = "test-council";
    /** Monday 15 May 2023, a working day. */
    public static final LocalDate DAY = LocalDate.of(2023, 5, 15);
    /** 09:00 that day in London, when reminders are sent. */
    public static final Instant NINE = at(DAY, 9, 0);

    public final Database db;
    public final Stores stores;
    public final OutboxRepository outbox;
    public final MutableClock clock;
    public final Tenant tenant;
    public final FakeMessenger messenger;
    public final FakeRouting routing = new FakeRouting();
    public final PolicySource policies;
    public final ReminderSweep sweep;
    public final NoticeBuilder notices;

    private DeliveryFixture(Path dir, List<Task> tasks, Instant importedAt) {
        this.db = TestDatabases.sqlite(dir);
        this.stores = Stores.on(db);
        this.clock = new MutableClock(importedAt, LONDON);
        stores.importer().importPlan(TENANT, TestPlans.read(plan(tasks)), ImportMode.APPLY, "test", clock);
        this.tenant = stores.tenants().find(TENANT).orElseThrow();
        this.outbox = new JdbiOutboxRepository(db);
        this.messenger = new FakeMessenger(clock);
        JdbiReminderStateRepository state = new JdbiReminderStateRepository(db);
        this.policies = new PolicySource(state, ReminderPolicy.defaults());
        this.sweep = new ReminderSweep(db, state, policies, new JdbiReminderTaskRepository(db), outbox, clock);
        this.notices = new NoticeBuilder(stores.tasks(), stores.snoozes(), policies, new DigestSource(db));
        clock.set(NINE);
    }

    /** A plan of one action ({@code EN001}, "ENFORCEMENT 001", led by Liam Lead) with these tasks, imported at 08:00. */
    public static DeliveryFixture open(Path dir, List<Task> tasks) {
        return new DeliveryFixture(dir, tasks, at(DAY, 8, 0));
    }

    /** The same, with the plan imported (and so last changed) at {@code importedAt}. */
    public static DeliveryFixture open(Path dir, List<Task> tasks, Instant importedAt) {
        return new DeliveryFixture(dir, tasks, importedAt);
    }

    public static Plan plan(List<Task> tasks) {
        return new Plan("Test plan", TestPlans.REVIEW_LAYOUT, List.of(new Section("PLANNING ENFORCEMENT", List.of(
                new Action("EN001", "ENFORCEMENT 001", "Review enforcement", Status.of("On target"), "Liam Lead", null, tasks)))));
    }

    /** An open task due on {@code target}, owned by {@code owner}. */
    public static Task task(int n, String description, LocalDate target, String owner) {
        return new Task(String.format("EN001/%02d", n), description, Status.of("On target"), null, null,
                target == null ? null : PlanDate.of(target), null, owner, null);
    }

    /** {@code n} tasks all due today and all owned by {@code owner}: n "due today" reminders for one person. */
    public static List<Task> dueToday(int n, String owner) {
        List<Task> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(task(i, "Task number " + i, DAY, owner));
        }
        return out;
    }

    public static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), LONDON).toInstant();
    }

    public SweepResult sweep() {
        return sweep.sweep(SweepRequest.allTenants(clock.instant()));
    }

    public OutboxDispatcher dispatcher(DeliveryConfig config) {
        return dispatcher(config, List.of(messenger));
    }

    public OutboxDispatcher dispatcher(DeliveryConfig config, List<Messenger> messengers) {
        return dispatcher(config, messengers, routing);
    }

    public OutboxDispatcher dispatcher(DeliveryConfig config, List<Messenger> messengers, Routing routes) {
        // jitter 0: the backoff's waits are exact, so a test can name them
        return new OutboxDispatcher(db, outbox, stores.tenants(), stores.audit(), notices, routes, messengers, config,
                clock, () -> 0.0);
    }

    public OutboxDispatcher dispatcher() {
        return dispatcher(DeliveryConfig.defaults());
    }

    public OutboxMessage row(String key) {
        return outbox.find(key).orElseThrow(() -> new AssertionError("no outbox row " + key));
    }

    /** Every outbox row of the tenant, by id. */
    public List<OutboxMessage> rows() {
        List<OutboxMessage> out = new ArrayList<>();
        for (String key : outbox.keys(tenant)) {
            out.add(row(key));
        }
        out.sort(java.util.Comparator.comparingLong(OutboxMessage::id));
        return out;
    }

    public List<OutboxMessage> rows(String kind) {
        List<OutboxMessage> out = new ArrayList<>();
        for (OutboxMessage m : rows()) {
            if (m.entry().kind().equals(kind)) {
                out.add(m);
            }
        }
        return out;
    }

    public long taskId(String ref) {
        return stores.tasks().findTasksByKey(tenant, planbot.domain.RefKey.of(ref)).get(0).task().id();
    }

    /**
     * Makes each outbox row look decided at a moment of its own (a millisecond apart, by row id), as if by sweeps of
     * their own: for tests of pacing and rate limits, which need many messages to one channel where one sweep's
     * reminders for a person would be one message.
     */
    public void eachRowItsOwnMoment() {
        db.withHandle(h -> h.execute("UPDATE outbox SET created_at = created_at - id"));
    }

    public List<AuditEvent> audit(String ref) {
        return stores.audit().list(tenant, ref);
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        db.close();
    }
}
