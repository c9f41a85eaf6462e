package planbot.slack.interact;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.reply.Confirmation;
import planbot.reply.Reply;
import planbot.slack.SlackCaller;
import planbot.slack.render.SlackMessage;

/**
 * Shows the result of an answer to a reminder's button (or the new-date modal) where the button was: a change
 * redraws the reminder in place ({@code chat.update}) or republishes the App Home; anything else (a refusal, a
 * question) is told to the clicker alone. All text given here is plain; it is escaped where it is sent.
 *
 * <p>Thread-safe.
 */
final class Outcomes {
    private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);

    private final Interactions support;
    private final ReminderMessages messages;
    private final HomeTab home;

    Outcomes(Interactions support, ReminderMessages messages, HomeTab home) {
        this.support = Objects.requireNonNull(support, "support");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.home = Objects.requireNonNull(home, "home");
    }

    /**
     * Where a button was: a message (its channel and ts) or, with both null, a view (the App Home).
     */
    record Where(String channel, String ts) {
        static Where of(BlockActionPayload p) {
            BlockActionPayload.Container c = p.getContainer();
            if (c != null && "message".equals(c.getType()) && c.getChannelId() != null && c.getMessageTs() != null) {
                return new Where(c.getChannelId(), c.getMessageTs());
            }
            return new Where(null, null);
        }

        /** A message's place, or the App Home when either part is missing or empty. */
        static Where of(String channel, String ts) {
            return channel == null || channel.isEmpty() || ts == null || ts.isEmpty() ? new Where(null, null) : new Where(channel, ts);
        }

        boolean isMessage() {
            return channel != null;
        }
    }

    /**
     * Shows the result of an answer where the button was: a change redraws the reminder (or republishes the App Home);
     * anything else is told to the clicker alone.
     */
    void show(MethodsClient client, SlackCaller caller, Where where, Reply reply) throws IOException, SlackApiException {
        String user = caller.identity().userId();
        if (!(reply instanceof Confirmation)) {
            tell(client, where, user, support.text(reply), caller);
            return;
        }
        Confirmation c = (Confirmation) reply;
        String outcome = support.outcome(caller, c);
        if (!where.isMessage()) {
            home.publish(client, caller, outcome);
            return;
        }
        boolean finished = c.task() != null && c.task().status() != null && c.task().status().kind().isFinished();
        Optional<SlackMessage> redrawn = messages.withOutcome(caller.tenant(), where.channel(), where.ts(), outcome, finished,
                support.clock().instant());
        if (redrawn.isEmpty()) {
            support.ephemeral(client, where.channel(), user, outcome);
            return;
        }
        ChatUpdateResponse r = client.chatUpdate(b -> b.channel(where.channel()).ts(where.ts())
                .text(redrawn.get().text()).blocks(redrawn.get().blocks()));
        if (!r.isOk()) {
            LOG.warn("chat.update of a reminder in {} refused: {}", where.channel(), r.getError());
            support.ephemeral(client, where.channel(), user, outcome);
        }
    }

    /** Tells the clicker (plain text): in the channel, only to them, or at the top of their App Home. */
    private void tell(MethodsClient client, Where where, String user, String text, SlackCaller caller)
            throws IOException, SlackApiException {
        if (where.isMessage()) {
            support.ephemeral(client, where.channel(), user, text);
        } else {
            home.publish(client, caller, text);
        }
    }

    /** Tells the clicker something before knowing who they are in the plan: in the channel, or (on the App Home) only logs it. */
    void tell(MethodsClient client, Where where, String user, String text) {
        if (where.isMessage()) {
            support.ephemeral(client, where.channel(), user, text);
        } else {
            LOG.info("could not tell a Slack user on the App Home: {}", text);
        }
    }
}
