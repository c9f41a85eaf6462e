package planbot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import picocli.CommandLine.Command;
import planbot.bench.DiscordBenchmark;

/** {@code planbot bench discord --tasks N --clients C}: signed /plan interactions through Discord's HTTP edge, against a bare route. */
@Command(name = "discord", mixinStandardHelpOptions = true,
        description = "Start Discord's HTTP interactions edge on a random port against a stand-in for Discord's REST API, fire "
                + "Ed25519-signed '/plan status ref:<ref>' interactions from --clients threads for --seconds, and compare with a "
                + "bare Javalin route measured in the same run.")
public final class DiscordBenchCommand extends EdgeBenchCommand {
    @Override
    ObjectNode run(int tasks, int clients, Duration duration) throws Exception {
        return new DiscordBenchmark().run(tasks, clients, duration);
    }
}
