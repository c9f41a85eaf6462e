package planbot.scheduler.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import planbot.domain.Action;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.scheduler.digest.DigestSource;
import planbot.scheduler.digest.DigestSweep;
import planbot.scheduler.reminder.PolicySource;
import planbot.scheduler.reminder.ReminderPolicy;
import planbot.scheduler.reminder.ReminderSweep;
import planbot.storage.Database;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.JdbiReminderStateRepository;
import planbot.storage.JdbiReminderTaskRepository;
import planbot.storage.JdbiSubscriptionRepository;
import planbot.storage.OutboxRepository;
import planbot.storage.ReminderStateRepository;
import planbot.storage.SubscriptionRepository;
import planbot.storage.testing.Stores;
import planbot.storage.testing.TestPlans;
import planbot.tracker.ImportMode;

/** The scheduler's services on one database and one clock, wired as the composition root wires them. */
final class Wiring {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    final Database db;
    final Clock clock;
    final Stores stores;
    final OutboxRepository outbox;
    final ReminderStateRepository state;
    final SubscriptionRepository subscriptions;
    final ReminderSweep reminders;
    final DigestSweep digests;

    Wiring(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.stores = Stores.on(db);
        this.outbox = new JdbiOutboxRepository(db);
        this.state = new JdbiReminderStateRepository(db);
        this.subscriptions = new JdbiSubscriptionRepository(db);
        this.reminders = new ReminderSweep(db, state, new PolicySource(state, ReminderPolicy.defaults()),
                new JdbiReminderTaskRepository(db), outbox, clock);
        this.digests = new DigestSweep(db, subscriptions, new DigestSource(db), outbox, clock);
    }

    SchedulerService scheduler(SchedulerConfig config) {
        return new SchedulerService(db, reminders, state, digests, clock, config);
    }

    /** Imports a plan into a tenant as at an instant. */
    void importPlan(String tenant, Plan plan, Instant at) {
        stores.importer().importPlan(tenant, TestPlans.read(plan), ImportMode.APPLY, "admin", Clock.fixed(at, ZoneOffset.UTC));
    }

    /** Reminder keys in the outbox, all tenants. */
    List<String> reminderKeys() {
        return db.withHandle(h -> h.createQuery("SELECT idempotency_key FROM outbox WHERE kind <> 'DIGEST' ORDER BY 1")
                .mapTo(String.class).list());
    }

    /** Digest keys in the outbox, all tenants. */
    List<String> digestKeys() {
        return db.withHandle(h -> h.createQuery("SELECT idempotency_key FROM outbox WHERE kind = 'DIGEST' ORDER BY 1")
                .mapTo(String.class).list());
    }

    /** Keys stored more than once: what the UNIQUE constraint is there to keep empty. */
    List<String> duplicateKeys() {
        return db.withHandle(h -> h.createQuery("SELECT idempotency_key FROM outbox GROUP BY idempotency_key"
                + " HAVING COUNT(*) > 1").mapTo(String.class).list());
    }

    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    static Instant london(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(LONDON).toInstant();
    }

    /**
     * A plan whose tasks fall due around a date: one due that day, one the working day before, one a week after,
     * and one finished (which must never be reminded), each with an owner.
     */
    static Plan dueAround(String name, String prefix, LocalDate day) {
        return new Plan(name, TestPlans.REVIEW_LAYOUT, List.of(new Section("SECTION " + prefix, List.of(
                new Action(prefix + "001", "ACTION " + prefix + " 001", "Recommendation", Status.of("On target"), "Lead",
                        null, List.of(
                        task(prefix + "001/01", "On target", day, "Officer A"),
                        task(prefix + "001/02", "In progress", day.minusDays(3), "Officer B"),
                        task(prefix + "001/03", "At risk", day.plusDays(9), "Officer C"),
                        task(prefix + "001/04", "Completed", day, "Officer D")))))));
    }

    private static Task task(String ref, String status, LocalDate target, String owner) {
        return new Task(ref, "Task " + ref, Status.of(status), "Short", null, PlanDate.of(target), null, owner, null);
    }
}
