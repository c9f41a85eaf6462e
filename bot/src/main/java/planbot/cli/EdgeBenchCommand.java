package planbot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A chat-edge benchmark verb ({@code bench slack}, {@code bench teams}, {@code bench discord}): the same options,
 * checked the same way, the benchmark's JSON printed. Each subclass names its verb and runs its benchmark.
 */
abstract class EdgeBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EdgeLoadOptions load;

    /** Runs the benchmark: a generated plan of {@code tasks}, {@code clients} threads, each measurement {@code duration}. */
    abstract ObjectNode run(int tasks, int clients, Duration duration) throws Exception;

    @Override
    public Integer call() throws Exception {
        load.check();
        PrintWriter out = spec.commandLine().getOut();
        out.println(run(load.tasks, load.clients, load.duration()).toPrettyString());
        out.flush();
        return 0;
    }
}
