package planbot.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a task's target date. The first revision of a task has a null {@code from}: it records the
 * original date. Slippage is the count of later revisions.
 */
public record DateRevision(String taskRef, PlanDate from, PlanDate to, String actor, Source source, String reason,
                           Instant at) {
    public DateRevision {
        Objects.requireNonNull(taskRef, "taskRef");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
    }
}
