package planbot.scheduler.digest;

import java.time.Instant;
import java.util.Objects;
import planbot.domain.PlanDate;

/**
 * One revision of a task's target date, from a date it had to another.
 *
 * @param plan the task's plan
 * @param ref  the task's ref
 * @param from the target before; never null (setting a first date is not a revision)
 * @param to   the target after; null when the date was removed
 * @param at   when it was revised
 */
public record TargetRevision(String plan, String ref, PlanDate from, PlanDate to, Instant at) {
    public TargetRevision {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(at, "at");
    }
}
