package planbot.scheduler.jobs;

import java.time.Clock;
import java.time.Instant;

/** A job's running tally on this node; thread-safe (a Quartz fire and {@code sweepNow} may overlap). */
final class JobHealth {
    private final String job;
    private final Clock clock;
    private long runs;
    private long failures;
    private Instant lastStart;
    private Instant lastSuccess;
    private Instant lastFailure;
    private String lastError;
    private boolean healthy;

    JobHealth(String job, Clock clock) {
        this.job = job;
        this.clock = clock;
    }

    synchronized void started(Instant at) {
        runs++;
        lastStart = at;
    }

    synchronized void succeeded() {
        lastSuccess = now();
        healthy = true;
    }

    synchronized void failed(String error) {
        failures++;
        lastFailure = now();
        lastError = error;
        healthy = false;
    }

    synchronized JobStatus status() {
        return new JobStatus(job, runs, failures, lastStart, lastSuccess, lastFailure, lastError, healthy);
    }

    /** The clock's now; a clock that fails here must not turn a logged failure into a thrown one. */
    private Instant now() {
        try {
            return clock.instant();
        } catch (RuntimeException e) {
            return lastStart;
        }
    }
}
