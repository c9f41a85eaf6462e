package planbot.slack.interact;

import java.util.Objects;
import java.util.Optional;
import planbot.command.ChatContext;
import planbot.command.CommandRequest;
import planbot.command.ReminderReplyService;
import planbot.delivery.Button;
import planbot.domain.Source;
import planbot.reply.Reply;
import planbot.scheduler.reminder.PolicySource;
import planbot.slack.ButtonValue;
import planbot.slack.SlackCaller;
import planbot.slack.SlackTenancy;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;

/**
 * The Slack-free heart of every interaction about one task (a reminder's button, the new-date modal, a thread
 * reply, the App Home): finds the task only within the caller's own tenant, and runs the answer through the
 * {@link ReminderReplyService}, which checks permission (a guest may not change anything) and audits the change.
 *
 * <p>Thread-safe; storage failures propagate (the reply service itself never throws).
 */
final class TaskAnswers {
    /** What a caller is told when a value names a task outside their tenant, or one that is gone: nothing more. */
    public static final String UNKNOWN_TASK = "I can't find that task any more: it may have been removed from the plan.";

    private final TaskRepository tasks;
    private final PolicySource policies;
    private final ReminderReplyService replies;

    public TaskAnswers(TaskRepository tasks, PolicySource policies, ReminderReplyService replies) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    /**
     * The task a button names, when it is the caller's tenant's. A value naming another tenant (or a task of another
     * tenant under this tenant's name) is empty, exactly as a removed task is: nothing tells the caller it exists.
     */
    public Optional<TaskRow> task(SlackCaller caller, ButtonValue value) {
        if (!value.tenant().equals(caller.tenant().slug())) {
            return Optional.empty();
        }
        return tasks.get(caller.tenant(), value.taskId());
    }

    /** The task with this id in the caller's tenant. */
    public Optional<TaskRow> task(SlackCaller caller, long taskId) {
        return tasks.get(caller.tenant(), taskId);
    }

    /** Runs {@code text} ("done", "new date 30/06/2024 waiting on legal") as the caller's reply about the task. */
    public Reply answer(SlackCaller caller, String taskRef, String text) {
        return replies.reply(request(caller, text), taskRef);
    }

    /**
     * What a button's click means as a reply ("done", "snooze 1w" with the tenant's snooze length); for the New date
     * button only the start of one ("new date"), to which the modal adds the date and reason.
     */
    public String replyFor(SlackCaller caller, Button.Choice choice) {
        for (Button b : buttons(caller)) {
            if (b.choice() == choice) {
                return b.reply();
            }
        }
        throw new IllegalArgumentException("no button for " + choice);
    }

    /** The buttons a reminder offers in the caller's tenant (its snooze as long as the tenant's policy says). */
    public java.util.List<Button> buttons(SlackCaller caller) {
        return Button.forReminder(policies.of(caller.tenant()).snoozeDays());
    }

    /** The core's request for something the caller typed or clicked in Slack. */
    public static CommandRequest request(SlackCaller caller, String text) {
        return new CommandRequest(caller.tenant().slug(), caller.actor(), Source.SLACK, text,
                new ChatContext(SlackTenancy.PLATFORM, caller.identity().workspace()));
    }
}
