package planbot.scheduler.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.scheduler.reminder.ReminderSweep;
import planbot.scheduler.reminder.SweepRequest;
import planbot.scheduler.reminder.SweepResult;
import planbot.storage.ReminderStateRepository;
import planbot.storage.Tenant;

/**
 * Runs the reminder sweep for every tenant at the clock's now. A thin shell around
 * {@link ReminderSweep#sweep}: it catches and logs every exception and never rethrows, so a failing sweep is
 * tried again at the next fire instead of being lost in Quartz's own log.
 *
 * <p>What it decides: when the sweep of all tenants together fails, it sweeps each tenant on its own, so one
 * tenant whose data or policy breaks the sweep does not stop every other council's reminders; each failing
 * tenant is logged by slug. When even the tenants cannot be listed (the database is down), it logs once and
 * waits for the next fire: decisions come from the database, so nothing is lost by waiting.
 *
 * <p>Quartz never runs two of these at once, on one node or across a cluster ({@link DisallowConcurrentExecution});
 * {@link SchedulerService#sweepNow} may overlap one, which the outbox's UNIQUE keys make harmless. Thread-safe:
 * the {@link ServiceJobFactory} hands Quartz the same instance for every fire.
 */
@DisallowConcurrentExecution
public final class SweepJob implements Job {
    static final JobKey KEY = JobKey.jobKey("reminder-sweep", SchedulerService.GROUP);
    private static final Logger LOG = LoggerFactory.getLogger(SweepJob.class);

    private final ReminderSweep sweep;
    private final ReminderStateRepository tenants;
    private final Clock clock;
    private final JobHealth health;
    private final MeterRegistry meters;
    private final Counter decided;

    SweepJob(ReminderSweep sweep, ReminderStateRepository tenants, Clock clock, MeterRegistry meters) {
        this.sweep = Objects.requireNonNull(sweep, "sweep");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = new JobHealth(KEY.getName(), clock);
        this.meters = Objects.requireNonNull(meters, "meters");
        this.decided = Counter.builder("planbot.reminders.decided").description("reminders the sweeps put in the outbox")
                .register(meters);
    }

    @Override
    public void execute(JobExecutionContext context) {
        run();
    }

    /** One sweep; never throws. True when every tenant was swept. Its duration is timed by outcome. */
    boolean run() {
        Timer.Sample started = Timer.start(meters);
        boolean ok = sweepAll();
        started.stop(Timer.builder("planbot.sweep").description("how long a sweep took").tag("job", "reminders")
                .tag("outcome", ok ? "ok" : "failed").register(meters));
        return ok;
    }

    private boolean sweepAll() {
        Instant at = null;
        try {
            at = clock.instant();
            health.started(at);
            SweepResult r = sweep.sweep(SweepRequest.allTenants(at));
            decided.increment(r.decided().size());
            LOG.debug("reminder sweep at {}: {} tenants, {} reminders enqueued", at, r.tenants(), r.decided().size());
            health.succeeded();
            return true;
        } catch (RuntimeException e) {
            if (at == null) {
                LOG.error("reminder sweep: the clock failed; trying again at the next fire", e);
                health.failed(String.valueOf(e));
                return false;
            }
            LOG.error("reminder sweep at {} failed for all tenants together; sweeping each tenant on its own", at, e);
        }
        return eachTenant(at);
    }

    private boolean eachTenant(Instant at) {
        List<Tenant> all;
        try {
            all = tenants.tenants();
        } catch (RuntimeException e) {
            LOG.error("reminder sweep at {}: cannot list the tenants either; trying again at the next fire", at, e);
            health.failed("cannot list the tenants: " + e);
            return false;
        }
        int failed = 0;
        String firstError = null;
        for (Tenant t : all) {
            try {
                decided.increment(sweep.sweep(SweepRequest.of(t, at)).decided().size());
            } catch (RuntimeException e) {
                failed++;
                if (firstError == null) {
                    firstError = "tenant " + t.slug() + ": " + e;
                }
                LOG.error("reminder sweep at {} failed for tenant {} (id {}); its reminders wait for the next fire", at,
                        t.slug(), t.id(), e);
            }
        }
        if (failed > 0) {
            health.failed(failed + " of " + all.size() + " tenants failed; " + firstError);
            return false;
        }
        LOG.info("reminder sweep at {}: every tenant swept on its own after the sweep of all of them failed", at);
        health.succeeded();
        return true;
    }

    JobStatus status() {
        return health.status();
    }
}
