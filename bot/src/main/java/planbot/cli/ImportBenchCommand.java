package planbot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import planbot.bench.ImportBenchmark;

/**
 * {@code planbot bench import --tasks N}: import speed on a generated tracker, against a raw baseline measured in the
 * same run, and on the bundled sample. The JSON goes to standard output; one line comparing the two rates goes to
 * standard error, for a person watching, so that the output stays one JSON document.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a generated review tracker of --tasks rows into a fresh SQLite file; "
                + "report rows per second against a raw baseline on the same file (commons-csv and plain JDBC batches), "
                + "peak heap, and the bundled sample's warm import time.")
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
        ObjectNode result = new ImportBenchmark().run(tasks);
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.toPrettyString());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "bench import: planbot %d rows/s, raw baseline %d rows/s, ratio %.2f (target at least %.1f)%n",
                result.get("rowsPerSecond").asLong(), result.get("rawRowsPerSecond").asLong(),
                result.get("ratio").asDouble(), result.get("targetRatio").asDouble());
        err.flush();
        return 0;
    }
}
