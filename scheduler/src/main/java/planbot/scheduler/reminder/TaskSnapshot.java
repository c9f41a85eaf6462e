package planbot.scheduler.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import planbot.domain.PlanDate;
import planbot.domain.StatusKind;

/**
 * What the planner knows about one task: nothing but what its rules read.
 *
 * @param tenantId     the task's tenant
 * @param taskId       the task's database id
 * @param ref          its ref ("EN003/01")
 * @param status       what its status means; null when it has none (counted as open)
 * @param target       its target date; null when it has none
 * @param owner        its owner as the tracker names them; null if nobody
 * @param lead         its action's lead; null if nobody
 * @param updatedAt    when it last changed; null if unknown (then it never counts as stale)
 * @param snoozedUntil the first day its reminders may resume; null when it is not snoozed
 * @param firstSeen    when planbot first stored it (its import): escalations whose moment passed before then are
 *                     not sent; null when not known (then every escalation counts)
 */
public record TaskSnapshot(long tenantId, long taskId, String ref, StatusKind status, PlanDate target, String owner,
                           String lead, Instant updatedAt, LocalDate snoozedUntil, Instant firstSeen) {
    public TaskSnapshot {
        Objects.requireNonNull(ref, "ref");
    }

    /** A task whose first sighting is not known. */
    public TaskSnapshot(long tenantId, long taskId, String ref, StatusKind status, PlanDate target, String owner,
                        String lead, Instant updatedAt, LocalDate snoozedUntil) {
        this(tenantId, taskId, ref, status, target, owner, lead, updatedAt, snoozedUntil, null);
    }

    /** Completed and closed tasks get nothing at all. */
    public boolean isOpen() {
        return status == null || !status.isFinished();
    }

    public TaskSnapshot withSnoozedUntil(LocalDate until) {
        return new TaskSnapshot(tenantId, taskId, ref, status, target, owner, lead, updatedAt, until, firstSeen);
    }
}
