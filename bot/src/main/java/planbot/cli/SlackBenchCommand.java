package planbot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import picocli.CommandLine.Command;
import planbot.bench.SlackBenchmark;

/** {@code planbot bench slack --tasks N --clients C}: signed /plan requests through the Slack edge, against a bare route. */
@Command(name = "slack", mixinStandardHelpOptions = true,
        description = "Start the Slack HTTP edge on a random port against a stand-in for Slack, fire signed '/plan status <ref>' "
                + "requests from --clients threads for --seconds, and compare with a bare Javalin route measured in the same run.")
public final class SlackBenchCommand extends EdgeBenchCommand {
    @Override
    ObjectNode run(int tasks, int clients, Duration duration) throws Exception {
        return new SlackBenchmark().run(tasks, clients, duration);
    }
}
