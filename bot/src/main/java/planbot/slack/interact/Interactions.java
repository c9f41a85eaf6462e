package planbot.slack.interact;

import com.slack.api.bolt.context.Context;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.command.ChatContext;
import planbot.command.CommandRequest;
import planbot.domain.Source;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.PlainTextRenderer;
import planbot.reply.Question;
import planbot.reply.Reply;
import planbot.slack.SlackCaller;
import planbot.slack.SlackTenancy;
import planbot.slack.SlackText;

/**
 * What the interaction handlers share: who the caller is, running work after the acknowledgement, telling one user
 * something only they see, and a reply as escaped Slack text. Thread-safe.
 */
final class Interactions {
    private static final Logger LOG = LoggerFactory.getLogger(Interactions.class);
    /** The most a message text carries here: replies are short; Slack allows 40,000. */
    static final int MAX_TEXT = 3000;
    static final String GENERIC_FAILURE = Failure.GENERIC;

    private final SlackTenancy tenancy;
    private final Executor later;
    private final Clock clock;
    private final ZoneId zone;
    private final PlainTextRenderer plain;
    private final DateTimeFormatter moment = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);

    Interactions(SlackTenancy tenancy, Executor later, Clock clock, ZoneId zone) {
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.later = Objects.requireNonNull(later, "later");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.plain = new PlainTextRenderer(zone);
    }

    Clock clock() {
        return clock;
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * The caller of a verified request, or empty after {@code refused} was given the sentence saying why there is
     * none (an unbound workspace, no plan yet).
     */
    Optional<SlackCaller> caller(Context ctx, String userId, String userName, java.util.function.Consumer<String> refused) {
        SlackTenancy.Result r = tenancy.resolve(ctx.getEnterpriseId(), ctx.getTeamId(), userId, userName);
        if (r instanceof SlackCaller) {
            return Optional.of((SlackCaller) r);
        }
        refused.accept(((SlackTenancy.Refused) r).message());
        return Optional.empty();
    }

    /** The core's request for something the caller clicked or typed in Slack (its text, if any, is given later). */
    static CommandRequest request(SlackCaller caller) {
        return new CommandRequest(caller.tenant().slug(), caller.actor(), Source.SLACK, "",
                new ChatContext(SlackTenancy.PLATFORM, caller.identity().workspace(), caller.identity().userId()));
    }

    /**
     * Runs {@code work} after the handler has acknowledged. A failure is logged with {@code what} (never a token) and
     * the user is told {@link #GENERIC_FAILURE} through {@code tell}, which may itself fail quietly.
     */
    void afterAck(String what, java.util.function.Consumer<String> tell, SlackWork work) {
        later.execute(() -> {
            try {
                work.run();
            } catch (Exception e) {
                LOG.error("Slack {} failed", what, e);
                try {
                    tell.accept(GENERIC_FAILURE);
                } catch (RuntimeException again) {
                    LOG.warn("could not tell the user that {} failed: {}", what, again.getClass().getSimpleName());
                }
            }
        });
    }

    /** Work that calls Slack. */
    interface SlackWork {
        void run() throws IOException, SlackApiException;
    }

    /** Posts plain text (escaped here) where only {@code user} sees it; a refusal by Slack is logged. */
    void ephemeral(MethodsClient client, String channel, String user, String text) {
        try {
            ChatPostEphemeralResponse r = client.chatPostEphemeral(b -> b.channel(channel).user(user)
                    .text(SlackText.escapeAndCut(text, MAX_TEXT)));
            if (!r.isOk()) {
                LOG.warn("chat.postEphemeral to {} refused: {}", channel, r.getError());
            }
        } catch (IOException | SlackApiException e) {
            LOG.warn("chat.postEphemeral to {} failed: {}", channel, e.getClass().getSimpleName());
        }
    }

    /**
     * A reply as plain text, for a sink that escapes it. A question about free text names the command that does it: a thread has no
     * memory of a question, so "yes" would only be read as free text again.
     */
    String text(Reply reply) {
        if (reply instanceof Question) {
            Question q = (Question) reply;
            String command = q.choices().isEmpty() ? "" : q.choices().get(0).command();
            return q.text() + (command.isEmpty() ? "" : "\nTo do it, type `/plan " + command + "`.");
        }
        return plain.render(reply).strip();
    }

    /** "Olivia Officer: EN003/01 is now Completed. (15/05/2023 09:00)": who did what, when, for the changed message. */
    String outcome(SlackCaller caller, Confirmation c) {
        return "✓ " + caller.actor().displayName() + ": " + c.text() + " (" + moment.format(clock.instant().atZone(zone)) + ")";
    }
}
