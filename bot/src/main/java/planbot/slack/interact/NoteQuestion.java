package planbot.slack.interact;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.answer.ButtonValue;
import planbot.answer.TaskAnswer;
import planbot.answer.TaskAnswerService;
import planbot.command.CommandRequest;
import planbot.reply.Confirmation;
import planbot.reply.Reply;
import planbot.slack.SlackCaller;
import planbot.slack.SlackHandlers;
import planbot.slack.SlackText;
import planbot.storage.TaskRow;

/**
 * "Add this as a note?" under a free-text reply in a reminder's thread, as two buttons: Yes adds the text as a note on
 * the task (as whoever clicks, with their permissions, audited, through the {@link TaskAnswerService}), No leaves it.
 * Either way the question is replaced by what happened. The Yes button's value is a {@link ButtonValue} carrying the
 * tenant, the task and the text, checked on the click like a reminder's button; a text too long for a button value
 * gets no buttons (the question then names the command to type).
 *
 * <p>Thread-safe.
 */
final class NoteQuestion implements SlackHandlers {
    static final String YES = "reminder_note_yes";
    static final String NO = "reminder_note_no";
    /** Slack's limit on a button's value. */
    private static final int MAX_VALUE = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(NoteQuestion.class);

    private final Interactions support;
    private final TaskAnswerService answers;

    NoteQuestion(Interactions support, TaskAnswerService answers) {
        this.support = Objects.requireNonNull(support, "support");
        this.answers = Objects.requireNonNull(answers, "answers");
    }

    @Override
    public void registerOn(App app) {
        app.blockAction(YES, this::yes);
        app.blockAction(NO, this::no);
    }

    /** The question with Yes/No buttons, for {@code text} about the task; empty when the text does not fit a button. */
    Optional<List<LayoutBlock>> blocks(SlackCaller caller, long taskId, String question, String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        String value = ButtonValue.note(caller.tenant().slug(), taskId, text).encode();
        if (value.length() > MAX_VALUE) {
            return Optional.empty();
        }
        List<BlockElement> buttons = List.of(
                ButtonElement.builder().actionId(YES).style("primary").value(value)
                        .text(PlainTextObject.builder().text("Yes, add the note").build()).build(),
                ButtonElement.builder().actionId(NO).value("no").text(PlainTextObject.builder().text("No").build()).build());
        return Optional.of(List.of(section(SlackText.escape(question)), ActionsBlock.builder().elements(buttons).build()));
    }

    private Response yes(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        Outcomes.Where where = Outcomes.Where.of(p);
        String user = p.getUser().getId();
        String value = p.getActions().get(0).getValue();
        MethodsClient client = ctx.client();
        java.util.function.Consumer<String> tell = text -> {
            if (where.isMessage()) {
                support.ephemeral(client, where.channel(), user, text);
            }
        };
        support.afterAck("note question", tell, () -> {
            Optional<SlackCaller> caller = support.caller(ctx, user, p.getUser().getUsername(), tell);
            if (caller.isEmpty()) {
                return;
            }
            CommandRequest request = Interactions.request(caller.get());
            Optional<ButtonValue> note = ButtonValue.decode(value).filter(v -> v.note() != null);
            Optional<TaskRow> task = note.flatMap(v -> answers.task(request, v));
            if (task.isEmpty()) {
                tell.accept(TaskAnswerService.UNKNOWN_TASK);
                return;
            }
            Reply reply = answers.answer(request, task.get().id(), new TaskAnswer.Note(note.get().note()), null).orElseThrow();
            if (reply instanceof Confirmation) {
                replace(client, where, support.outcome(caller.get(), (Confirmation) reply));
            } else {
                tell.accept(support.text(reply));
            }
        });
        return ctx.ack();
    }

    private Response no(BlockActionRequest req, ActionContext ctx) {
        Outcomes.Where where = Outcomes.Where.of(req.getPayload());
        MethodsClient client = ctx.client();
        support.afterAck("note question", text -> { }, () -> replace(client, where, "OK, I didn't add it."));
        return ctx.ack();
    }

    /** Replaces the question (plain text, escaped here) with what happened, without buttons. */
    private static void replace(MethodsClient client, Outcomes.Where where, String text)
            throws java.io.IOException, com.slack.api.methods.SlackApiException {
        if (!where.isMessage()) {
            return;
        }
        String escaped = SlackText.escapeAndCut(text, Interactions.MAX_TEXT);
        ChatUpdateResponse r = client.chatUpdate(b -> b.channel(where.channel()).ts(where.ts()).text(escaped)
                .blocks(List.of(section(escaped))));
        if (!r.isOk()) {
            LOG.warn("replacing a note question in {} refused: {}", where.channel(), r.getError());
        }
    }

    private static SectionBlock section(String escaped) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(escaped).build()).build();
    }
}
