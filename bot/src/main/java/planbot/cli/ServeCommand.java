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
import planbot.config.PublicUrlConfig;
import planbot.platform.ChatPlatform;
import planbot.platform.PlatformStartException;

/**
 * {@code planbot serve}: production. Opens the database, starts the app's HTTP server ({@code GET /health} and each
 * platform's routes), each chat platform whose settings are present, then the reminder and digest schedule with
 * outbox delivery, and says what it started. Runs until the process is stopped (Ctrl-C, SIGTERM); a shutdown hook
 * then stops everything in reverse order.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run planbot: the HTTP server (GET /health), reminders, digests and the chat platforms configured in the environment or .env.",
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
        HttpConfig http = HttpConfig.from(root.settings); // a bad setting stops us before anything starts
        PublicUrlConfig publicUrl = PublicUrlConfig.from(root.settings);
        App app = root.open(global);
        app.usePublicUrl(publicUrl);
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            out.println("planbot stopped.");
            out.flush();
            stopped.countDown();
        }, "planbot-shutdown"));
        stopped.await();
        return 0;
    }
}
