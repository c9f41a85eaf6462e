package planbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.config.Settings;
import planbot.delivery.Messenger;
import planbot.domain.Source;
import planbot.http.HttpRoutes;
import planbot.platform.ChatPlatform;
import planbot.platform.Directory;
import planbot.platform.Finding;
import planbot.platform.PlatformHealth;
import planbot.platform.PlatformServices;
import planbot.platform.PlatformStartException;
import planbot.platform.Workers;
import planbot.slack.delivery.SlackMessenger;
import planbot.slack.delivery.SlackPoster;
import planbot.slack.interact.SlackInteractions;
import planbot.slack.render.NoticeBlocks;
import planbot.slack.render.ReplyBlocks;

/**
 * Slack as a {@link ChatPlatform}: one Bolt app with {@code /plan} and the interactive handlers (reminder buttons,
 * the new-date modal, thread replies, the App Home), reached over HTTP ({@link SlackHttp}, mounted on the app's
 * server at {@value #EVENTS_PATH}) or, when an app token is configured, over Socket Mode (no public URL needed); its
 * {@link SlackMessenger} for the outbox; and the executors slow commands and post-ack work run on.
 *
 * <p>Built by {@link #configured} for the composition root; nothing runs until {@link #start()}; {@link #close()}
 * stops in reverse (transport, then the executors, letting work in flight finish for a few seconds). Not
 * thread-safe to start or close.
 */
public final class SlackConnector implements ChatPlatform {
    /** Where Slack sends every request (slash commands, interactions, events) over HTTP. */
    public static final String EVENTS_PATH = SlackHttp.EVENTS_PATH;
    private static final Logger LOG = LoggerFactory.getLogger(SlackConnector.class);
    /** Commands running at once: SQLite has 4 connections; a few more threads keep them busy. */
    private static final int WORKERS = 8;
    /** Commands waiting: beyond this Slack users are told planbot is busy. */
    private static final int QUEUE = 512;

    private final SlackSettings settings;
    private final ThreadPoolExecutor executor;
    private final ExecutorService interactionWork;
    private final App bolt;
    private final SlackHttp http;
    private final SlackMessenger messenger;
    private final SlackDirectory directory;
    private final SlackSetupCheck setupCheck;
    private volatile String started;
    private SocketModeApp socketMode;

    /**
     * Slack when the settings configure it, built but not started; empty when they do not mention Slack at all.
     *
     * @throws planbot.config.ConfigException when Slack is half-configured or a value is malformed (naming the key)
     */
    public static Optional<ChatPlatform> configured(Settings settings, PlatformServices core) {
        return SlackSettings.from(settings).map(s -> new SlackConnector(s, core, PlanSlashCommand.DEFAULT_FAST_PATH, List.of()));
    }

    /**
     * @param fastPath how long {@code /plan} waits to answer in the ack before answering at {@code response_url}
     * @param more     further handler groups, registered after {@code /plan} and the interactive handlers
     */
    public SlackConnector(SlackSettings settings, PlatformServices core, Duration fastPath, List<SlackHandlers> more) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(core, "core");
        this.executor = Workers.bounded("slack-command-", WORKERS, QUEUE);
        this.interactionWork = Executors.newFixedThreadPool(4, Workers.daemons("slack-interaction-"));
        SlackTenancy tenancy = new SlackTenancy(core.tenancy());
        List<SlackHandlers> handlers = new ArrayList<>();
        handlers.add(new PlanSlashCommand(tenancy, core.commands(), new ReplyBlocks(core.zone()), executor, fastPath));
        handlers.add(new SlackInteractions(new SlackInteractions.Parts(tenancy, core.commands(), core.answers(), core.outbox(),
                core.notices(), core.threads(), core.welcome()), interactionWork, core.clock(), core.zone()));
        handlers.addAll(more);
        this.bolt = SlackBolt.create(settings, handlers);
        this.http = new SlackHttp(bolt, new SlackSignature(settings.signingSecret(), core.clock()));
        this.messenger = new SlackMessenger(new SlackPoster(settings.apiBaseUrl(), settings.botToken(), SlackPoster.DEFAULT_TIMEOUT),
                new NoticeBlocks());
        this.directory = new SlackDirectory(settings);
        this.setupCheck = new SlackSetupCheck(settings);
    }

    @Override
    public Source source() {
        return Source.SLACK;
    }

    /** Over HTTP, {@value #EVENTS_PATH}; over Socket Mode, nothing. */
    @Override
    public void routes(HttpRoutes routes) {
        if (!settings.socketMode()) {
            routes.post(EVENTS_PATH, http::events);
        }
    }

    /**
     * Checks the bot token ({@code auth.test}), then takes requests on the mounted route or opens the Socket Mode
     * connection.
     *
     * @return "Slack over HTTP at /slack/events" or "Slack over Socket Mode"
     */
    @Override
    public String start() throws PlatformStartException {
        try {
            bolt.start();
            if (settings.socketMode()) {
                // this constructor (not the one taking a client) is the one that wires the client to the Bolt app
                socketMode = new SocketModeApp(settings.appToken(), bolt);
                socketMode.startAsync();
                started = "Slack over Socket Mode";
            } else {
                started = "Slack over HTTP at " + EVENTS_PATH;
            }
            return started;
        } catch (IllegalArgumentException e) {
            // Bolt's auth.test refusal: "The token is invalid (auth.test error: invalid_auth)"
            throw new PlatformStartException("Slack could not check SLACK_BOT_TOKEN with auth.test: " + e.getMessage());
        } catch (Exception e) {
            throw new PlatformStartException("Slack did not start: " + e.getMessage());
        }
    }

    @Override
    public Messenger messenger() {
        return messenger;
    }

    /**
     * Slack's mentions ({@code <@U123|sam>}, {@code <#C123|plans>}, {@code <!here>}) are planbot's neutral form already;
     * only the escaping Slack adds to typed text ({@code &amp; &lt; &gt;}) is undone, so notes are stored as typed.
     */
    @Override
    public String neutralMentions(String text) {
        return SlackText.unescape(text);
    }

    /** {@code users.lookupByEmail} and {@code users.list}; works before {@link #start()}, for the command line. */
    @Override
    public Optional<Directory> directory() {
        return Optional.of(directory);
    }

    /** {@code auth.test} (the token and its scopes) and {@code conversations.info} for each channel. */
    @Override
    public List<Finding> check(Map<String, String> channels) {
        return setupCheck.check(channels);
    }

    @Override
    public PlatformHealth health() {
        String s = started;
        return s == null ? PlatformHealth.down("not started") : PlatformHealth.up(s.substring("Slack ".length()));
    }

    @Override
    public void close() {
        started = null;
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.warn("Socket Mode did not close cleanly", e);
            }
            socketMode = null;
        }
        bolt.stop();
        for (ExecutorService pool : List.of(executor, interactionWork)) {
            Workers.stop(pool, Duration.ofSeconds(5));
        }
    }
}
