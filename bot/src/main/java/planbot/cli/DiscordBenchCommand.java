package planbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import planbot.bench.DiscordBenchmark;

/** {@code planbot bench discord --tasks N --clients C}: signed /plan interactions through Discord's HTTP edge, against a bare route. */
@Command(name = "discord", mixinStandardHelpOptions = true,
        description = "Start Discord's HTTP interactions edge on a random port against a stand-in for Discord's REST API, fire "
                + "Ed25519-signed '/plan status ref:<ref>' interactions from --clients threads for --seconds, and compare with a "
                + "bare Javalin route measured in the same run.")
public final class DiscordBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EdgeLoadOptions load;

    @Override
    public Integer call() throws Exception {
        load.check();
        PrintWriter out = spec.commandLine().getOut();
        out.println(new DiscordBenchmark().run(load.tasks, load.clients, load.duration()).toPrettyString());
        out.flush();
        return 0;
    }
}
