package planbot.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import planbot.config.Settings;
import planbot.delivery.Messenger;
import planbot.delivery.Notice;
import planbot.delivery.Recipient;
import planbot.delivery.SendResult;
import planbot.domain.Source;
import planbot.http.HttpRoutes;
import planbot.platform.ChatPlatform;
import planbot.platform.Directory;
import planbot.platform.Finding;
import planbot.platform.PlatformHealth;
import planbot.platform.PlatformServices;
import planbot.platform.PlatformStartException;
import planbot.platform.Workers;
import planbot.storage.Database;
import planbot.storage.JdbiInboundEventRepository;
import planbot.storage.JdbiTeamsConversationRepository;
import planbot.storage.TeamsConversationRepository;
import planbot.teams.auth.AppTokens;
import planbot.teams.auth.ConnectorAuth;
import planbot.teams.connector.ConnectorClient;
import planbot.teams.connector.ServiceUrls;
import planbot.teams.connector.TeamsFailure;
import planbot.teams.delivery.TeamsMessenger;
import planbot.teams.interact.TeamsActivities;
import planbot.teams.render.NoticeCards;
import planbot.teams.render.ReplyCards;
import planbot.teams.webhook.OutgoingWebhook;
import planbot.teams.webhook.WebhookSignature;

/**
 * Microsoft Teams as a {@link ChatPlatform}: a bot on the Bot Framework activity protocol, without an SDK — inbound
 * activities at {@value TeamsHttp#PATH} ({@link TeamsHttp}: JWT-verified, answered at once, handled by
 * {@link TeamsActivities} on a bounded executor), replies and card updates through the Connector REST API
 * ({@link ConnectorClient}, calling only service URLs seen in verified activities, those stored from earlier ones
 * trusted again at start).
 *
 * <p>Built by {@link #configured} for the composition root; nothing runs until {@link #start()}; {@link #close()} lets
 * work in flight finish for a few seconds. Not thread-safe to start or close; thread-safe otherwise.
 */
public final class TeamsPlatform implements ChatPlatform {
    /** Activities handled at once: SQLite has 4 connections; a few more threads keep them busy. */
    private static final int WORKERS = 8;
    /** Activities waiting: beyond this the sender is told planbot is busy. */
    private static final int QUEUE = 512;

    private final TeamsSettings settings;
    private final HttpClient http;
    private final TeamsConversationRepository conversations;
    private final ServiceUrls serviceUrls = new ServiceUrls();
    private final AppTokens tokens;
    private final ConnectorClient connector;
    private final ThreadPoolExecutor executor;
    private final TeamsHttp inbound;
    private final TeamsMessenger messenger;
    /** The outgoing webhook, when {@code TEAMS_WEBHOOK_SECRET} is set; else null. */
    private final OutgoingWebhook webhook;
    private volatile String started;

    /**
     * Teams when the settings configure it, built but not started; empty when no {@code TEAMS_*} key is set.
     *
     * @param db the database the Teams conversation references and inbound dedupe live in
     * @throws planbot.config.ConfigException when Teams is half-configured or a value is malformed (naming the key)
     */
    public static Optional<ChatPlatform> configured(Settings settings, PlatformServices core, Database db) {
        return TeamsSettings.from(settings).map(s -> new TeamsPlatform(s, core, db));
    }

    public TeamsPlatform(TeamsSettings settings, PlatformServices core, Database db) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(core, "core");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.conversations = new JdbiTeamsConversationRepository(db);
        this.webhook = settings.webhookSecret().map(secret -> new OutgoingWebhook(new WebhookSignature(secret),
                core.tenancy(), core.commands(), new JdbiInboundEventRepository(db), new ReplyCards(core.zone()),
                core.clock())).orElse(null);
        if (!settings.bot()) {
            this.tokens = null;
            this.connector = null;
            this.executor = null;
            this.inbound = null;
            this.messenger = null;
            return;
        }
        this.tokens = new AppTokens(settings, http, core.clock());
        this.connector = new ConnectorClient(settings, serviceUrls, tokens, http, core.clock());
        this.executor = Workers.bounded("teams-activity-", WORKERS, QUEUE);
        TeamsActivities activities = new TeamsActivities(core, db, new JdbiInboundEventRepository(db), conversations,
                connector, new ReplyCards(core.zone()), new NoticeCards());
        this.inbound = new TeamsHttp(new ConnectorAuth(settings, http, core.clock()), serviceUrls, executor,
                activities::handle, activities::busy);
        this.messenger = new TeamsMessenger(connector, conversations, new NoticeCards(), core.clock());
    }

    @Override
    public Source source() {
        return Source.TEAMS;
    }

    @Override
    public void routes(HttpRoutes routes) {
        if (inbound != null) {
            routes.post(TeamsHttp.PATH, inbound::messages);
        }
        if (webhook != null) {
            webhook.routes(routes);
        }
    }

    /**
     * Checks the app credentials (a token from {@code TEAMS_TOKEN_URL}) and that the OpenID metadata inbound tokens are
     * checked against can be fetched, then trusts the service URLs stored from earlier activities.
     *
     * @return "Teams bot at /api/messages"
     */
    @Override
    public String start() throws PlatformStartException {
        if (!settings.bot()) {
            started = "Teams outgoing webhook";
            return started;
        }
        try {
            tokens.token();
        } catch (TeamsFailure e) {
            throw new PlatformStartException("Teams did not issue a token for " + TeamsSettings.APP_ID + "/"
                    + TeamsSettings.APP_PASSWORD + " at " + TeamsSettings.TOKEN_URL + " (" + e.getMessage() + ")");
        }
        Optional<String> metadata = metadataProblem();
        if (metadata.isPresent()) {
            throw new PlatformStartException("Teams' OpenID metadata at " + TeamsSettings.OPENID_METADATA_URL + " "
                    + metadata.get());
        }
        conversations.serviceUrls().forEach(serviceUrls::trust);
        started = "Teams bot at " + TeamsHttp.PATH;
        return started;
    }

    /** Why the OpenID metadata cannot be fetched, or empty when it can. */
    private Optional<String> metadataProblem() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(settings.openIdMetadataUrl()).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200 ? Optional.empty() : Optional.of("answered HTTP " + r.statusCode());
        } catch (IOException e) {
            return Optional.of("could not be fetched (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("could not be fetched (interrupted)");
        }
    }

    /**
     * The bot's {@link TeamsMessenger}. An outgoing webhook alone cannot message anyone first, so there every notice is
     * permanent, with the reason, for the admin's notice.
     */
    @Override
    public Messenger messenger() {
        if (messenger != null) {
            return messenger;
        }
        return new Messenger() {
            @Override
            public String platform() {
                return name();
            }

            @Override
            public SendResult send(Notice notice, Recipient recipient) {
                return new SendResult.Permanent("Teams reminders need the planbot bot (" + TeamsSettings.APP_ID + ", "
                        + TeamsSettings.APP_PASSWORD + "): the outgoing webhook can only answer commands");
            }
        };
    }

    /** Teams' mentions are taken out by entity when an activity is read ({@link TeamsText#neutral}); no entities here. */
    @Override
    public String neutralMentions(String text) {
        return TeamsText.neutral(text, JsonNodeFactory.instance.arrayNode(), "");
    }

    /**
     * The members of the teams the bot is in. The stored service URLs are trusted here too, as at start: the command
     * line asks the directory of a platform it does not start.
     */
    @Override
    public Optional<Directory> directory() {
        if (!settings.bot()) {
            return Optional.empty();
        }
        conversations.serviceUrls().forEach(serviceUrls::trust);
        return Optional.of(new TeamsDirectory(connector, conversations));
    }

    /** The app credentials, the OpenID metadata, and whether planbot has seen each of the tenant's channels. */
    @Override
    public List<Finding> check(Map<String, String> channels) {
        List<Finding> out = new ArrayList<>();
        if (!settings.bot()) {
            return out;
        }
        try {
            tokens.token();
            out.add(Finding.ok("teams token", "Microsoft issues planbot's Teams app a token (" + TeamsSettings.APP_ID + ")."));
        } catch (TeamsFailure e) {
            out.add(Finding.problem("teams token", "No token for the Teams app: " + e.getMessage(), "check "
                    + TeamsSettings.APP_ID + ", " + TeamsSettings.APP_PASSWORD + " and " + TeamsSettings.TENANT_ID
                    + " against the app registration, then run `./planbot doctor` again"));
        }
        Optional<String> metadata = metadataProblem();
        out.add(metadata.isEmpty() ? Finding.ok("teams keys", "The Bot Connector's OpenID metadata can be fetched.")
                : Finding.problem("teams keys", "The Bot Connector's OpenID metadata " + metadata.get() + ".",
                "check " + TeamsSettings.OPENID_METADATA_URL + " and the network"));
        channels.forEach((purpose, id) -> out.add(conversations.channel(id).isPresent()
                ? Finding.ok("teams " + purpose + " channel", "planbot has seen the " + purpose + " channel in Teams.")
                : Finding.warning("teams " + purpose + " channel", "planbot has not seen the " + purpose
                + " channel in Teams, so it cannot post there.", "add the planbot app to that channel's team, then type"
                + " `@planbot channel " + purpose + "` in the channel")));
        return out;
    }

    @Override
    public PlatformHealth health() {
        String s = started;
        return s == null ? PlatformHealth.down("not started") : PlatformHealth.up(s.substring("Teams ".length()));
    }

    @Override
    public void close() {
        started = null;
        if (webhook != null) {
            webhook.close();
        }
        if (executor == null) {
            return;
        }
        Workers.stop(executor, Duration.ofSeconds(5));
    }
}
