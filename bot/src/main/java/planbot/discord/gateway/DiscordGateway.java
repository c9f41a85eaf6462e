package planbot.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionController.SessionConnectNode;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.handle.SocketHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.discord.DiscordSettings;
import planbot.discord.rest.DiscordFailure;
import planbot.discord.rest.DiscordRest;
import planbot.platform.PlatformHealth;
import planbot.platform.PlatformStartException;

/**
 * Discord's gateway mode: one JDA session that only carries interactions in. Each {@code INTERACTION_CREATE} is
 * handed, as the raw JSON Discord sent, to the same handler that serves HTTP interactions, with a {@code respond} that
 * POSTs the initial response through {@link DiscordRest#interactionCallback}; JDA's own interaction API is never
 * used, so both modes share one handler and one response path.
 *
 * <p>Built by the Discord platform when {@code DISCORD_TOKEN} is set; {@link #start()} once, {@link #close()} at the
 * end. JDA is kept small: only the GUILDS intent (JDA always sends it; interactions need no intent at all), no
 * member cache, no chunking, no cache flags, no compression, default mentions off. planbot sends every message
 * with {@link DiscordRest}, which never retries, so the outbox alone decides retries; JDA's requester, which
 * retries 429s and 5xx by itself, only serves the session's own calls (its token check at login).
 *
 * <p>Thread-safe. The handler runs on a small pool of event threads, never on the socket's reading thread, and
 * should answer within Discord's 3 seconds (deferring when slow).
 */
public final class DiscordGateway implements AutoCloseable {
    /** How long {@link #start()} waits for READY. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(DiscordGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int AUTHENTICATION_FAILED = 4004;
    private static final int DISALLOWED_INTENTS = 4014;

    static {
        // JDA sends nothing of planbot's, but a message it ever sent would ping no one unless it named them
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    }

    private final DiscordSettings settings;
    private final DiscordRest rest;
    private final JsonNode commands;
    private final BiConsumer<JsonNode, Consumer<ObjectNode>> handler;
    private final Duration readyTimeout;
    private volatile JDA jda;

    /**
     * @param settings the Discord settings; the token must be present
     * @param rest     the REST client with the bot token: the gateway's address, command registration, responses
     * @param commands the application commands to register globally on start (a bulk overwrite), e.g. {@code /plan}
     * @param handler  takes one interaction as Discord sent it and a {@code respond} for its initial response
     */
    public DiscordGateway(DiscordSettings settings, DiscordRest rest, JsonNode commands,
                          BiConsumer<JsonNode, Consumer<ObjectNode>> handler) {
        this(settings, rest, commands, handler, READY_TIMEOUT);
    }

    DiscordGateway(DiscordSettings settings, DiscordRest rest, JsonNode commands,
                   BiConsumer<JsonNode, Consumer<ObjectNode>> handler, Duration readyTimeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (settings.token().isEmpty()) {
            throw new IllegalArgumentException("gateway mode needs DISCORD_TOKEN");
        }
        this.rest = Objects.requireNonNull(rest, "rest");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
    }

    /**
     * Asks Discord for the gateway's address ({@code GET /gateway/bot}, which also checks the token), registers the
     * commands ({@code PUT /applications/{id}/commands}) and connects, waiting up to 30 s for READY.
     *
     * @throws PlatformStartException naming the setting to fix (never the token) when Discord refuses or is silent
     */
    public void start() throws PlatformStartException {
        String gateway = gatewayUrl();
        register();
        connect(gateway);
    }

    /** Whether the session is connected now, for {@code GET /health}. */
    public PlatformHealth health() {
        JDA session = jda;
        if (session == null) {
            return PlatformHealth.down("gateway not connected");
        }
        JDA.Status status = session.getStatus();
        return status == JDA.Status.CONNECTED
                ? PlatformHealth.up("gateway connected")
                : PlatformHealth.down("gateway " + status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** Disconnects and waits briefly for JDA to stop. Safe to call when not started, and twice. */
    @Override
    public void close() {
        JDA session = jda;
        jda = null;
        if (session != null) {
            stop(session);
        }
    }

    private String gatewayUrl() throws PlatformStartException {
        JsonNode answer;
        try {
            answer = rest.get("/gateway/bot");
        } catch (DiscordFailure f) {
            throw refused(f, "the gateway's address (GET /gateway/bot)");
        }
        String url = answer.path("url").asText("");
        if (!url.startsWith("wss://") && !url.startsWith("ws://")) {
            throw new PlatformStartException("Discord gave no gateway address at " + settings.apiBaseUrl()
                    + "/gateway/bot: check DISCORD_API_BASE_URL");
        }
        return url;
    }

    private void register() throws PlatformStartException {
        try {
            rest.put("/applications/" + settings.applicationId() + "/commands", commands);
        } catch (DiscordFailure f) {
            if (f.status() == 403 || f.status() == 404) {
                throw new PlatformStartException("Discord refused to register /plan for application "
                        + settings.applicationId() + " (HTTP " + f.status() + "): DISCORD_APPLICATION_ID must be the"
                        + " application whose bot DISCORD_TOKEN is");
            }
            throw refused(f, "to register /plan");
        }
        LOG.info("Discord: registered {} global command(s) for application {}", commands.size(), settings.applicationId());
    }

    private void connect(String gateway) throws PlatformStartException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        LearnedGateway controller = new LearnedGateway(gateway);
        JDA session;
        try {
            session = JDABuilder.createLight(settings.token().orElseThrow(), EnumSet.noneOf(GatewayIntent.class))
                    .setRestConfig(new RestConfig().setBaseUrl(settings.apiBaseUrl() + "/"))
                    .setSessionController(controller)
                    .setCompression(Compression.NONE)
                    .setMemberCachePolicy(MemberCachePolicy.NONE)
                    .setChunkingFilter(ChunkingFilter.NONE)
                    .disableCache(EnumSet.allOf(CacheFlag.class))
                    .setRawEventsEnabled(true)
                    .setEnableShutdownHook(false)
                    .setEventPool(eventPool(), true)
                    .addEventListeners(new Listener(ready))
                    .build();
        } catch (InvalidTokenException e) {
            throw tokenRefused("401");
        } catch (RuntimeException e) {
            LOG.warn("Discord: the gateway session could not be built", e);
            throw new PlatformStartException("Discord's gateway could not be reached at " + gateway
                    + ": check DISCORD_API_BASE_URL and this host's network");
        }
        // JDA turns each INTERACTION_CREATE into entities of its own first, and drops one with a field it does not
        // expect (logging it whole, interaction token and all); planbot reads the raw event, so JDA's parser is off
        JDAImpl impl = (JDAImpl) session;
        impl.getClient().getHandlers().put("INTERACTION_CREATE", new SocketHandler.NOPHandler(impl));
        controller.release();
        try {
            ready.get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            stop(session);
            int code = ((Closed) e.getCause()).code;
            if (code == AUTHENTICATION_FAILED) {
                throw tokenRefused("close code 4004");
            }
            if (code == DISALLOWED_INTENTS) {
                throw new PlatformStartException("Discord's gateway refused planbot's intents (close code 4014),"
                        + " though it asks for no privileged one: check the bot of DISCORD_TOKEN");
            }
            throw new PlatformStartException("Discord's gateway closed the session (close code " + code
                    + ") before it was ready: check DISCORD_TOKEN");
        } catch (TimeoutException e) {
            stop(session);
            throw new PlatformStartException("Discord's gateway was not ready within " + readyTimeout.toSeconds()
                    + " s: check DISCORD_TOKEN and that this host can reach " + gateway);
        } catch (InterruptedException e) {
            stop(session);
            Thread.currentThread().interrupt();
            throw new PlatformStartException("interrupted while connecting to Discord's gateway");
        }
        // JDA fires READY on the event pool just before it marks the session CONNECTED: wait for that mark (a few
        // milliseconds at most) so that health says connected from the moment start() returns
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (session.getStatus() != JDA.Status.CONNECTED && System.nanoTime() < until) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        jda = session;
        LOG.info("Discord: gateway connected");
    }

    private void interaction(JsonNode interaction) {
        String id = interaction.path("id").asText("");
        String token = interaction.path("token").asText("");
        try {
            handler.accept(interaction, response -> respond(id, token, response));
        } catch (RuntimeException e) {
            LOG.error("Discord: interaction {} (type {}) failed in its handler", id, interaction.path("type").asInt(), e);
        }
    }

    private void respond(String id, String token, ObjectNode response) {
        try {
            rest.interactionCallback(id, token, response);
        } catch (DiscordFailure f) {
            // the interaction's token is a credential for 15 minutes: never logged
            LOG.warn("Discord: the initial response to interaction {} was refused (HTTP {}, code {})", id, f.status(), f.code());
        }
    }

    private static void stop(JDA session) {
        session.shutdown();
        try {
            if (!session.awaitShutdown(Duration.ofSeconds(5))) {
                session.shutdownNow();
                session.awaitShutdown(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            session.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private PlatformStartException refused(DiscordFailure f, String what) {
        if (f.status() == 401) {
            return tokenRefused("401");
        }
        String answer = f.status() == 0 ? "no answer" : "HTTP " + f.status() + ", code " + f.code();
        return new PlatformStartException("Discord did not give " + what + " (" + answer
                + "): check DISCORD_API_BASE_URL and this host's network");
    }

    private static PlatformStartException tokenRefused(String how) {
        return new PlatformStartException("Discord refused DISCORD_TOKEN (" + how + "): copy the bot token again from"
                + " the Developer Portal (Bot → Reset Token)");
    }

    private static ExecutorService eventPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "discord-gateway-events-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Gives JDA the gateway address learned from {@code GET /gateway/bot} (alone, JDA would always use Discord's).
     * Holds the first connection until {@link #release()}, so that JDA's handlers can be set before its socket
     * exists. Paces a first connection that fails: JDA's worker puts it straight back in its queue and tries again at
     * once, in a loop that logs a stack trace each time, so each retry here waits 1, 2, 4, then 5 seconds.
     */
    private static final class LearnedGateway extends SessionControllerAdapter {
        private final String url;
        private final AtomicInteger starts = new AtomicInteger();
        private volatile SessionConnectNode held;

        LearnedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }

        @Override
        public void appendSession(SessionConnectNode node) {
            if (node.isReconnect()) {
                super.appendSession(node); // JDA's reconnects back off by themselves
                return;
            }
            int failed = starts.getAndIncrement();
            if (failed == 0) {
                held = node;
                return;
            }
            try {
                Thread.sleep(Math.min(1000L << Math.min(failed - 1, 3), 5000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            super.appendSession(node);
        }

        /** Lets the first connection go ahead (the worker thread starts here, after the caller's changes). */
        void release() {
            super.appendSession(held);
        }
    }

    /** The session closed before READY, with this close code. */
    private static final class Closed extends RuntimeException {
        final int code;

        Closed(int code) {
            super("closed with " + code, null, false, false);
            this.code = code;
        }
    }

    private final class Listener implements EventListener {
        private final CompletableFuture<Void> ready;

        Listener(CompletableFuture<Void> ready) {
            this.ready = ready;
        }

        @Override
        public void onEvent(GenericEvent event) {
            if (event instanceof RawGatewayEvent) {
                RawGatewayEvent raw = (RawGatewayEvent) event;
                if ("INTERACTION_CREATE".equals(raw.getType())) {
                    JsonNode interaction;
                    try {
                        interaction = JSON.readTree(raw.getPayload().toJson());
                    } catch (IOException e) {
                        LOG.warn("Discord: an INTERACTION_CREATE that is not JSON was dropped");
                        return;
                    }
                    interaction(interaction);
                }
            } else if (event instanceof ReadyEvent) {
                ready.complete(null);
            } else if (event instanceof ShutdownEvent) {
                ready.completeExceptionally(new Closed(((ShutdownEvent) event).getCode()));
            }
        }
    }
}
