package planbot.scheduler.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.scheduler.digest.DigestSweep;
import planbot.scheduler.digest.DigestSweepResult;

/**
 * Runs the digest sweep at the clock's now. A thin shell around {@link DigestSweep#sweep}: it logs each
 * subscription that failed with its tenant and channel (a plan or section the tenant does not have is a
 * warning an admin can act on; anything else an error), catches and logs every exception and never rethrows.
 *
 * <p>It fires every few minutes rather than on a cron per subscription: the sweep decides by each subscription's
 * slot and the stored keys, which keeps DST, missed weeks and new subscriptions right without a trigger to
 * create, move or delete per subscription (see {@link DigestSweep}).
 *
 * <p>Never two at once through Quartz, on one node or across a cluster; thread-safe.
 */
@DisallowConcurrentExecution
public final class DigestJob implements Job {
    static final JobKey KEY = JobKey.jobKey("digest-sweep", SchedulerService.GROUP);
    private static final Logger LOG = LoggerFactory.getLogger(DigestJob.class);

    private final DigestSweep sweep;
    private final Clock clock;
    private final JobHealth health;
    private final MeterRegistry meters;

    DigestJob(DigestSweep sweep, Clock clock, MeterRegistry meters) {
        this.sweep = Objects.requireNonNull(sweep, "sweep");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = new JobHealth(KEY.getName(), clock);
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @Override
    public void execute(JobExecutionContext context) {
        run();
    }

    /** One sweep; never throws. True when every subscription was decided. Its duration is timed by outcome. */
    boolean run() {
        Timer.Sample started = Timer.start(meters);
        boolean ok = sweepAll();
        started.stop(Timer.builder("planbot.sweep").description("how long a sweep took").tag("job", "digests")
                .tag("outcome", ok ? "ok" : "failed").register(meters));
        return ok;
    }

    private boolean sweepAll() {
        Instant at = null;
        try {
            at = clock.instant();
            health.started(at);
            DigestSweepResult r = sweep.sweep(at);
            for (DigestSweepResult.Failure f : r.failed()) {
                if (f.error() instanceof IllegalArgumentException) {
                    LOG.warn("digest for tenant {}, channel {} ({}), subscription {}: {}; fix or remove the subscription",
                            f.subscription().tenant().slug(), f.subscription().channel(), scope(f), f.subscription().id(),
                            f.error().getMessage());
                } else {
                    LOG.error("digest for tenant {}, channel {} ({}), subscription {} failed; tried again at the next fire",
                            f.subscription().tenant().slug(), f.subscription().channel(), scope(f), f.subscription().id(),
                            f.error());
                }
            }
            if (!r.failed().isEmpty()) {
                DigestSweepResult.Failure first = r.failed().get(0);
                health.failed(r.failed().size() + " subscriptions failed; tenant " + first.subscription().tenant().slug()
                        + ", channel " + first.subscription().channel() + ": " + first.error());
                return false;
            }
            health.succeeded();
            return true;
        } catch (RuntimeException e) {
            LOG.error("digest sweep at {} failed; trying again at the next fire", at, e);
            health.failed(String.valueOf(e));
            return false;
        }
    }

    private static String scope(DigestSweepResult.Failure f) {
        String plan = f.subscription().plan() == null ? "all plans" : "plan " + f.subscription().plan();
        return f.subscription().section() == null ? plan : plan + ", section '" + f.subscription().section() + "'";
    }

    JobStatus status() {
        return health.status();
    }
}
