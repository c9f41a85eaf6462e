package planbot.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which open tasks the reminder sweep wants: every open task of the tenants, or only those that can have a
 * reminder due since its last sweep. The conditions are alternatives (a task matching any is returned); the
 * scheduler works them out from its calendar and policy and decides exactly, so they may match too much,
 * never too little.
 *
 * @param tenantIds     the tenants; null for every tenant
 * @param everyOpenTask every open task of the tenants (the other conditions are then moot)
 * @param targetDates   tasks with a DATE target in one of these inclusive ranges
 * @param tbc           tasks whose target is TBC
 * @param updatedAfter  tasks changed after this instant; null for none
 * @param updatedIn     tasks last changed within one of these [from, to) instant ranges
 * @param taskIds       these tasks (for instance those whose snooze has just ended)
 */
public record ReminderTaskFilter(Set<Long> tenantIds, boolean everyOpenTask, List<DateRange> targetDates, boolean tbc,
                                 Instant updatedAfter, List<InstantRange> updatedIn, Set<Long> taskIds) {

    public ReminderTaskFilter {
        tenantIds = tenantIds == null ? null : Set.copyOf(tenantIds);
        targetDates = List.copyOf(targetDates);
        updatedIn = List.copyOf(updatedIn);
        taskIds = Set.copyOf(taskIds);
    }

    /** Every open task of these tenants (null: of every tenant). */
    public static ReminderTaskFilter everyOpenTask(Set<Long> tenantIds) {
        return new ReminderTaskFilter(tenantIds, true, List.of(), false, null, List.of(), Set.of());
    }

    /** @param from first day, inclusive; @param to last day, inclusive */
    public record DateRange(LocalDate from, LocalDate to) {
        public DateRange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("empty range " + from + ".." + to);
            }
        }
    }

    /** @param from inclusive; @param to exclusive */
    public record InstantRange(Instant from, Instant to) {
        public InstantRange {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
