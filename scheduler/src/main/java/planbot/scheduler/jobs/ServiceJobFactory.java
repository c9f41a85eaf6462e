package planbot.scheduler.jobs;

import java.util.Map;
import java.util.Objects;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * Hands Quartz our jobs, already built with their services, instead of letting it call a no-argument
 * constructor: no job finds its dependencies through a static. Each job is one thread-safe instance, reused for
 * every fire. A job class it does not know is refused with a {@link SchedulerException}, which Quartz logs and
 * reports as a failed fire (it would only happen if the job store held a job from another version).
 */
final class ServiceJobFactory implements JobFactory {
    private final Map<Class<? extends Job>, Job> jobs;

    ServiceJobFactory(SweepJob sweep, DigestJob digest) {
        this.jobs = Map.of(SweepJob.class, Objects.requireNonNull(sweep, "sweep"),
                DigestJob.class, Objects.requireNonNull(digest, "digest"));
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        Job job = jobs.get(type);
        if (job == null) {
            throw new SchedulerException("no job of class " + type.getName() + " is known here (job "
                    + bundle.getJobDetail().getKey() + ")");
        }
        return job;
    }
}
