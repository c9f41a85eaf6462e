package planbot.scheduler.digest;

import java.time.Instant;
import java.util.Objects;
import planbot.domain.PlanDate;
import planbot.domain.Status;

/**
 * A task as the digest sees it at the moment it is built. A task is known by its plan and ref (refs are
 * unique within a plan only).
 *
 * @param plan         the plan's name
 * @param section      its action's section ("" for a tracker without sections)
 * @param actionKey    its action's key ("EN003")
 * @param actionName   its action's display name ("ENFORCEMENT 003", or the key when there is no label)
 * @param ref          the task's ref ("EN003/01")
 * @param description  what is to be done; may be empty
 * @param status       its status as written; null when none
 * @param target       its target date; null when none
 * @param owner        its owner as the tracker names them; null when nobody
 * @param updatedAt    when the task row was last changed
 * @param timesRevised how often its target date has been revised in all (not counting an original date)
 */
public record TaskSnapshot(String plan, String section, String actionKey, String actionName, String ref,
                           String description, Status status, PlanDate target, String owner, Instant updatedAt,
                           int timesRevised) {
    public TaskSnapshot {
        Objects.requireNonNull(plan, "plan");
        section = section == null ? "" : section;
        Objects.requireNonNull(actionKey, "actionKey");
        actionName = actionName == null ? actionKey : actionName;
        Objects.requireNonNull(ref, "ref");
        description = description == null ? "" : description;
        owner = owner == null || owner.isBlank() ? null : owner.strip();
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (timesRevised < 0) {
            throw new IllegalArgumentException("timesRevised cannot be negative: " + timesRevised);
        }
    }

    /** True when no more work is expected: completed or closed. A task without a status is open. */
    public boolean isFinished() {
        return status != null && status.kind().isFinished();
    }
}
