package planbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import planbot.bench.CommandBenchmark;

/** {@code planbot bench commands --tasks N --tenants T}: how fast status and mine answer on a many-tenant database. */
@Command(name = "commands", mixinStandardHelpOptions = true,
        description = "Generate --tenants tenants sharing --tasks tasks in a fresh SQLite file; time status and mine "
                + "in-process (p50/p99) against an indexed lookup by ref measured in the same run.")
public final class CommandBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", defaultValue = "100000", description = "Tasks in all, split evenly over the tenants (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--tenants", defaultValue = "100", description = "Tenants (default: ${DEFAULT-VALUE}).")
    int tenants;

    @Option(names = "--json", description = "JSON output (the default; accepted for symmetry with the other verbs).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (tenants < 1 || tenants > 10_000) {
            throw new UserError("--tenants must be between 1 and 10000");
        }
        if (tasks < tenants || tasks > 5_000_000) {
            throw new UserError("--tasks must be at least --tenants (one task each) and at most 5000000");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(new CommandBenchmark().run(tasks, tenants).toPrettyString());
        out.flush();
        return 0;
    }
}
