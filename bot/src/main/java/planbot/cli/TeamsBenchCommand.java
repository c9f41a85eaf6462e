package planbot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import picocli.CommandLine.Command;
import planbot.bench.TeamsBenchmark;

/** {@code planbot bench teams --tasks N --clients C}: signed activities through the Teams bot's edge, against a bare route. */
@Command(name = "teams", mixinStandardHelpOptions = true,
        description = "Start the Teams bot on a random port against a stand-in Bot Connector, fire signed 'status <ref>' "
                + "message activities from --clients threads for --seconds, time the HTTP answer and the reply card posted "
                + "after it, and compare with a bare Javalin route measured in the same run.")
public final class TeamsBenchCommand extends EdgeBenchCommand {
    @Override
    ObjectNode run(int tasks, int clients, Duration duration) throws Exception {
        return new TeamsBenchmark().run(tasks, clients, duration);
    }
}
