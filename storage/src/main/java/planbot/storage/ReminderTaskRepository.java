package planbot.storage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the reminder sweep reads: open tasks in bulk, across tenants, in a few set-based queries (never one
 * per task), and the snoozes in force.
 *
 * <p>Thread-safe; read-only. Failures are {@link StorageException}s.
 */
public interface ReminderTaskRepository {

    /**
     * Streams the open tasks (status not completed or closed) that match the filter to {@code each}, each task
     * once, in no particular order, as they are read: the caller can act on them while the rest are still read.
     *
     * @return how many tasks were given
     */
    int openTasks(ReminderTaskFilter filter, java.util.function.Consumer<ReminderTaskRow> each);

    /** The open tasks that match the filter, as a list: {@link #openTasks(ReminderTaskFilter, java.util.function.Consumer)}. */
    default List<ReminderTaskRow> openTasks(ReminderTaskFilter filter) {
        List<ReminderTaskRow> out = new java.util.ArrayList<>();
        openTasks(filter, out::add);
        return out;
    }

    /**
     * The latest snooze of each task whose day of resumption is after {@code after}: those still in force and
     * those that ended since then. Tenants null means every tenant.
     */
    List<SnoozeRow> latestSnoozes(Set<Long> tenantIds, LocalDate after);

    /** The earliest DATE target of any task of these tenants (null: every tenant); empty when none has one. */
    Optional<LocalDate> earliestTarget(Set<Long> tenantIds);

    /** The earliest change of any task of these tenants (null: every tenant); empty when there are no tasks. */
    Optional<java.time.Instant> earliestUpdate(Set<Long> tenantIds);

    /** @param until the first day reminders may resume */
    record SnoozeRow(long tenantId, long taskId, LocalDate until) {
    }
}
