package planbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import planbot.scheduler.bench.RemindBenchmark;

/**
 * {@code planbot bench remind --tasks N --tenants T}: one reminder sweep over a generated SQLite file, against
 * a baseline query that selects the same due rows, measured in the same run.
 */
@Command(name = "remind", mixinStandardHelpOptions = true,
        description = "Generate --tenants tenants sharing --tasks tasks (targets over two years) in a fresh SQLite file; "
                + "time one reminder sweep (decide and enqueue) against one SQL query selecting the same due rows.")
public final class RemindBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", defaultValue = "1000000", description = "Tasks in all (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--tenants", defaultValue = "1000", description = "Tenants (default: ${DEFAULT-VALUE}).")
    int tenants;

    @Option(names = "--json", description = "JSON output (the default; accepted for symmetry with the other verbs).")
    boolean json;

    @Override
    public Integer call() {
        if (tenants < 1 || tenants > 10_000) {
            throw new UserError("--tenants must be between 1 and 10000");
        }
        if (tasks < tenants || tasks > 5_000_000) {
            throw new UserError("--tasks must be at least --tenants and at most 5000000");
        }
        RemindBenchmark.Result r = new RemindBenchmark().run(tasks, tenants);
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("benchmark", "remind");
        o.put("tasks", r.tasks());
        o.put("tenants", r.tenants());
        o.put("buildMillis", r.buildMillis());
        o.put("catchUpMillis", r.catchUpMillis());
        o.put("catchUpDecided", r.catchUpDecided());
        o.put("sweepMillis", r.sweepMillis());
        o.put("tasksRead", r.tasksRead());
        o.put("decided", r.decided());
        o.put("baselineMillis", r.baselineMillis());
        o.put("baselineRows", r.baselineRows());
        o.put("ratio", Math.round(r.ratio() * 100) / 100.0);
        o.put("peakHeapMB", Math.round(r.peakHeapBytes() / 1048576.0));
        o.put("targetRatio", 3);
        o.put("targetSweepMillis", 2000);
        PrintWriter out = spec.commandLine().getOut();
        out.println(o.toPrettyString());
        out.flush();
        return 0;
    }
}
