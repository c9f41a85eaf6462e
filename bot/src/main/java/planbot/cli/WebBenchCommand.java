package planbot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import picocli.CommandLine.Command;
import planbot.bench.WebBenchmark;

/** {@code planbot bench web --tasks N --clients C}: the app's web routes under load, against a bare route. */
@Command(name = "web", mixinStandardHelpOptions = true,
        description = "Start the app's HTTP server on a random port over a generated plan of --tasks, send GETs to its web "
                + "routes from --clients threads for --seconds each, and compare with a bare Javalin route measured in the "
                + "same run.")
public final class WebBenchCommand extends EdgeBenchCommand {
    @Override
    ObjectNode run(int tasks, int clients, Duration duration) throws Exception {
        return new WebBenchmark().run(tasks, clients, duration);
    }
}
