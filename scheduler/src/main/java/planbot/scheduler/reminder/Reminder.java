package planbot.scheduler.reminder;

import java.time.LocalDate;
import java.util.Objects;
import planbot.storage.RecipientKind;

/**
 * One decision of the planner: this reminder is due for this task.
 *
 * @param tenantId      the task's tenant
 * @param taskId        the task's database id
 * @param taskRef       its ref, for people reading a report
 * @param kind          what the reminder is about
 * @param recipientName who gets it, as the tracker names them (owner or lead); null when not known (the sample
 *                      trackers have no owner column) or for the manager channel: delivery decides where it goes
 * @param date          the working day the reminder belongs to: its moment, not the day the sweep ran (they
 *                      differ when a sweep catches up). Part of the key, so each moment is decided once
 * @param target        the task's target date for date reminders; null for nudges about TBC or undated tasks
 * @param key           the idempotency key {@code rem:{tenant}:{task}:{kind}:{date}}
 */
public record Reminder(long tenantId, long taskId, String taskRef, ReminderKind kind, String recipientName,
                       LocalDate date, LocalDate target, String key) {
    public Reminder {
        Objects.requireNonNull(taskRef, "taskRef");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(key, "key");
    }

    public Reminder(long tenantId, long taskId, String taskRef, ReminderKind kind, String recipientName, LocalDate date,
                    LocalDate target) {
        this(tenantId, taskId, taskRef, kind, recipientName, date, target, key(tenantId, taskId, kind, date));
    }

    public RecipientKind recipient() {
        return kind.recipient();
    }

    /** {@code rem:{tenant}:{task}:{kind}:{yyyy-mm-dd}}: the same moment of the same task always gives the same key. */
    public static String key(long tenantId, long taskId, ReminderKind kind, LocalDate date) {
        return "rem:" + tenantId + ":" + taskId + ":" + kind.name() + ":" + date;
    }
}
