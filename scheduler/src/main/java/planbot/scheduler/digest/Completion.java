package planbot.scheduler.digest;

import java.time.Instant;
import java.util.Objects;
import planbot.domain.Status;

/**
 * A task's status changed to a finished one (completed or closed), as the audit trail records it.
 *
 * @param plan   the task's plan
 * @param ref    the task's ref
 * @param status the status it changed to
 * @param at     when
 */
public record Completion(String plan, String ref, Status status, Instant at) {
    public Completion {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(status, "status");
        if (!status.kind().isFinished()) {
            throw new IllegalArgumentException("a completion needs a finished status, not '" + status.word() + "'");
        }
        Objects.requireNonNull(at, "at");
    }
}
