package planbot.teams.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.command.ChatContext;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.domain.Source;
import planbot.http.AppServer;
import planbot.http.HttpRoutes;
import planbot.platform.Workers;
import planbot.reply.Failure;
import planbot.storage.InboundEventRepository;
import planbot.teams.TeamsText;
import planbot.teams.render.ReplyCards;
import planbot.tenancy.Caller;
import planbot.tenancy.Tenancy;

/**
 * {@code POST /teams/webhook}: a Teams outgoing webhook, for a team that cannot register an Azure bot. Someone
 * @mentions it in a channel; Teams posts the message signed with HMAC ({@link WebhookSignature}) and shows whatever the
 * HTTP answer carries, if it comes within 5 s. It runs commands only, as the caller (the activity's Entra tenant → the
 * council through {@link Tenancy}, the person by {@code from.aadObjectId}), and answers with the command's Adaptive Card
 * ({@link ReplyCards}). It cannot remind anyone: outgoing webhooks cannot start a conversation, so a command about
 * reminders is answered with {@link #REMINDERS_NEED_THE_BOT}.
 *
 * <p>Each request: size cap (413) → signature on the raw bytes (401, no effect, one WARN line without the header) →
 * the body read (400 for what Teams would not send) → dedupe by activity id, since a signed body carries no timestamp
 * and could be replayed (a repeat is answered, with no effect) → the command on a small executor, waited for up to
 * {@code deadline}; a slower one is answered with {@link #STILL_WORKING} (it still runs; its answer is lost). Anything
 * unexpected is logged and answered with {@link Failure#GENERIC}, never its text, never a 500.
 *
 * <p>Built by the Teams platform when {@code TEAMS_WEBHOOK_SECRET} is set, which mounts it ({@link #routes}) and closes
 * it. Thread-safe.
 */
public final class OutgoingWebhook implements AutoCloseable {
    public static final String PATH = "/teams/webhook";
    /** How long an answer is waited for: inside Teams' 5 s with room for the network. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMillis(4000);
    /** The platform name its activity ids are deduplicated under (not the bot's: they are separate deliveries). */
    static final String DEDUPE_PLATFORM = "teams-webhook";
    static final String REMINDERS_NEED_THE_BOT = "Reminders need the planbot app (the bot): this outgoing webhook can only"
            + " answer commands, because Teams does not let a webhook message anyone first. Ask your Microsoft 365 admin to"
            + " add the planbot app (README → Microsoft Teams).";
    static final String STILL_WORKING = "planbot is still working on that and Teams will not wait longer. A change may"
            + " still take effect: check with status in a minute before typing it again.";
    static final String BUSY = "planbot is busy right now: please try again in a minute.";
    static final String REPEATED = "planbot has answered this message already.";
    private static final Logger LOG = LoggerFactory.getLogger(OutgoingWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The webhook's own mention, first in the text: {@code <at>planbot</at>}, maybe after markup or spaces. */
    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*(?:<p>\\s*)?<at>[^<]*</at>(?:&nbsp;|\\s)*",
            Pattern.CASE_INSENSITIVE);
    /** {@code web}: a sign-in link, which this webhook could only post in the channel for all to see. */
    private static final Pattern WEB_WORDS = Pattern.compile("^(?:/plan\\s+)?web\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALENDAR_WORDS = Pattern.compile("^(?:/plan\\s+)?calendar\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMINDER_WORDS = Pattern.compile("^(?:/plan\\s+)?(?:reply\\b|remind|me\\s+reminders?\\b)",
            Pattern.CASE_INSENSITIVE);

    private final WebhookSignature signature;
    private final Tenancy tenancy;
    private final CommandService commands;
    private final InboundEventRepository inbound;
    private final ReplyCards cards;
    private final Clock clock;
    private final Executor executor;
    private final ThreadPoolExecutor owned;
    private final Duration deadline;

    /** With its own small executor (two threads, a short queue), closed by {@link #close()}. */
    public OutgoingWebhook(WebhookSignature signature, Tenancy tenancy, CommandService commands,
                           InboundEventRepository inbound, ReplyCards cards, Clock clock) {
        this(signature, tenancy, commands, inbound, cards, clock, null, DEFAULT_DEADLINE);
    }

    /**
     * @param executor where commands run (null: its own); a full one is answered {@link #BUSY}
     * @param deadline how long to wait for a command's answer before answering {@link #STILL_WORKING}
     */
    OutgoingWebhook(WebhookSignature signature, Tenancy tenancy, CommandService commands, InboundEventRepository inbound,
                    ReplyCards cards, Clock clock, Executor executor, Duration deadline) {
        this.signature = Objects.requireNonNull(signature, "signature");
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.cards = Objects.requireNonNull(cards, "cards");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.owned = executor == null ? Workers.bounded("teams-webhook-", 2, 32) : null;
        this.executor = executor == null ? owned : executor;
    }

    /** Mounts {@link #PATH}. */
    public void routes(HttpRoutes routes) {
        routes.post(PATH, this::handle);
    }

    /** Handles one request to {@link #PATH}. */
    void handle(Context ctx) {
        if (planbot.http.AppServer.refusedAsTooLarge(ctx)) {
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (!signature.verify(ctx.header("Authorization"), body)) {
            LOG.warn("rejected: {} HMAC signature", ctx.header("Authorization") == null ? "no" : "a wrong");
            ctx.status(401).contentType("text/plain").result("invalid signature");
            return;
        }
        Message message;
        try {
            message = Message.read(body);
        } catch (IllegalArgumentException e) {
            LOG.warn("refused a signed outgoing-webhook request: {}", e.getMessage());
            ctx.status(400).contentType("text/plain").result("not a Teams message");
            return;
        }
        ctx.status(200).contentType("application/json").result(answer(message).toString());
    }

    /** The activity to answer with; never throws. */
    private ObjectNode answer(Message m) {
        try {
            if (!inbound.firstDelivery(DEDUPE_PLATFORM, m.tenantId(), m.id(), clock.instant())) {
                LOG.info("repeated outgoing-webhook activity {} in tenant {}: no effect", m.id(), m.tenantId());
                return text(REPEATED);
            }
        } catch (RuntimeException e) {
            LOG.error("outgoing webhook: could not record activity {}", m.id(), e);
            return text(Failure.GENERIC);
        }
        String typed = commandText(m);
        if (REMINDER_WORDS.matcher(typed).find()) {
            return text(REMINDERS_NEED_THE_BOT);
        }
        if (WEB_WORDS.matcher(typed).find()) {
            return text(planbot.command.Command.Web.ONLY_PRIVATELY);
        }
        if (CALENDAR_WORDS.matcher(typed).find()) {
            return text(planbot.command.Command.Calendar.ONLY_PRIVATELY);
        }
        CompletableFuture<ObjectNode> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> run(m, typed), executor);
        } catch (RejectedExecutionException e) {
            LOG.warn("outgoing webhook refused a command: the executor is full");
            return text(BUSY);
        }
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("outgoing webhook: activity {} not answered within {} ms", m.id(), deadline.toMillis());
            return text(STILL_WORKING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return text(STILL_WORKING);
        } catch (ExecutionException e) {
            LOG.error("outgoing webhook: activity {} failed", m.id(), e.getCause());
            return text(Failure.GENERIC);
        }
    }

    /** Runs the command as the caller; never throws. */
    private ObjectNode run(Message m, String typed) {
        try {
            return tenancy.withCaller(Source.TEAMS, "", m.tenantId(), m.aadObjectId(), m.userName(), result -> {
                if (result instanceof Tenancy.Refused) {
                    return text(((Tenancy.Refused) result).message());
                }
                Caller c = (Caller) result;
                return openUrlOnly(cards.render(commands.handle(new CommandRequest(c.tenant().slug(), c.actor(),
                        Source.TEAMS, typed, new ChatContext(Source.TEAMS.word(), m.tenantId(), m.aadObjectId())))));
            });
        } catch (RuntimeException e) {
            LOG.error("outgoing webhook: activity {} from tenant {} failed", m.id(), m.tenantId(), e);
            return text(Failure.GENERIC);
        }
    }

    /** The text after the webhook's own mention, with other mentions and Teams' HTML made neutral. */
    static String commandText(Message m) {
        Matcher lead = LEADING_MENTION.matcher(m.text());
        String rest = lead.lookingAt() ? m.text().substring(lead.end()) : m.text();
        return TeamsText.neutral(rest, m.entities(), m.recipientId()).strip();
    }

    /**
     * An outgoing webhook's answer may carry cards but no card action other than {@code Action.OpenUrl}: Teams would
     * show a button that can do nothing, so any other is removed.
     */
    static ObjectNode openUrlOnly(ObjectNode node) {
        strip(node);
        return node;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode select = object.get("selectAction");
            if (select != null && !"Action.OpenUrl".equals(select.path("type").asText())) {
                object.remove("selectAction");
            }
            JsonNode actions = object.get("actions");
            if (actions != null && actions.isArray()) {
                for (Iterator<JsonNode> it = actions.elements(); it.hasNext(); ) {
                    if (!"Action.OpenUrl".equals(it.next().path("type").asText())) {
                        it.remove();
                    }
                }
            }
            object.elements().forEachRemaining(OutgoingWebhook::strip);
        } else if (node.isArray()) {
            ((ArrayNode) node).elements().forEachRemaining(OutgoingWebhook::strip);
        }
    }

    /** A plain message activity: our own sentence, which mentions nobody. */
    private static ObjectNode text(String sentence) {
        return JSON.createObjectNode().put("type", "message").put("text", sentence);
    }

    @Override
    public void close() {
        if (owned != null) {
            Workers.stop(owned, Duration.ofSeconds(2));
        }
    }

    /** What planbot reads of an outgoing webhook's activity. */
    record Message(String id, String tenantId, String aadObjectId, String userName, String recipientId, String text,
                   JsonNode entities) {

        /** @throws IllegalArgumentException with a short reason (no user text) when Teams would not send this */
        static Message read(byte[] body) {
            JsonNode a;
            try {
                a = JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalArgumentException("not JSON");
            }
            if (a == null || !a.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            if (!"message".equals(a.path("type").asText().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not a message activity");
            }
            String tenant = a.path("channelData").path("tenant").path("id").asText(a.path("conversation").path("tenantId").asText(""));
            return new Message(required(a.path("id"), "id"), required(tenant, "tenant id"),
                    required(a.path("from").path("aadObjectId"), "from.aadObjectId"), a.path("from").path("name").asText(""),
                    a.path("recipient").path("id").asText(""), a.path("text").asText(""), a.path("entities"));
        }

        private static String required(JsonNode value, String what) {
            return required(value.isTextual() ? value.asText() : "", what);
        }

        private static String required(String value, String what) {
            if (value.isBlank()) {
                throw new IllegalArgumentException("no " + what);
            }
            return value;
        }
    }
}
