package planbot.slack.interact;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.answer.ButtonValue;
import planbot.answer.TaskAnswer;
import planbot.answer.TaskAnswerService;
import planbot.command.CommandRequest;
import planbot.delivery.Button;
import planbot.reply.Reply;
import planbot.slack.SlackCaller;
import planbot.slack.SlackHandlers;
import planbot.storage.TaskRow;

/**
 * The buttons under a reminder (and on the App Home): Done, On target, At risk and Snooze answer at once; New date
 * opens the {@link NewDateModal}. Each click is acknowledged at once; the answer runs after: the button's
 * {@link ButtonValue} is decoded and the click answered by task id through the {@link TaskAnswerService}, which looks
 * only in the tenant the clicking workspace is bound to (a value naming another tenant's task gets the same neutral
 * "can't find that task" as a removed one), refuses a guest and audits every change. Then the
 * reminder is redrawn in place ({@code chat.update}) with who did what, without buttons once the task is finished;
 * a click on the App Home republishes it; a refusal is shown to the clicker alone.
 *
 * <p>Thread-safe. Failures after the acknowledgement are logged and answered with a short generic message.
 */
final class ReminderButtons implements SlackHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderButtons.class);

    private final Interactions support;
    private final TaskAnswerService answers;
    private final Outcomes outcomes;
    private final NewDateModal newDate;

    ReminderButtons(Interactions support, TaskAnswerService answers, Outcomes outcomes, NewDateModal newDate) {
        this.support = Objects.requireNonNull(support, "support");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.newDate = Objects.requireNonNull(newDate, "newDate");
    }

    @Override
    public void registerOn(App app) {
        for (Button.Choice choice : Button.Choice.values()) {
            if (choice == Button.Choice.NEW_DATE) {
                app.blockAction(ButtonValue.actionId(choice), this::openNewDate);
            } else {
                app.blockAction(ButtonValue.actionId(choice), this::click);
            }
        }
        newDate.registerOn(app);
    }

    private Response click(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        BlockActionPayload.Action action = p.getActions().get(0);
        Outcomes.Where where = Outcomes.Where.of(p);
        String user = p.getUser().getId();
        MethodsClient client = ctx.client();
        java.util.function.Consumer<String> tell = text -> outcomes.tell(client, where, user, text);
        support.afterAck("button " + action.getActionId(), tell, () -> {
            Optional<SlackCaller> caller = support.caller(ctx, user, p.getUser().getUsername(), tell);
            if (caller.isEmpty()) {
                return;
            }
            CommandRequest request = Interactions.request(caller.get());
            Optional<ButtonValue> value = value(action);
            Optional<TaskRow> task = value.flatMap(v -> answers.task(request, v));
            if (task.isEmpty()) {
                tell.accept(TaskAnswerService.UNKNOWN_TASK);
                return;
            }
            Reply reply = answers.answer(request, task.get().id(), new TaskAnswer.Choice(value.get().choice()), null).orElseThrow();
            outcomes.show(client, caller.get(), where, reply);
        });
        return ctx.ack();
    }

    private Response openNewDate(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        BlockActionPayload.Action action = p.getActions().get(0);
        Outcomes.Where where = Outcomes.Where.of(p);
        String user = p.getUser().getId();
        MethodsClient client = ctx.client();
        java.util.function.Consumer<String> tell = text -> outcomes.tell(client, where, user, text);
        // The trigger_id lives 3 s: open the modal now, before acknowledging; refusals are told after.
        try {
            Optional<String> refusal = newDate.open(client, ctx, p.getTriggerId(), user, p.getUser().getUsername(),
                    value(action), where);
            refusal.ifPresent(r -> support.afterAck("new date refusal", tell, () -> tell.accept(r)));
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.error("Slack new-date button failed", e);
            support.afterAck("new date failure", tell, () -> tell.accept(Interactions.GENERIC_FAILURE));
        }
        return ctx.ack();
    }

    private static Optional<ButtonValue> value(BlockActionPayload.Action action) {
        Optional<Button.Choice> clicked = ButtonValue.choiceOf(action.getActionId());
        return ButtonValue.decode(action.getValue()).filter(v -> clicked.isPresent() && v.choice() == clicked.get());
    }

}
