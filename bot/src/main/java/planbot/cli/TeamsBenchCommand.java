package planbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import planbot.bench.TeamsBenchmark;

/** {@code planbot bench teams --tasks N --clients C}: signed activities through the Teams bot's edge, against a bare route. */
@Command(name = "teams", mixinStandardHelpOptions = true,
        description = "Start the Teams bot on a random port against a stand-in Bot Connector, fire signed 'status <ref>' "
                + "message activities from --clients threads for --seconds, time the HTTP answer and the reply card posted "
                + "after it, and compare with a bare Javalin route measured in the same run.")
public final class TeamsBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EdgeLoadOptions load;

    @Override
    public Integer call() throws Exception {
        load.check();
        PrintWriter out = spec.commandLine().getOut();
        out.println(new TeamsBenchmark().run(load.tasks, load.clients, load.duration()).toPrettyString());
        out.flush();
        return 0;
    }
}
