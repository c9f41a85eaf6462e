package planbot.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import planbot.bench.SlackBenchmark;

/** {@code planbot bench slack --tasks N --clients C}: signed /plan requests through the Slack edge, against a bare route. */
@Command(name = "slack", mixinStandardHelpOptions = true,
        description = "Start the Slack HTTP edge on a random port against a stand-in for Slack, fire signed '/plan status <ref>' "
                + "requests from --clients threads for --seconds, and compare with a bare Javalin route measured in the same run.")
public final class SlackBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", defaultValue = "100000", description = "Tasks in the generated plan (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--clients", defaultValue = "32", description = "Client threads sending at once (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "10", description = "How long each measurement runs (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--json", description = "JSON output (the default; accepted for symmetry with the other verbs).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (tasks < 1 || tasks > 5_000_000) {
            throw new UserError("--tasks must be between 1 and 5000000");
        }
        if (clients < 1 || clients > 512) {
            throw new UserError("--clients must be between 1 and 512");
        }
        if (seconds < 1 || seconds > 3600) {
            throw new UserError("--seconds must be between 1 and 3600");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(new SlackBenchmark().run(tasks, clients, Duration.ofSeconds(seconds)).toPrettyString());
        out.flush();
        return 0;
    }
}
