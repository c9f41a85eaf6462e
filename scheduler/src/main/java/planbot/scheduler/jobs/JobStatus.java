package planbot.scheduler.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * How a scheduled job has been doing on this node, for a health check or an admin: a job that keeps failing is
 * visible here as well as in the log. Times are the services' clock.
 *
 * @param job         the job's name ("reminder-sweep", "digest-sweep")
 * @param runs        how many times it has run on this node (fired by Quartz or by {@link SchedulerService#sweepNow})
 * @param failures    how many of those runs failed, wholly or for some tenants or subscriptions
 * @param lastStart   when the last run started; null before the first
 * @param lastSuccess when a run last finished with nothing failed; null if none has
 * @param lastFailure when a run last finished with something failed; null if none has
 * @param lastError   what that run said; null if none has failed
 * @param healthy     true when the last run that finished succeeded; false before any has
 */
public record JobStatus(String job, long runs, long failures, Instant lastStart, Instant lastSuccess, Instant lastFailure,
                        String lastError, boolean healthy) {
    public JobStatus {
        Objects.requireNonNull(job, "job");
    }
}
