package planbot.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import planbot.App;
import planbot.slack.SlackConnector;
import planbot.slack.SlackSettings;

/**
 * {@code planbot serve}: production. Opens the database, starts the reminder and digest schedule with outbox
 * delivery, then each chat platform whose settings are present, and says which it started. Runs until the
 * process is stopped (Ctrl-C, SIGTERM); a shutdown hook then stops everything in reverse order.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run planbot: reminders, digests and the chat platforms configured in the environment or .env.",
                "Slack needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (and SLACK_APP_TOKEN for Socket Mode)."})
public final class ServeCommand implements Callable<Integer> {
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
        Optional<SlackSettings> slack = SlackSettings.from(root.settings); // a bad setting stops us before anything starts
        App app = root.open(global);
        SlackConnector connector = null;
        try {
            app.startServing(slack, out);
            out.println("Reminders and digests: on (" + (slack.isPresent() ? "delivered to Slack" : "printed here") + ")");
            if (slack.isPresent()) {
                connector = app.slack(slack.get(), List.of());
                out.println(start(connector));
            } else {
                out.println(NO_PLATFORM);
            }
        } catch (Exception | Error e) {
            close(connector, app);
            throw e;
        }
        out.println("planbot is running; stop it with Ctrl-C.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        SlackConnector started = connector;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close(started, app);
            out.println("planbot stopped.");
            out.flush();
            stopped.countDown();
        }, "planbot-shutdown"));
        stopped.await();
        return 0;
    }

    /** Starts Slack, turning the failures an operator can fix into one line that names no secret. */
    private static String start(SlackConnector connector) throws Exception {
        try {
            return connector.start();
        } catch (IllegalArgumentException e) {
            // Bolt's auth.test refusal: "The token is invalid (auth.test error: invalid_auth)"
            throw new UserError("Slack could not check SLACK_BOT_TOKEN with auth.test: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new UserError("Slack did not start: " + e.getMessage());
        }
    }

    /** Stops in reverse order of starting: chat platforms first, then the schedule, delivery and the database. */
    private static void close(SlackConnector connector, App app) {
        if (connector != null) {
            connector.close();
        }
        app.close();
    }
}
