package planbot.scheduler.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.calendar.DailyCalendar;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.scheduler.digest.DigestSweep;
import planbot.scheduler.reminder.ReminderSweep;
import planbot.storage.Database;
import planbot.storage.ReminderStateRepository;

/**
 * Runs the reminder sweep and the digest sweep on Quartz: every {@link SchedulerConfig#sweepEvery} and
 * {@link SchedulerConfig#digestEvery} (15 minutes by default), never in the quiet hours (00:00–03:00 London by
 * default, where the clocks change). Nothing runs until {@link #start}.
 *
 * <p>The job store follows the database. SQLite: Quartz's in-memory store, one node (never cluster on SQLite:
 * Quartz has no SQLite schema and SQLite rejects its row locks). PostgreSQL: Quartz's clustered JDBC store
 * ({@code JobStoreTX}, {@code PostgreSQLDelegate}, {@code acquireTriggersWithinLock}, tables {@code QRTZ_…}
 * created from the Quartz jar's own script when missing, see {@link QuartzSchema}), on connections borrowed from
 * the {@link Database}'s pool ({@link DatabaseConnectionProvider}); each fire then runs on one node of the
 * cluster, and a node that stops or dies leaves the fires to the others. Quartz is at-least-once (a recovered
 * or repeated fire runs a sweep again); the outbox's UNIQUE keys make the effect exactly-once.
 *
 * <p>Two clocks, on purpose. Quartz fires on real time: it is only the heartbeat that says "look now", so a
 * missed or extra fire changes nothing (misfires are skipped, not replayed). What is due is decided by the
 * services from the injected {@link Clock} and what the outbox already holds; so a test moves the clock and
 * calls the services (or {@link #sweepNow}) directly, and a node that was down catches up by itself, once, at
 * its first sweep: the latest reminder of each kind per task, one digest for the current week.
 *
 * <p>Start-up, in order: the Quartz tables (PostgreSQL), the Quartz scheduler in standby, the jobs and their
 * triggers (replacing the stored ones, so a changed interval takes effect; the trigger times are aligned to
 * multiples of the interval, so a 15-minute sweep fires at :00, :15, :30 and :45 on every node), the catch-up
 * {@link #sweepNow} if configured, then the scheduler starts firing. {@link #stop} undoes it in reverse: stop
 * firing and wait for running jobs, then release the scheduler; the {@link Database} stays open (whoever opened
 * it closes it, after this). A failed start releases what it made and throws; a job never throws.
 *
 * <p>Thread-safe. Several services can run in one JVM (the cluster test runs two nodes): each keeps its own
 * Quartz scheduler instead of looking it up in Quartz's static repository, and each registers its own data
 * source name; give each its own {@link SchedulerConfig#instanceId}.
 */
public final class SchedulerService implements AutoCloseable {
    /** The Quartz scheduler name, shared by every node of a cluster, and the jobs' group. */
    static final String NAME = "planbot";
    static final String GROUP = "planbot";
    static final String QUIET = "quiet-hours";

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerService.class);
    /** Quartz's scheduler repository is static: creating a scheduler and unbinding it from there is one step. */
    private static final Object CREATING = new Object();
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();
    private static final DateTimeFormatter CALENDAR_TIME = DateTimeFormatter.ofPattern("HH:mm:ss:SSS");

    private enum State { NEW, STARTED, STOPPED }

    private final Database db;
    private final SchedulerConfig config;
    private final SweepJob sweepJob;
    private final DigestJob digestJob;
    private State state = State.NEW;
    private Scheduler scheduler;

    /**
     * @param db        the database the sweeps write to; on PostgreSQL also Quartz's job store
     * @param reminders the reminder sweep
     * @param tenants   the tenants, for sweeping each on its own when the sweep of all of them fails
     * @param digests   the digest sweep
     * @param clock     the services' clock, read by the jobs for the instant they decide for
     * @param config    intervals, quiet hours, node id
     */
    public SchedulerService(Database db, ReminderSweep reminders, ReminderStateRepository tenants, DigestSweep digests,
                            Clock clock, SchedulerConfig config) {
        this(db, reminders, tenants, digests, clock, config, new io.micrometer.core.instrument.composite.CompositeMeterRegistry());
    }

    /**
     * As above, recording each sweep's duration ({@code planbot.sweep}, by job and outcome) and the reminders it decided
     * ({@code planbot.reminders.decided}) in {@code meters}.
     */
    public SchedulerService(Database db, ReminderSweep reminders, ReminderStateRepository tenants, DigestSweep digests,
                            Clock clock, SchedulerConfig config, MeterRegistry meters) {
        this.db = Objects.requireNonNull(db, "db");
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(meters, "meters");
        this.sweepJob = new SweepJob(reminders, tenants, clock, meters);
        this.digestJob = new DigestJob(digests, clock, meters);
    }

    /**
     * Starts firing the jobs (see the class comment for the order).
     *
     * @throws IllegalStateException when started before, or when Quartz or its tables cannot be set up (what was
     *                               made is released first)
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("the scheduler was " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + " already; make a new one");
        }
        Scheduler s = null;
        try {
            s = create();
            schedule(s);
            scheduler = s;
            if (config.catchUpOnStart()) {
                sweepNow();
            }
            s.start();
            state = State.STARTED;
            LOG.info("scheduler started: {} store, node {}, reminder sweep every {}, digest sweep every {}, quiet {}",
                    isClustered() ? "clustered PostgreSQL" : "in-memory", s.getSchedulerInstanceId(), config.sweepEvery(),
                    config.digestEvery(), config.quietHours() == null ? "never" : config.quietHours());
        } catch (SchedulerException | RuntimeException e) {
            state = State.STOPPED;
            scheduler = null;
            if (s != null) {
                try {
                    s.shutdown(false);
                } catch (SchedulerException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * Stops firing, waits for running jobs to finish, and releases the scheduler. Does nothing when not started or
     * stopped already. The database stays open. Never throws: a failure to shut Quartz down is logged.
     */
    public synchronized void stop() {
        if (state != State.STARTED) {
            state = State.STOPPED;
            return;
        }
        state = State.STOPPED;
        try {
            scheduler.shutdown(true);
            LOG.info("scheduler stopped");
        } catch (SchedulerException | RuntimeException e) {
            LOG.error("the scheduler did not shut down cleanly", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Runs the reminder sweep and then the digest sweep once, now, on the calling thread, through the same jobs
     * Quartz fires (so failures are caught and logged the same way): start-up catch-up, or an admin's "sweep now".
     * Never throws.
     *
     * @return true when both sweeps succeeded for every tenant and subscription
     */
    public boolean sweepNow() {
        boolean reminders = sweepJob.run();
        boolean digests = digestJob.run();
        return reminders && digests;
    }

    /** How each job has been doing on this node: reminder sweep, then digest sweep. */
    public List<JobStatus> health() {
        return List.of(sweepJob.status(), digestJob.status());
    }

    /** True on PostgreSQL: the job store is Quartz's clustered JDBC store. */
    public boolean isClustered() {
        return db.vendor() == Database.Vendor.POSTGRESQL;
    }

    /** This node's Quartz instance id, once started; null before. */
    public synchronized String instanceId() {
        try {
            return scheduler == null ? null : scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return null;
        }
    }

    private Scheduler create() throws SchedulerException {
        String dataSource = null;
        if (isClustered()) {
            if (QuartzSchema.ensure(db, NAME)) {
                LOG.info("created the Quartz job store tables from {}", QuartzSchema.SCRIPT);
            }
            dataSource = "planbot-" + DATA_SOURCES.incrementAndGet();
            DBConnectionManager.getInstance().addConnectionProvider(dataSource, new DatabaseConnectionProvider(db));
        }
        Scheduler s;
        synchronized (CREATING) {
            s = new StdSchedulerFactory(properties(db.vendor(), config, dataSource)).getScheduler();
            // nothing looks a scheduler up by name here; unbinding lets another node of the same name live in this JVM
            SchedulerRepository.getInstance().remove(s.getSchedulerName());
        }
        s.setJobFactory(new ServiceJobFactory(sweepJob, digestJob));
        return s;
    }

    private void schedule(Scheduler s) throws SchedulerException {
        String calendar = null;
        if (config.quietHours() != null) {
            s.addCalendar(QUIET, quietCalendar(config.quietHours()), true, true);
            calendar = QUIET;
        }
        long now = System.currentTimeMillis(); // Quartz's real time, not the services' clock: see the class comment
        s.scheduleJob(job(SweepJob.class, SweepJob.KEY, "reminder sweep"),
                Set.of(trigger(SweepJob.KEY, config.sweepEvery(), now, calendar)), true);
        s.scheduleJob(job(DigestJob.class, DigestJob.KEY, "digest sweep"),
                Set.of(trigger(DigestJob.KEY, config.digestEvery(), now, calendar)), true);
    }

    private static JobDetail job(Class<? extends org.quartz.Job> type, JobKey key, String description) {
        return JobBuilder.newJob(type).withIdentity(key).withDescription(description).storeDurably().build();
    }

    /**
     * Every {@code every}, from the next multiple of it (so every node's trigger fires on the same grid), repeating
     * for ever; a missed fire is skipped, not replayed (the next sweep decides what came due), and fires in the
     * quiet hours move to the first one after.
     */
    static Trigger trigger(JobKey job, Duration every, long nowMillis, String calendar) {
        long ms = every.toMillis();
        long start = (nowMillis / ms + 1) * ms;
        TriggerBuilder<?> b = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(job.getName(), job.getGroup()))
                .forJob(job).startAt(new Date(start))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(ms).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount());
        if (calendar != null) {
            b = b.modifiedByCalendar(calendar);
        }
        return b.build();
    }

    /** A Quartz calendar that excludes the quiet hours every day in their zone. */
    static DailyCalendar quietCalendar(SchedulerConfig.QuietHours quiet) {
        DailyCalendar c;
        if (quiet.from().isBefore(quiet.until())) {
            c = new DailyCalendar(CALENDAR_TIME.format(quiet.from()), CALENDAR_TIME.format(quiet.until().minusNanos(1_000_000)));
        } else {
            // across midnight: include [until, from) and exclude the rest
            c = new DailyCalendar(CALENDAR_TIME.format(quiet.until()), CALENDAR_TIME.format(quiet.from().minusNanos(1_000_000)));
            c.setInvertTimeRange(true);
        }
        c.setTimeZone(TimeZone.getTimeZone(quiet.zone()));
        c.setDescription("no jobs from " + quiet.from() + " to " + quiet.until() + " " + quiet.zone());
        return c;
    }

    static Duration idleWait(SchedulerConfig config) {
        Duration shortest = config.sweepEvery().compareTo(config.digestEvery()) < 0 ? config.sweepEvery() : config.digestEvery();
        Duration max = Duration.ofSeconds(30);
        return shortest.compareTo(max) > 0 ? max : shortest;
    }

    static Properties properties(Database.Vendor vendor, SchedulerConfig config, String dataSource) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", NAME);
        p.setProperty("org.quartz.scheduler.instanceId", config.instanceId());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(config.threads()));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "planbot-job-" + config.instanceId());
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        // When a node finds no trigger to take (another node has them), it polls again after the idle wait: never
        // longer than the shortest interval, so a node that is left alone takes over within one interval (Quartz's
        // default of 30 s stays the most, and 1 s the least)
        p.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(idleWait(config).toMillis()));
        if (vendor == Database.Vendor.POSTGRESQL) {
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            p.setProperty("org.quartz.jobStore.dataSource", Objects.requireNonNull(dataSource, "dataSource"));
            p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(config.clusterCheckin().toMillis()));
            p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
            p.setProperty("org.quartz.jobStore.useProperties", "true");
        } else {
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        return p;
    }
}
