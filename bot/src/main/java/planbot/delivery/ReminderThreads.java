package planbot.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import planbot.domain.RefKey;
import planbot.scheduler.reminder.ReminderKind;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;

/**
 * Maps a reply to a reminder back to its task: a platform adapter that receives a thread reply has the id of the
 * message it answers, asks here which tasks that message was about ({@link #findTasksByMessageId}) and which of
 * them the reply means ({@link #addressed}; a message about several tasks needs the reply to name one), then hands
 * the reply to the {@link planbot.command.ReminderReplyService} with the task's ref.
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
     * The tasks a message was about, found by the id its messenger returned when it was sent: one for a reminder,
     * several for a message of several reminders (in row order), none for a message that is not a reminder or an
     * unknown id. Tasks no longer in the plan are left out.
     *
     * <p>Each names its tenant: an adapter must check that it is the tenant of the workspace the reply came from
     * (and answer "I don't know that message" otherwise), as it checks a button's task.
     */
    public List<ReminderThread> findTasksByMessageId(String platformMessageId) {
        if (platformMessageId == null || platformMessageId.isBlank()) {
            return List.of();
        }
        List<ReminderThread> found = new ArrayList<>();
        for (OutboxMessage m : outbox.findAllByPlatformMessageId(platformMessageId)) {
            Long taskId = m.entry().taskId();
            if (taskId == null || !isReminder(m.entry().kind())) {
                continue;
            }
            ReminderKind kind = ReminderKind.parse(m.entry().kind());
            tenants.get(m.entry().tenantId()).flatMap(tenant -> tasks.get(tenant, taskId)
                    .map(task -> new ReminderThread(tenant, taskId, task.ref(), kind, m.key()))).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The open tasks of the reminders sent since {@code since} to one conversation, for a platform with no threads (a
     * Teams personal chat), where a typed reply answers the reminders the chat holds: found by the prefix its messenger
     * gives every message id sent there ({@code <conversationId>|}), newest reminder first, each task once. Tasks that
     * are finished, or no longer in the plan, are left out. Each names its tenant, to be checked as for
     * {@link #findTasksByMessageId}.
     */
    public List<ReminderThread> findOpenTasksSentTo(String messageIdPrefix, java.time.Instant since) {
        List<ReminderThread> found = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (OutboxMessage m : outbox.findSentWithMessageIdPrefix(messageIdPrefix, since)) {
            Long taskId = m.entry().taskId();
            if (taskId == null || !isReminder(m.entry().kind()) || !seen.add(taskId)) {
                continue;
            }
            ReminderKind kind = ReminderKind.parse(m.entry().kind());
            tenants.get(m.entry().tenantId()).flatMap(tenant -> tasks.get(tenant, taskId)
                            .filter(row -> row.task().status() == null || !row.task().status().kind().isFinished())
                            .map(row -> new ReminderThread(tenant, taskId, row.ref(), kind, m.key())))
                    .ifPresent(found::add);
        }
        return found;
    }

    /**
     * Which of a message's tasks a reply in its thread is about: the one whose ref the reply starts with (the ref
     * taken off the reply), else the only one; empty when the message is about several and the reply names none of
     * them (ask with {@link #whichTask}).
     */
    public static Optional<Addressed> addressed(List<ReminderThread> tasks, String reply) {
        String text = reply == null ? "" : reply.strip();
        int space = text.indexOf(' ');
        String first = RefKey.of(space < 0 ? text : text.substring(0, space));
        for (ReminderThread t : tasks) {
            if (!first.isEmpty() && first.equals(RefKey.of(t.taskRef()))) {
                return Optional.of(new Addressed(t, space < 0 ? "" : text.substring(space + 1).strip()));
            }
        }
        return tasks.size() == 1 ? Optional.of(new Addressed(tasks.get(0), text)) : Optional.empty();
    }

    /**
     * The question for a reply that names none of a message's tasks, with each task's ref as the user can type it back:
     * "This message is about 3 tasks: which one? Start your reply with its ref, e.g. `EN003/01 done`. The tasks:
     * EN003/01, EN003/02, EN004/01."
     */
    public static String whichTask(List<ReminderThread> tasks) {
        List<String> refs = new ArrayList<>();
        tasks.forEach(t -> refs.add(t.taskRef()));
        return "This message is about " + ReminderNotice.count(tasks.size(), "task") + ": which one? Start your reply with"
                + " its ref, e.g. `" + refs.get(0) + " done`. The tasks: " + String.join(", ", refs) + ".";
    }

    /**
     * A reply and the task it is about.
     *
     * @param task  the task
     * @param reply what the reply says about it, without the ref it started with
     */
    public record Addressed(ReminderThread task, String reply) {
        public Addressed {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(reply, "reply");
        }
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
