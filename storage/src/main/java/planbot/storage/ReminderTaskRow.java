package planbot.storage;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the reminder sweep reads about one open task: just the columns its decisions depend on.
 *
 * @param tenantId     the task's tenant
 * @param taskId       the task's id
 * @param ref          its ref ("EN003/01")
 * @param statusKind   the stored status kind's name ({@code IN_PROGRESS}); null when the task has no status
 * @param targetKind   the stored target kind's name ({@code DATE}, {@code TBC}, …); null when it has none
 * @param targetDate   the target date for a DATE target; null otherwise
 * @param owner        the task's owner as the tracker names them; null if none
 * @param lead         its action's lead; null if none
 * @param updatedAt    when the task last changed
 * @param firstSeenAt  when planbot first stored it (its import); null if not known
 */
public record ReminderTaskRow(long tenantId, long taskId, String ref, String statusKind, String targetKind,
                              LocalDate targetDate, String owner, String lead, Instant updatedAt, Instant firstSeenAt) {
}
