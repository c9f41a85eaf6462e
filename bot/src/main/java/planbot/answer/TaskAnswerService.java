package planbot.answer;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import planbot.command.ChatContext;
import planbot.command.Command;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.command.RefText;
import planbot.command.ReminderReplyService;
import planbot.command.SnoozeSpec;
import planbot.delivery.Button;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.scheduler.reminder.PolicySource;
import planbot.storage.Database;
import planbot.storage.InboundEventRepository;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;

/**
 * Answers one task, named by its id, for a caller: a reminder's button, the new-date form, "add this as a note?", a
 * reply in a reminder's thread, on any platform. The task is looked for only in the caller's tenant (a task of another
 * tenant is {@link #UNKNOWN_TASK}, exactly as a removed one); the {@link CommandService} checks permission (a guest
 * changes nothing) and writes the change with its audit entry. With the platform's event id, the event is marked
 * delivered ({@link InboundEventRepository}) in the same transaction as its effect, so a retried delivery has one
 * effect, and an effect that failed on our side leaves the event unmarked for the platform's retry.
 *
 * <p>Platform adapters call it; it imports no chat SDK. Thread-safe. Never throws for a user's doing: refusals are
 * {@link Failure}s; a failure on our side is the command service's generic one ({@link
 * CommandService#failedOnOurSide}), its change rolled back. Storage failures outside a command propagate.
 */
public final class TaskAnswerService {
    /** What a caller is told when a value names a task outside their tenant, or one that is gone: nothing more. */
    public static final String UNKNOWN_TASK = CommandService.UNKNOWN_TASK;

    private final Database db;
    private final TenantRepository tenants;
    private final TaskRepository tasks;
    private final PolicySource policies;
    private final InboundEventRepository inbound;
    private final CommandService commands;
    private final ReminderReplyService replies;
    private final Clock clock;

    public TaskAnswerService(Database db, TenantRepository tenants, TaskRepository tasks, PolicySource policies,
                             InboundEventRepository inbound, CommandService commands, ReminderReplyService replies,
                             Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The task a button names, when it is the caller's tenant's. A value naming another tenant (or a task of another
     * tenant under this tenant's name) is empty, exactly as a removed task is: nothing tells the caller it exists.
     */
    public Optional<TaskRow> task(CommandRequest caller, ButtonValue value) {
        if (!value.tenant().equals(caller.tenant())) {
            return Optional.empty();
        }
        return tenants.find(caller.tenant()).flatMap(t -> tasks.get(t, value.taskId()));
    }

    /** The buttons a reminder offers in the tenant (its snooze as long as the tenant's policy says). */
    public List<Button> buttons(Tenant tenant) {
        return Button.forReminder(policies.of(tenant).snoozeDays());
    }

    /**
     * Applies the answer to the task with this id in the caller's tenant.
     *
     * @param eventId the platform's id of the inbound event (a thread reply's {@code event_id}), to have one effect
     *                however often it is delivered; null when the platform does not redeliver (a click)
     * @return the reply to show; empty when {@code eventId} was delivered before and took effect then
     */
    public Optional<Reply> answer(CommandRequest caller, long taskId, TaskAnswer answer, String eventId) {
        Objects.requireNonNull(answer, "answer");
        if (eventId == null) {
            return Optional.of(effect(caller, taskId, answer));
        }
        String platform = caller.chatContext().map(ChatContext::platform).orElse(caller.source().word());
        String workspace = caller.chatContext().map(ChatContext::workspace).orElse("");
        try {
            return Optional.ofNullable(db.transaction(() -> {
                if (!inbound.firstDelivery(platform, workspace, eventId, clock.instant())) {
                    return null;
                }
                Reply r = effect(caller, taskId, answer);
                if (CommandService.failedOnOurSide(r)) {
                    throw new EffectFailed(r);
                }
                return r;
            }));
        } catch (EffectFailed failed) {
            return Optional.of(failed.reply);
        }
    }

    private Reply effect(CommandRequest caller, long taskId, TaskAnswer answer) {
        if (answer instanceof TaskAnswer.Text) {
            return replies.replyOnTask(caller.withText(((TaskAnswer.Text) answer).typed()), taskId);
        }
        Optional<RefText> ref = commands.refOf(caller.tenant(), taskId);
        if (ref.isEmpty()) {
            return Failure.of(UNKNOWN_TASK);
        }
        Command command;
        if (answer instanceof TaskAnswer.NewDate) {
            TaskAnswer.NewDate d = (TaskAnswer.NewDate) answer;
            command = new Command.Date(ref.get(), d.date(), d.reason());
        } else if (answer instanceof TaskAnswer.Note) {
            command = new Command.Note(ref.get(), ((TaskAnswer.Note) answer).text());
        } else {
            command = choice(caller, ref.get(), ((TaskAnswer.Choice) answer).choice());
        }
        return commands.executeOnTask(caller, taskId, command);
    }

    private Command choice(CommandRequest caller, RefText ref, Button.Choice choice) {
        switch (choice) {
            case DONE:
                return new Command.Done(ref, null);
            case ON_TARGET:
                return new Command.Update(ref, "On target", null);
            case AT_RISK:
                return new Command.Update(ref, "At risk", null);
            case SNOOZE:
            default: // NEW_DATE cannot be a TaskAnswer.Choice
                Tenant tenant = tenants.find(caller.tenant()).orElseThrow();
                return new Command.Snooze(ref, SnoozeSpec.For.days(policies.of(tenant).snoozeDays()));
        }
    }

    /** Rolls back an event's mark with an effect that failed on our side, carrying the reply out. */
    private static final class EffectFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Reply reply;

        EffectFailed(Reply reply) {
            super("the answer failed on our side", null, false, false);
            this.reply = reply;
        }
    }
}
