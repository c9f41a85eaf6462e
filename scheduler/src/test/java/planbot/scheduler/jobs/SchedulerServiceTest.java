package planbot.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static planbot.scheduler.jobs.Wiring.london;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerUtils;
import org.quartz.impl.calendar.DailyCalendar;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.TriggerFiredBundle;
import planbot.scheduler.reminder.SweepRequest;
import planbot.storage.Database;
import planbot.storage.SubscriptionSpec;
import planbot.storage.Tenant;
import planbot.storage.testing.TestDatabases;

/**
 * The scheduler on SQLite (Quartz's in-memory store, one node): it fires the sweeps, catches up on start, stops
 * cleanly, never lets a failure out of a job, and keeps its fires out of the quiet hours across both clock changes.
 */
class SchedulerServiceTest {
    /** A working day with reminders due for the plan below (due on Monday 15 May 2023). */
    private static final Instant MONDAY = london("2023-05-15T09:30");
    private static final Instant SATURDAY = london("2023-05-13T10:00");

    @TempDir
    Path dir;
    private Database db;
    private MovingClock clock;
    private Wiring w;
    private SchedulerService service;

    @BeforeEach
    void aPlanWithRemindersDueOnMonday() {
        db = TestDatabases.sqlite(dir);
        clock = new MovingClock(SATURDAY);
        w = new Wiring(db, clock);
        w.importPlan("council", Wiring.dueAround("Review", "EN", LocalDate.of(2023, 5, 15)), london("2023-05-01T10:00"));
        w.importPlan("borough", Wiring.dueAround("Review", "BO", LocalDate.of(2023, 5, 15)), london("2023-05-01T10:00"));
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.stop();
        }
        db.close();
    }

    private static SchedulerConfig everySecond() {
        return SchedulerConfig.defaults().withSweepEvery(Duration.ofSeconds(1)).withDigestEvery(Duration.ofSeconds(1))
                .withQuietHours(null).withInstanceId("solo");
    }

    private List<String> dueAt(Instant at) {
        return w.reminders.sweep(SweepRequest.allTenants(at).asDryRun()).decided().stream()
                .map(planbot.scheduler.reminder.Reminder::key).sorted().toList();
    }

    @Test
    @Timeout(30)
    void quartzFiresTheSweepsAndTheyWriteWhatTheClockSaysIsDue() throws Exception {
        // GIVEN a started scheduler on a Saturday (nothing due), firing every second
        service = w.scheduler(everySecond().withCatchUpOnStart(false));
        service.start();
        assertThat(service.isClustered()).isFalse();
        assertThat(service.instanceId()).isEqualTo("solo");

        // WHEN the clock moves to Monday 09:30
        List<String> expected = dueAt(MONDAY);
        assertThat(expected).isNotEmpty();
        clock.set(MONDAY);

        // THEN a fire writes exactly what is due, once
        waitFor(() -> w.reminderKeys().size() >= expected.size());
        assertThat(w.reminderKeys()).containsExactlyElementsOf(expected);
        waitFor(() -> service.health().get(0).runs() >= 3);
        assertThat(w.reminderKeys()).containsExactlyElementsOf(expected);
        assertThat(service.health()).allSatisfy(s -> assertThat(s.healthy()).as(s.job()).isTrue());
    }

    @Test
    void startCatchesUpBeforeTheFirstFireAndStopLeavesTheDatabaseOpen() {
        // GIVEN a due Monday and a digest subscription; hourly fires (none is awaited)
        clock.set(MONDAY);
        Tenant council = w.stores.tenants().find("council").orElseThrow();
        w.subscriptions.add(council, SubscriptionSpec.weekly("slack:C1", null, null), london("2023-05-01T10:00"));
        service = w.scheduler(SchedulerConfig.defaults().withInstanceId("solo").withSweepEvery(Duration.ofHours(1))
                .withDigestEvery(Duration.ofHours(1)));
        List<String> expected = dueAt(MONDAY);

        // WHEN it starts
        service.start();

        // THEN the catch-up already wrote what is due and this week's digest
        assertThat(w.reminderKeys()).containsExactlyElementsOf(expected);
        assertThat(w.digestKeys()).containsExactly("dig:council:slack:C1:2023-W20");
        assertThat(service.health()).extracting(JobStatus::job, JobStatus::runs, JobStatus::failures)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reminder-sweep", 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple("digest-sweep", 1L, 0L));

        // WHEN it stops (twice)
        service.stop();
        service.stop();

        // THEN the database is still usable, and the service cannot be started again
        assertThat(w.reminderKeys()).hasSize(expected.size());
        assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("make a new one");
    }

    @Test
    void startingTwiceIsRefusedAndStoppingBeforeStartingDoesNothing() {
        SchedulerService never = w.scheduler(everySecond());
        never.stop();
        assertThatThrownBy(never::start).isInstanceOf(IllegalStateException.class);

        service = w.scheduler(everySecond().withCatchUpOnStart(false));
        service.start();
        assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("started already");
    }

    @Test
    void aTenantWhoseSweepFailsDoesNotStopTheOthersAndTheJobDoesNotThrow() {
        // GIVEN the database refuses every outbox row of one tenant
        Tenant borough = w.stores.tenants().find("borough").orElseThrow();
        db.withHandle(h -> h.execute("CREATE TRIGGER refuse_borough BEFORE INSERT ON outbox WHEN NEW.tenant_id = "
                + borough.id() + " BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"));
        clock.set(MONDAY);
        service = w.scheduler(everySecond());

        // WHEN the sweep runs (the sweep of all tenants together fails on the borough's rows)
        boolean ok = service.sweepNow();

        // THEN it returns instead of throwing, the council's reminders are written on their own, and the failure
        // is visible
        assertThat(ok).isFalse();
        assertThat(w.reminderKeys()).isNotEmpty().allSatisfy(k -> assertThat(k).doesNotStartWith("rem:" + borough.id() + ":"));
        JobStatus reminders = service.health().get(0);
        assertThat(reminders.failures()).isEqualTo(1);
        assertThat(reminders.lastError()).contains("1 of 2 tenants failed", "tenant borough", "refused by test trigger");
        assertThat(reminders.healthy()).isFalse();
    }

    @Test
    void withTheDatabaseGoneTheJobsLogAndReturn() {
        // GIVEN a scheduler on a database of its own with a subscription, then that database closed under the jobs
        Database gone = TestDatabases.sqlite(dir);
        Wiring g = new Wiring(gone, clock);
        g.subscriptions.add(g.stores.tenants().getOrCreate("council", SATURDAY), SubscriptionSpec.weekly("c", null, null),
                SATURDAY);
        SchedulerService orphan = g.scheduler(everySecond());
        gone.close();

        // WHEN they run THEN nothing is thrown, and both say they failed
        assertThat(orphan.sweepNow()).isFalse();
        assertThat(orphan.health()).allSatisfy(s -> {
            assertThat(s.failures()).isEqualTo(1);
            assertThat(s.lastError()).isNotBlank();
            assertThat(s.healthy()).isFalse();
        });
    }

    @Test
    void theJobFactoryHandsOutTheWiredJobsAndRefusesOthers() throws Exception {
        SweepJob sweep = new SweepJob(w.reminders, w.state, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        DigestJob digest = new DigestJob(w.digests, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        ServiceJobFactory factory = new ServiceJobFactory(sweep, digest);

        assertThat(factory.newJob(bundle(JobBuilder.newJob(SweepJob.class).withIdentity(SweepJob.KEY).build()), null))
                .isSameAs(sweep);
        assertThat(factory.newJob(bundle(JobBuilder.newJob(DigestJob.class).withIdentity(DigestJob.KEY).build()), null))
                .isSameAs(digest);
        JobDetail stranger = JobBuilder.newJob(Stranger.class).withIdentity("stranger").build();
        assertThatThrownBy(() -> factory.newJob(bundle(stranger), null)).isInstanceOf(SchedulerException.class)
                .hasMessageContaining("Stranger");
    }

    @Test
    void noFireFallsInTheQuietHoursOnEitherNightTheClocksChange() {
        // GIVEN the default quiet hours (00:00-03:00 London) and a 15-minute trigger
        DailyCalendar quiet = SchedulerService.quietCalendar(SchedulerConfig.QuietHours.DEFAULT);
        for (String night : List.of("2023-03-25", "2023-10-28")) {
            Instant from = london(night + "T22:00");
            Trigger t = SchedulerService.trigger(SweepJob.KEY, Duration.ofMinutes(15), from.toEpochMilli(), SchedulerService.QUIET);

            // WHEN its fires over the night of the change are computed
            List<Date> fires = TriggerUtils.computeFireTimesBetween((OperableTrigger) t, quiet, Date.from(from),
                    Date.from(from.plus(Duration.ofHours(8))));

            // THEN none is from 00:00 to 03:00 local; the last is at 23:45, the first after at 03:00, on the quarter hours
            List<String> local = fires.stream().map(d -> d.toInstant().atZone(Wiring.LONDON).toLocalTime().toString()).toList();
            assertThat(local).as(night).noneMatch(s -> s.compareTo("03:00") < 0);
            assertThat(local).as(night).contains("23:45", "03:00", "03:15").doesNotContain("00:00", "01:30", "02:45");
            assertThat(fires).allSatisfy(d -> assertThat(d.getTime() % Duration.ofMinutes(15).toMillis()).isZero());
        }
        assertThat(quiet.getTimeZone()).isEqualTo(TimeZone.getTimeZone(ZoneId.of("Europe/London")));
    }

    @Test
    void quietHoursAcrossMidnightExcludeBothEnds() {
        DailyCalendar quiet = SchedulerService.quietCalendar(new SchedulerConfig.QuietHours(java.time.LocalTime.of(22, 0),
                java.time.LocalTime.of(2, 0), ZoneId.of("UTC")));
        assertThat(quiet.isTimeIncluded(Instant.parse("2023-05-15T21:59:00Z").toEpochMilli())).isTrue();
        assertThat(quiet.isTimeIncluded(Instant.parse("2023-05-15T22:00:00Z").toEpochMilli())).isFalse();
        assertThat(quiet.isTimeIncluded(Instant.parse("2023-05-16T01:59:00Z").toEpochMilli())).isFalse();
        assertThat(quiet.isTimeIncluded(Instant.parse("2023-05-16T02:00:00Z").toEpochMilli())).isTrue();
    }

    @Test
    void theStoreFollowsTheDatabaseAndOnlyPostgreSqlIsClustered() {
        Properties sqlite = SchedulerService.properties(Database.Vendor.SQLITE, SchedulerConfig.defaults(), null);
        assertThat(sqlite.getProperty("org.quartz.jobStore.class")).isEqualTo("org.quartz.simpl.RAMJobStore");
        assertThat(sqlite.getProperty("org.quartz.jobStore.isClustered")).isNull();

        Properties pg = SchedulerService.properties(Database.Vendor.POSTGRESQL, SchedulerConfig.defaults(), "planbot-9");
        assertThat(pg).containsEntry("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX")
                .containsEntry("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate")
                .containsEntry("org.quartz.jobStore.isClustered", "true")
                .containsEntry("org.quartz.jobStore.acquireTriggersWithinLock", "true")
                .containsEntry("org.quartz.jobStore.tablePrefix", "QRTZ_")
                .containsEntry("org.quartz.jobStore.dataSource", "planbot-9")
                .containsEntry("org.quartz.scheduler.instanceId", "AUTO")
                .containsEntry("org.quartz.scheduler.idleWaitTime", "30000");
        assertThat(SchedulerService.properties(Database.Vendor.POSTGRESQL, SchedulerConfig.defaults()
                .withDigestEvery(Duration.ofSeconds(5)), "planbot-9")).containsEntry("org.quartz.scheduler.idleWaitTime", "5000");
    }

    @Test
    void intervalsOutsideASecondToAnHourAreRefused() {
        assertThatThrownBy(() -> SchedulerConfig.defaults().withSweepEvery(Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sweepEvery must be from 1 second to 1 hour");
        assertThatThrownBy(() -> SchedulerConfig.defaults().withDigestEvery(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digestEvery");
    }

    /** A job nobody wired. */
    public static final class Stranger implements org.quartz.Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
        }
    }

    private static TriggerFiredBundle bundle(JobDetail job) {
        OperableTrigger t = (OperableTrigger) SchedulerService.trigger(job.getKey(), Duration.ofMinutes(1), 0, null);
        return new TriggerFiredBundle(job, t, null, false, new Date(), new Date(), null, null);
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 seconds");
            }
            Thread.sleep(100);
        }
    }
}
