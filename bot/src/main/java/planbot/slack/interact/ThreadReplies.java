package planbot.slack.interact;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.answer.TaskAnswer;
import planbot.answer.TaskAnswerService;
import planbot.command.CommandService;
import planbot.delivery.ReminderThreads;
import planbot.reply.Question;
import planbot.reply.Reply;
import planbot.slack.SlackCaller;
import planbot.slack.SlackHandlers;
import planbot.slack.delivery.SlackPoster;
import planbot.slack.SlackText;

/**
 * Replies in a reminder's thread ({@code done}, {@code new date 30/06/2024 waiting on legal}): a human's message
 * whose {@code thread_ts} is a reminder we sent (found by {@code channel:thread_ts} through {@link ReminderThreads})
 * in the tenant the workspace is bound to answers that task, by id, through the {@link TaskAnswerService} (in the
 * thread of a message about several tasks, the reply starts with the ref of the one it means; one that names none is
 * asked which, and nothing changes), and is
 * confirmed in the thread after the commit (free text is asked about with {@link NoteQuestion}'s buttons). Bots'
 * messages (ours included), messages with a subtype, and messages in other threads are ignored; so is a reminder of
 * another tenant (silently: nothing of it leaks).
 *
 * <p>Slack delivers an event again when it thinks it was not taken (header {@code X-Slack-Retry-Num}). The service
 * marks each event by (workspace, {@code event_id}) in the same transaction as its effect, so four deliveries have one
 * effect; a delivery whose effect failed on our side is left unmarked and not acknowledged here (the handler throws:
 * HTTP 500), so that Slack's next retry can take effect.
 *
 * <p>Thread-safe.
 */
final class ThreadReplies implements SlackHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadReplies.class);

    private final Interactions support;
    private final ReminderThreads threads;
    private final TaskAnswerService answers;
    private final NoteQuestion noteQuestion;

    ThreadReplies(Interactions support, ReminderThreads threads, TaskAnswerService answers, NoteQuestion noteQuestion) {
        this.support = Objects.requireNonNull(support, "support");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.noteQuestion = Objects.requireNonNull(noteQuestion, "noteQuestion");
    }

    @Override
    public void registerOn(App app) {
        // Subscribing to messages brings their subtypes too: message_changed for every reminder we redraw after a
        // click, edits, deletions, joins. Unacknowledged (Bolt answers 404) Slack would deliver each again, thrice.
        app.config().setSubtypedMessageEventsAutoAckEnabled(true);
        app.event(MessageEvent.class, (payload, ctx) -> reply(payload.getEventId(), payload.getEvent(), ctx));
        noteQuestion.registerOn(app);
    }

    /** Thrown out of the handler when the effect failed on our side, so that the event is not acknowledged. */
    static final class EffectFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EffectFailed() {
            super("the reply failed on our side", null, false, false);
        }
    }

    private Response reply(String eventId, MessageEvent e, EventContext ctx) {
        if (e.getThreadTs() == null || e.getThreadTs().equals(e.getTs()) || e.getBotId() != null || e.getUser() == null
                || e.getUser().equals(ctx.getBotUserId()) || e.getText() == null || eventId == null) {
            return ctx.ack();
        }
        List<ReminderThreads.ReminderThread> tasks =
                threads.findTasksByMessageId(SlackPoster.messageId(e.getChannel(), e.getThreadTs()));
        if (tasks.isEmpty()) {
            return ctx.ack();
        }
        Optional<SlackCaller> caller = support.caller(ctx, e.getUser(), null,
                refused -> LOG.info("a reply in a reminder's thread from an unbound workspace was ignored"));
        if (caller.isEmpty() || caller.get().tenant().id() != tasks.get(0).tenant().id()) {
            return ctx.ack();
        }
        Optional<ReminderThreads.Addressed> addressed = ReminderThreads.addressed(tasks, SlackText.unescape(e.getText()));
        if (addressed.isEmpty()) {
            // a message about several tasks, and the reply names none: ask which, changing nothing
            String which = SlackText.escapeAndCut(ReminderThreads.whichTask(tasks), Interactions.MAX_TEXT);
            MethodsClient client = ctx.client();
            support.afterAck("which task", t -> { }, () -> client.chatPostMessage(b -> b.channel(e.getChannel())
                    .threadTs(e.getThreadTs()).text(which)));
            return ctx.ack();
        }
        long taskId = addressed.get().task().taskId();
        String said = addressed.get().reply();
        Optional<Reply> answered = answers.answer(Interactions.request(caller.get()), taskId, new TaskAnswer.Text(said), eventId);
        if (answered.isEmpty()) {
            LOG.debug("event {} was already handled; retry {} ignored", eventId, ctx.getRetryNum());
            return ctx.ack();
        }
        Reply reply = answered.get();
        if (CommandService.failedOnOurSide(reply)) {
            LOG.warn("a reply in a reminder's thread failed on our side (retry {}); left unmarked for Slack's retry",
                    ctx.getRetryNum());
            // Out of the handler: not acknowledged (HTTP 500; no ack over Socket Mode), so Slack delivers it again.
            throw new EffectFailed();
        }
        MethodsClient client = ctx.client();
        String text = SlackText.escapeAndCut(support.text(reply), Interactions.MAX_TEXT);
        Optional<List<LayoutBlock>> blocks = reply instanceof Question
                ? noteQuestion.blocks(caller.get(), taskId, ((Question) reply).text(), said)
                : Optional.empty();
        support.afterAck("thread confirmation", t -> { }, () -> {
            ChatPostMessageResponse r = client.chatPostMessage(b -> b.channel(e.getChannel()).threadTs(e.getThreadTs()).text(text)
                    .blocks(blocks.orElse(null)));
            if (!r.isOk()) {
                LOG.warn("confirming a thread reply in {} refused: {}", e.getChannel(), r.getError());
            }
        });
        return ctx.ack();
    }
}
