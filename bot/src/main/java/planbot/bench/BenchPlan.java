package planbot.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import planbot.App;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.ReadResult;
import planbot.tracker.read.TrackerFormatException;
import planbot.tracker.read.TrackerReader;

/**
 * The plan an edge benchmark ({@code bench slack}, {@code bench teams}) serves: a generated tracker of N tasks imported
 * into an App on a fresh SQLite file in a temporary folder, on a clock set to a fixed morning (so that the plan's dates
 * mean the same every run), with its refs to ask about. Closing it closes the App and deletes the folder.
 */
final class BenchPlan implements AutoCloseable {
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 15);

    final App app;
    final Clock clock;
    /** How long the import took. */
    final long setupMillis;
    private final Path dir;
    private final List<String> refs;

    private BenchPlan(Path dir, App app, Clock clock, List<String> refs, long setupMillis) {
        this.dir = dir;
        this.app = app;
        this.clock = clock;
        this.refs = refs;
        this.setupMillis = setupMillis;
    }

    static BenchPlan open(String name, int tasks) throws IOException, TrackerFormatException {
        Path dir = Files.createTempDirectory("planbot-bench-" + name);
        Path file = dir.resolve("generated.tsv");
        TrackerGenerator.writeReviewTracker(file, tasks);
        ReadResult read = TrackerReader.read(file, ReadOptions.named("bench"));
        List<String> refs = new ArrayList<>();
        read.plan().tasks().forEach(t -> refs.add(t.ref()));
        Clock clock = Clock.offset(Clock.system(App.ZONE),
                Duration.between(java.time.Instant.now(), TODAY.atTime(9, 0).atZone(App.ZONE).toInstant()));
        App app = App.open("jdbc:sqlite:" + dir.resolve("bench.db"), clock);
        long t0 = System.nanoTime();
        app.imports().importPlan("bench", read, ImportMode.APPLY, "bench", clock);
        return new BenchPlan(dir, app, clock, refs, Math.round((System.nanoTime() - t0) / 1e6));
    }

    /** The start of a benchmark's JSON: which one, its size, and how long the import took. */
    ObjectNode report(String benchmark, int tasks, int clients, Duration duration) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("benchmark", benchmark);
        out.put("tasks", tasks);
        out.put("clients", clients);
        out.put("seconds", duration.toSeconds());
        out.put("setupMillis", setupMillis);
        return out;
    }

    /** The ref of the n-th request: every task in turn. */
    String ref(int n) {
        return refs.get(n % refs.size());
    }

    @Override
    public void close() {
        app.close();
        CommandBenchmark.deleteTree(dir);
    }
}
