package planbot.delivery;

import java.util.Objects;
import java.util.Optional;
import planbot.scheduler.reminder.ReminderKind;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;

/**
 * Maps a reply to a reminder back to its task: a platform adapter that receives a thread reply or a button
 * click has the id of the message it answers, and asks here which task that reminder was about, then hands the
 * reply to the {@link planbot.command.ReminderReplyService} with the task's ref.
 *
 * <p>Thread-safe. Only reminders map to tasks: a digest or an admin notice has no task to answer about.
 */
public final class ReminderThreads {
    private final OutboxRepository outbox;
    private final TenantRepository tenants;
    private final TaskRepository tasks;

    public ReminderThreads(OutboxRepository outbox, TenantRepository tenants, TaskRepository tasks) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /**
     * The task a reminder was about, found by the id its messenger returned when it was sent.
     *
     * <p>The result names its tenant: an adapter must check that it is the tenant of the workspace the reply
     * came from (and answer "I don't know that message" otherwise), as it checks a button's task.
     */
    public Optional<ReminderThread> findTaskByMessageId(String platformMessageId) {
        if (platformMessageId == null || platformMessageId.isBlank()) {
            return Optional.empty();
        }
        Optional<OutboxMessage> found = outbox.findByPlatformMessageId(platformMessageId);
        if (found.isEmpty() || found.get().entry().taskId() == null || !isReminder(found.get().entry().kind())) {
            return Optional.empty();
        }
        OutboxMessage m = found.get();
        long taskId = m.entry().taskId();
        return tenants.get(m.entry().tenantId()).flatMap(tenant -> tasks.get(tenant, taskId)
                .map(task -> new ReminderThread(tenant, taskId, task.ref(), ReminderKind.parse(m.entry().kind()), m.key())));
    }

    private static boolean isReminder(String kind) {
        try {
            ReminderKind.parse(kind);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A sent reminder's task.
     *
     * @param tenant    whose it is
     * @param taskId    the task's id
     * @param taskRef   its ref as it is now (it may have been renamed since the reminder was sent)
     * @param kind      what the reminder was about
     * @param outboxKey the reminder's idempotency key
     */
    public record ReminderThread(Tenant tenant, long taskId, String taskRef, ReminderKind kind, String outboxKey) {
        public ReminderThread {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(taskRef, "taskRef");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(outboxKey, "outboxKey");
        }
    }
}
