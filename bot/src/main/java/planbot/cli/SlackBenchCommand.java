package planbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import planbot.bench.SlackBenchmark;

/** {@code planbot bench slack --tasks N --clients C}: signed /plan requests through the Slack edge, against a bare route. */
@Command(name = "slack", mixinStandardHelpOptions = true,
        description = "Start the Slack HTTP edge on a random port against a stand-in for Slack, fire signed '/plan status <ref>' "
                + "requests from --clients threads for --seconds, and compare with a bare Javalin route measured in the same run.")
public final class SlackBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EdgeLoadOptions load;

    @Override
    public Integer call() throws Exception {
        load.check();
        PrintWriter out = spec.commandLine().getOut();
        out.println(new SlackBenchmark().run(load.tasks, load.clients, load.duration()).toPrettyString());
        out.flush();
        return 0;
    }
}
