package planbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import planbot.bench.ImportBenchmark;

/** {@code planbot bench import --tasks N}: import speed on a generated tracker and on the bundled sample. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a generated review tracker of --tasks rows into a fresh SQLite file; "
                + "report rows per second, peak heap, and the bundled sample's warm import time.")
public final class ImportBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", defaultValue = "100000", description = "Task rows to generate (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--json", description = "JSON output (the default; accepted for symmetry with the other verbs).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (tasks < 1 || tasks > 5_000_000) {
            throw new UserError("--tasks must be between 1 and 5000000");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(new ImportBenchmark().run(tasks).toPrettyString());
        out.flush();
        return 0;
    }
}
