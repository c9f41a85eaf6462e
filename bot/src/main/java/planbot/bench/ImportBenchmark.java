package planbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import planbot.App;
import planbot.BundledSample;
import planbot.tracker.ImportMode;
import planbot.tracker.ImportReport;
import planbot.tracker.ImportService;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.ReadResult;
import planbot.tracker.read.TrackerReader;

/**
 * {@code bench import}: reads and imports a generated tracker of N task rows into a fresh SQLite file, once in
 * a cold JVM and once warm (rows per second over read + write, peak heap), then imports the bundled sample tracker warm, many
 * times, each into a fresh plan, and reports the median and worst time.
 *
 * <p>Absolute rows per second differ threefold between machines, so the same file also goes through
 * {@link RawImportBaseline} (commons-csv and plain JDBC batches) for as many rounds, and {@code ratio} is planbot's
 * warm rate over the baseline's warm rate: the target is 0.5, within twice the time of the raw floor.
 *
 * <p>Called from the CLI on one thread; every file it makes lives in a temporary folder deleted at the end.
 */
public final class ImportBenchmark {
    private static final int SAMPLE_WARMUP = 20;
    private static final int SAMPLE_RUNS = 30;

    public ObjectNode run(int tasks) throws Exception {
        Path dir = Files.createTempDirectory("planbot-bench");
        try {
            ObjectNode out = new ObjectMapper().createObjectNode();
            out.put("benchmark", "import");
            out.put("tasks", tasks);
            Path file = dir.resolve("generated.tsv");
            TrackerGenerator.writeReviewTracker(file, tasks);
            out.put("fileBytes", Files.size(file));

            // The same import twice, each into a fresh file: the first in a cold JVM (what one CLI import
            // sees), the second once the JIT has compiled the reader and the writer (steady throughput). The raw
            // baseline follows each round, so both warm runs come after one run of their own path.
            Measured cold = measure(file, dir.resolve("cold.db"), tasks);
            RawImportBaseline.run(file, dir.resolve("raw-cold.db"));
            Measured warm = measure(file, dir.resolve("warm.db"), tasks);
            RawImportBaseline.Result raw = RawImportBaseline.run(file, dir.resolve("raw-warm.db"));
            out.put("importedTasks", warm.imported);
            out.put("readMillis", round(warm.readMs));
            out.put("writeMillis", round(warm.writeMs));
            out.put("rowsPerSecond", warm.rowsPerSecond(tasks));
            out.put("coldReadMillis", round(cold.readMs));
            out.put("coldWriteMillis", round(cold.writeMs));
            out.put("coldRowsPerSecond", cold.rowsPerSecond(tasks));
            out.put("targetRowsPerSecond", 50_000);
            long rawRowsPerSecond = rowsPerSecond(tasks, raw.readMs() + raw.writeMs());
            out.put("rawReadMillis", round(raw.readMs()));
            out.put("rawWriteMillis", round(raw.writeMs()));
            out.put("rawRowsPerSecond", rawRowsPerSecond);
            out.put("ratio", Math.round(100.0 * warm.rowsPerSecond(tasks) / rawRowsPerSecond) / 100.0);
            out.put("targetRatio", 0.5);
            out.put("peakHeapMB", round(Math.max(cold.peakBytes, warm.peakBytes) / 1048576.0));

            byte[] sample = BundledSample.bytes();
            double[] ms = new double[SAMPLE_RUNS];
            try (App app = App.open("jdbc:sqlite:" + dir.resolve("sample.db"))) {
                ImportService imports = app.imports();
                for (int i = 0; i < SAMPLE_WARMUP + SAMPLE_RUNS; i++) {
                    long s = System.nanoTime();
                    ReadResult r = TrackerReader.read(sample, "sample.tsv", ReadOptions.named("sample"));
                    imports.importPlan("sample-" + i, r, ImportMode.APPLY, "bench", Clock.systemUTC());
                    if (i >= SAMPLE_WARMUP) {
                        ms[i - SAMPLE_WARMUP] = (System.nanoTime() - s) / 1e6;
                    }
                }
            }
            Arrays.sort(ms);
            out.put("sampleTasks", TrackerReader.read(sample, "sample.tsv", ReadOptions.named("sample")).plan().tasks().count());
            out.put("sampleWarmMillisMedian", round(ms[ms.length / 2]));
            out.put("sampleWarmMillisMax", round(ms[ms.length - 1]));
            out.put("targetSampleMillis", 100);
            return out;
        } finally {
            deleteTree(dir);
        }
    }

    /** One read and import of the generated file into a fresh SQLite file. */
    private static Measured measure(Path file, Path db, int tasks) throws Exception {
        HeapPeak.reset();
        long t0 = System.nanoTime();
        ReadResult read = TrackerReader.read(file, ReadOptions.named("bench"));
        long t1 = System.nanoTime();
        try (App app = App.open("jdbc:sqlite:" + db)) {
            long t2 = System.nanoTime();
            ImportReport report = app.imports().importPlan("bench", read, ImportMode.APPLY, "bench", Clock.systemUTC());
            long t3 = System.nanoTime();
            return new Measured(report.tasks(), (t1 - t0) / 1e6, (t3 - t2) / 1e6, HeapPeak.bytes());
        }
    }

    private record Measured(int imported, double readMs, double writeMs, long peakBytes) {
        long rowsPerSecond(int tasks) {
            return ImportBenchmark.rowsPerSecond(tasks, readMs + writeMs);
        }
    }

    private static long rowsPerSecond(int rows, double millis) {
        return Math.round(rows / (millis / 1000.0));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
