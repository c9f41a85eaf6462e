package planbot.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.config.HttpConfig;
import planbot.config.LogConfig;
import planbot.config.NodeConfig;
import planbot.config.PublicUrlConfig;
import planbot.platform.ChatPlatform;
import planbot.platform.PlatformStartException;

/**
 * {@code planbot serve}: production. Opens the database, starts the app's HTTP server ({@code GET /health} and each
 * platform's routes), each chat platform whose settings are present, then the reminder and digest schedule with
 * outbox delivery, and says what it started. Runs until the process is stopped (Ctrl-C, SIGTERM); a shutdown hook
 * then stops everything in the order {@link App#close()} gives, and exits 0 — or, when that takes longer than
 * {@link #SHUTDOWN_DEADLINE}, logs the step it abandoned and exits 1, so that the process is gone within the 30 s a
 * service manager or a load balancer allows.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run planbot: the HTTP server (GET /health), reminders, digests and the chat platforms configured in the environment or .env.",
                "Slack needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (and SLACK_APP_TOKEN for Socket Mode)."})
public final class ServeCommand implements Callable<Integer> {
    /** How long stopping may take before the rest is abandoned: under 30 s, with room for the JVM to exit. */
    static final java.time.Duration SHUTDOWN_DEADLINE = java.time.Duration.ofSeconds(25);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);
    static final String NO_PLATFORM = "no chat platform configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET";

    @ParentCommand
    PlanbotCommand root;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        HttpConfig http = HttpConfig.from(root.settings); // a bad setting stops us before anything starts
        PublicUrlConfig publicUrl = PublicUrlConfig.from(root.settings);
        NodeConfig node = NodeConfig.from(root.settings);
        LogConfig.from(root.settings).apply(node);
        App app = root.open(global);
        app.usePublicUrl(publicUrl);
        app.useNode(node);
        try {
            List<ChatPlatform> platforms = app.configuredPlatforms(root.settings);
            app.serve(platforms, http.port(), out).forEach(out::println);
            if (platforms.isEmpty()) {
                out.println(NO_PLATFORM);
            }
        } catch (PlatformStartException e) {
            app.close();
            throw new UserError(e.getMessage());
        } catch (Exception | Error e) {
            app.close();
            throw e;
        }
        out.println("planbot is running; stop it with Ctrl-C.");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app, out), "planbot-shutdown"));
        new CountDownLatch(1).await(); // until the shutdown hook ends the process
        return 0;
    }

    /**
     * The shutdown hook: closes the app on a thread of its own, and ends the process when it is done or the deadline
     * passes. It halts rather than returning, because a JVM stopped by SIGTERM would otherwise exit 143 after a clean stop.
     */
    private static void stop(App app, PrintWriter out) {
        Thread closer = new Thread(app::close, "planbot-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(SHUTDOWN_DEADLINE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            LOG.error("planbot did not stop within {} s: abandoned while stopping {} (what follows it was not stopped;"
                    + " outbox rows still claimed are sent again when their claim lapses)", SHUTDOWN_DEADLINE.toSeconds(),
                    app.closing());
            out.println("planbot stopped without finishing (see the log).");
            out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
        out.println("planbot stopped.");
        out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }
}
