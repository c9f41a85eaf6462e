package planbot.slack.interact;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.answer.ButtonValue;
import planbot.answer.TaskAnswer;
import planbot.answer.TaskAnswerService;
import planbot.command.CommandRequest;
import planbot.delivery.Button;
import planbot.reply.Confirmation;
import planbot.reply.Reply;
import planbot.slack.SlackCaller;
import planbot.slack.SlackText;
import planbot.storage.TaskRow;

/**
 * The New date button's modal: {@code views.open} (with the click's {@code trigger_id}, which lives 3 s) a form with a
 * datepicker and an optional reason; on submission check it (no date, or a date before today, is a field error
 * through {@code response_action: errors}), answer the task with it by id through the {@link TaskAnswerService}, and
 * redraw the reminder the button was on.
 *
 * <p>The modal's {@code private_metadata} carries the button's value and the reminder's channel and ts. Slack keeps it
 * and sends it back in a signed request, but it is still checked like a button's value on submission: the task must
 * be in the tenant the submitting workspace is bound to, and the message must be that tenant's reminder.
 *
 * <p>Thread-safe.
 */
final class NewDateModal {
    static final String CALLBACK_ID = "reminder_new_date_modal";
    static final String DATE_BLOCK = "new_date";
    static final String DATE_ACTION = "date";
    static final String REASON_BLOCK = "reason";
    static final String REASON_ACTION = "reason";
    static final String NOT_LINKED = "Your Slack account isn't linked to anyone in the plan, so you can read it but not "
            + "change it: ask a planbot admin to link you.";
    private static final Logger LOG = LoggerFactory.getLogger(NewDateModal.class);

    private final Interactions support;
    private final TaskAnswerService answers;
    private final Outcomes outcomes;

    NewDateModal(Interactions support, TaskAnswerService answers, Outcomes outcomes) {
        this.support = Objects.requireNonNull(support, "support");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    }

    void registerOn(App app) {
        app.viewSubmission(CALLBACK_ID, this::submit);
    }

    /**
     * Opens the modal for the task a New date button names; the plain sentence to tell the clicker instead when it
     * cannot be opened for them (no such task in their tenant, not linked, no plan here).
     */
    Optional<String> open(MethodsClient client, Context ctx, String triggerId, String user, String userName,
                          Optional<ButtonValue> value, Outcomes.Where where) throws IOException, SlackApiException {
        String[] refusal = new String[1];
        Optional<SlackCaller> caller = support.caller(ctx, user, userName, r -> refusal[0] = r);
        if (caller.isEmpty()) {
            return Optional.of(refusal[0]);
        }
        CommandRequest request = Interactions.request(caller.get());
        Optional<TaskRow> task = value.filter(v -> v.choice() == Button.Choice.NEW_DATE).flatMap(v -> answers.task(request, v));
        if (task.isEmpty()) {
            return Optional.of(TaskAnswerService.UNKNOWN_TASK);
        }
        if (caller.get().actor().person() == null) {
            return Optional.of(NOT_LINKED);
        }
        View view = view(task.get(), metadata(value.get(), where));
        ViewsOpenResponse r = client.viewsOpen(b -> b.triggerId(triggerId).view(view));
        if (!r.isOk()) {
            LOG.warn("views.open for a new date refused: {}", r.getError());
            return Optional.of(Interactions.GENERIC_FAILURE);
        }
        return Optional.empty();
    }

    private static View view(TaskRow task, String metadata) {
        String description = task.task().description() == null || task.task().description().isBlank() ? ""
                : "\n" + SlackText.escapeAndCut(task.task().description().strip(), 500);
        String current = task.task().target() == null ? "no target date" : "target " + task.task().target().display();
        List<LayoutBlock> blocks = List.of(
                SectionBlock.builder().text(MarkdownTextObject.builder().text("*" + SlackText.escape(task.ref()) + "* ("
                        + SlackText.escape(current) + ")" + description).build()).build(),
                InputBlock.builder().blockId(DATE_BLOCK).label(plain("New target date"))
                        .element(DatePickerElement.builder().actionId(DATE_ACTION).placeholder(plain("Pick a date")).build())
                        .build(),
                InputBlock.builder().blockId(REASON_BLOCK).label(plain("Why it moves")).optional(true)
                        .element(PlainTextInputElement.builder().actionId(REASON_ACTION).multiline(true).maxLength(1000)
                                .placeholder(plain("e.g. waiting on legal")).build())
                        .build());
        return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(metadata)
                .title(ViewTitle.builder().type("plain_text").text("New target date").build())
                .submit(ViewSubmit.builder().type("plain_text").text("Save").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(blocks).build();
    }

    private Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        View view = req.getPayload().getView();
        String user = req.getPayload().getUser().getId();
        Optional<Metadata> meta = Metadata.decode(view.getPrivateMetadata());
        String[] refusal = new String[1];
        Optional<SlackCaller> caller = support.caller(ctx, user, req.getPayload().getUser().getUsername(), r -> refusal[0] = r);
        if (caller.isEmpty()) {
            return error(ctx, refusal[0]);
        }
        CommandRequest request = Interactions.request(caller.get());
        Optional<TaskRow> task = meta.flatMap(m -> answers.task(request, m.value()));
        if (task.isEmpty()) {
            return error(ctx, TaskAnswerService.UNKNOWN_TASK);
        }
        String picked = input(view, DATE_BLOCK, DATE_ACTION, true);
        if (picked == null) {
            return error(ctx, "Pick the new target date.");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(picked);
        } catch (DateTimeParseException e) {
            return error(ctx, "Pick the new target date.");
        }
        if (date.isBefore(LocalDate.now(support.clock().withZone(support.zone())))) {
            return error(ctx, "That date has passed: pick today or a later date.");
        }
        String reason = input(view, REASON_BLOCK, REASON_ACTION, false);
        Reply reply = answers.answer(request, task.get().id(), new TaskAnswer.NewDate(date, reason), null).orElseThrow();
        if (!(reply instanceof Confirmation)) {
            return error(ctx, support.text(reply));
        }
        MethodsClient client = ctx.client();
        Outcomes.Where where = meta.get().where();
        support.afterAck("new date outcome", text -> outcomes.tell(client, where, user, text),
                () -> outcomes.show(client, caller.get(), where, reply));
        return ctx.ack();
    }

    private static Response error(ViewSubmissionContext ctx, String message) {
        return ctx.ackWithErrors(Map.of(DATE_BLOCK, SlackText.cut(message, 2000)));
    }

    /** A submitted input's value: the selected date or the typed text; null when empty. */
    private static String input(View view, String block, String action, boolean date) {
        if (view.getState() == null || view.getState().getValues() == null) {
            return null;
        }
        Map<String, ViewState.Value> inBlock = view.getState().getValues().get(block);
        ViewState.Value v = inBlock == null ? null : inBlock.get(action);
        String s = v == null ? null : date ? v.getSelectedDate() : v.getValue();
        return s == null || s.isBlank() ? null : s;
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }

    static String metadata(ButtonValue value, Outcomes.Where where) {
        return value.encode() + "|" + (where.isMessage() ? where.channel() + "|" + where.ts() : "|");
    }

    /** What the modal carries back: the button's value and where the button was. */
    record Metadata(ButtonValue value, Outcomes.Where where) {
        static Optional<Metadata> decode(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String[] parts = text.split("\\|", -1);
            if (parts.length != 7) {
                return Optional.empty();
            }
            return ButtonValue.decode(String.join("|", java.util.Arrays.copyOfRange(parts, 0, 5)))
                    .map(v -> new Metadata(v, Outcomes.Where.of(parts[5], parts[6])));
        }
    }
}
