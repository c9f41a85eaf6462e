package planbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.command.CommandService;
import planbot.slack.render.ReplyBlocks;

/**
 * Slack as a whole, for {@code ./planbot serve}: the Bolt app with {@code /plan} and any other
 * {@link SlackHandlers}, reached over HTTP ({@link SlackHttp}) or, when an app token is configured, over Socket
 * Mode (the same Bolt app and handlers, no public URL needed), and the executor slow commands run on.
 *
 * <p>Built by the composition root; nothing runs until {@link #start()}; {@link #close()} stops in reverse
 * (transport, then the executor, letting commands in flight finish for a few seconds). Not thread-safe to start
 * or close.
 */
public final class SlackConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackConnector.class);
    /** Commands running at once: SQLite has 4 connections; a few more threads keep them busy. */
    private static final int WORKERS = 8;
    /** Commands waiting: beyond this Slack users are told planbot is busy. */
    private static final int QUEUE = 512;

    private final SlackSettings settings;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final App bolt;
    private SlackHttp http;
    private SocketModeApp socketMode;

    /**
     * @param more further handler groups (buttons, events, App Home…), registered after {@code /plan}
     */
    public SlackConnector(SlackSettings settings, SlackTenancy tenancy, CommandService commands, Clock clock, ZoneId zone,
                          Duration fastPath, List<SlackHandlers> more) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "slack-command-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<SlackHandlers> handlers = new ArrayList<>();
        handlers.add(new PlanSlashCommand(tenancy, commands, new ReplyBlocks(zone), executor, fastPath));
        handlers.addAll(more);
        this.bolt = SlackBolt.create(settings, handlers);
    }

    /**
     * Connects to Slack: checks the bot token ({@code auth.test}), then listens for HTTP requests or opens the
     * Socket Mode connection.
     *
     * @return what was started, for the operator: "Slack over HTTP on :7070" or "Slack over Socket Mode"
     * @throws IllegalArgumentException when Slack refuses a token
     * @throws Exception                when the Socket Mode connection cannot be opened
     */
    public String start() throws Exception {
        if (settings.socketMode()) {
            // this constructor (not the one taking a client) is the one that wires the client to the Bolt app
            socketMode = new SocketModeApp(settings.appToken(), bolt);
            socketMode.startAsync();
            return "Slack over Socket Mode";
        }
        http = new SlackHttp(bolt, new SlackSignature(settings.signingSecret(), clock), settings.httpPort()).start();
        return "Slack over HTTP on :" + http.port() + SlackHttp.EVENTS_PATH;
    }

    /** The HTTP port, when started over HTTP. */
    public int httpPort() {
        if (http == null) {
            throw new IllegalStateException("Slack is not listening for HTTP requests");
        }
        return http.port();
    }

    @Override
    public void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.warn("Socket Mode did not close cleanly", e);
            }
            socketMode = null;
        }
        if (http != null) {
            http.close();
            http = null;
        }
        bolt.stop();
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
