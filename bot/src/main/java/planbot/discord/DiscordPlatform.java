package planbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import planbot.config.Settings;
import planbot.delivery.Messenger;
import planbot.discord.delivery.DiscordMessenger;
import planbot.discord.gateway.DiscordGateway;
import planbot.discord.interact.Interactions;
import planbot.discord.interact.PlanCommandSpec;
import planbot.discord.render.DiscordText;
import planbot.discord.render.NoticeMessages;
import planbot.discord.render.ReplyEmbeds;
import planbot.discord.rest.DiscordFailure;
import planbot.discord.rest.DiscordRest;
import planbot.domain.Source;
import planbot.http.HttpRoutes;
import planbot.platform.ChatPlatform;
import planbot.platform.Finding;
import planbot.platform.PlatformHealth;
import planbot.platform.PlatformServices;
import planbot.platform.PlatformStartException;
import planbot.storage.Database;
import planbot.storage.JdbiChannelRepository;
import planbot.storage.JdbiTenantRepository;

/**
 * Discord as a {@link ChatPlatform}, in either or both modes: over the gateway ({@link DiscordGateway}, JDA) when
 * {@code DISCORD_TOKEN} is set, and HTTP interactions at {@value DiscordHttp#PATH} ({@link DiscordHttp}, Ed25519)
 * when {@code DISCORD_PUBLIC_KEY} is set. Both hand every interaction to the one {@link Interactions} handler, which
 * works on a bounded executor; messages go out through {@link DiscordRest} ({@link DiscordMessenger} for the outbox).
 *
 * <p>Built by {@link #configured} for the composition root; nothing runs until {@link #start()}; {@link #close()} lets
 * work in flight finish for a few seconds. Not thread-safe to start or close; thread-safe otherwise.
 */
public final class DiscordPlatform implements ChatPlatform {
    /** Interactions handled at once: SQLite has 4 connections; a few more threads keep them busy. */
    private static final int WORKERS = 8;
    /** Interactions waiting: beyond this the user is told planbot is busy. */
    private static final int QUEUE = 512;

    private final DiscordSettings settings;
    private final DiscordRest rest;
    private final ThreadPoolExecutor executor;
    private final Interactions interactions;
    private final DiscordHttp http;
    private final DiscordGateway gateway;
    private final DiscordMessenger messenger;
    private volatile String started;

    /**
     * Discord when the settings configure it, built but not started; empty when no {@code DISCORD_*} key is set.
     *
     * @param db where inbound dedupe, channels and tenants live
     * @throws planbot.config.ConfigException when Discord is half-configured or a value is malformed (naming the key)
     */
    public static Optional<ChatPlatform> configured(Settings settings, PlatformServices core, Database db) {
        return DiscordSettings.from(settings).map(s -> new DiscordPlatform(s, core, db));
    }

    public DiscordPlatform(DiscordSettings settings, PlatformServices core, Database db) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(core, "core");
        this.rest = new DiscordRest(settings);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "discord-interaction-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        NoticeMessages notices = new NoticeMessages();
        this.interactions = new Interactions(core, db, rest, new ReplyEmbeds(core.zone()), notices,
                settings.applicationId(), executor);
        this.http = settings.http()
                ? new DiscordHttp(new DiscordSignature(settings.publicKeyHex().orElseThrow(), core.clock()), interactions)
                : null;
        JsonNode commands = JsonNodeFactory.instance.arrayNode().add(PlanCommandSpec.registration());
        this.gateway = settings.gateway() ? new DiscordGateway(settings, rest, commands, interactions::handle) : null;
        this.messenger = new DiscordMessenger(rest, notices, new JdbiTenantRepository(db), new JdbiChannelRepository(db),
                core.outbox(), core.clock());
    }

    @Override
    public Source source() {
        return Source.DISCORD;
    }

    @Override
    public void routes(HttpRoutes routes) {
        if (http != null) {
            routes.post(DiscordHttp.PATH, http::interactions);
        }
    }

    /**
     * With a token, checks it ({@code GET /users/@me}) and connects the gateway (which registers {@code /plan}); with a
     * public key, takes interactions over HTTP.
     *
     * @return "Discord over the gateway", "Discord HTTP interactions at /discord/interactions", or both
     */
    @Override
    public String start() throws PlatformStartException {
        List<String> modes = new ArrayList<>();
        if (settings.gateway()) {
            try {
                rest.get("/users/@me");
            } catch (DiscordFailure e) {
                throw new PlatformStartException("Discord did not accept " + DiscordSettings.TOKEN + " (" + e.getMessage() + ")");
            }
            gateway.start();
            modes.add("over the gateway");
        }
        if (http != null) {
            modes.add("HTTP interactions at " + DiscordHttp.PATH);
        }
        started = "Discord " + String.join(" and ", modes);
        return started;
    }

    @Override
    public Messenger messenger() {
        return messenger;
    }

    @Override
    public String neutralMentions(String text) {
        return DiscordText.neutral(text);
    }

    /** The bot token, the application it belongs to, and whether the bot can see each of the tenant's channels. */
    @Override
    public List<Finding> check(Map<String, String> channels) {
        List<Finding> out = new ArrayList<>();
        if (!settings.gateway()) {
            out.add(Finding.warning("discord token", "No bot token: planbot answers /plan over HTTP but cannot send"
                    + " reminders or the digest on Discord.", "set " + DiscordSettings.TOKEN + " to the bot's token"));
            return out;
        }
        try {
            rest.get("/users/@me");
            out.add(Finding.ok("discord token", "Discord accepts planbot's bot token (" + DiscordSettings.TOKEN + ")."));
        } catch (DiscordFailure e) {
            out.add(Finding.problem("discord token", "Discord refuses the bot token: " + e.getMessage(),
                    "set " + DiscordSettings.TOKEN + " to the token on the Bot page of the Discord application"));
            return out;
        }
        try {
            String id = rest.get("/applications/@me").path("id").asText("");
            out.add(id.equals(settings.applicationId())
                    ? Finding.ok("discord application", "The bot token belongs to application " + id + ".")
                    : Finding.problem("discord application", "The bot token belongs to application " + id + ", not "
                    + settings.applicationId() + ".", "set " + DiscordSettings.APPLICATION_ID + " to " + id));
        } catch (DiscordFailure e) {
            out.add(Finding.warning("discord application", "Discord did not say which application the token is for: "
                    + e.getMessage(), "check " + DiscordSettings.APPLICATION_ID + ", then run `./planbot doctor` again"));
        }
        channels.forEach((purpose, id) -> {
            try {
                rest.get("/channels/" + id);
                out.add(Finding.ok("discord " + purpose + " channel", "planbot can see the " + purpose + " channel."));
            } catch (DiscordFailure | IllegalArgumentException e) {
                out.add(Finding.warning("discord " + purpose + " channel", "planbot cannot see the " + purpose
                        + " channel on Discord, so it cannot post there.", "add the planbot bot to that channel (View"
                        + " Channel and Send Messages), then type `/plan channel " + purpose + "` in it"));
            }
        });
        return out;
    }

    @Override
    public PlatformHealth health() {
        String s = started;
        if (s == null) {
            return PlatformHealth.down("not started");
        }
        if (gateway != null && !gateway.health().ok()) {
            return gateway.health();
        }
        return PlatformHealth.up(s.substring("Discord ".length()));
    }

    @Override
    public void close() {
        started = null;
        if (gateway != null) {
            gateway.close();
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
