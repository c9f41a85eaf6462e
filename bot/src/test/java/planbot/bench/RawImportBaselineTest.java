package planbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.storage.Database;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.TrackerReader;

/**
 * The raw baseline {@code bench import} divides by: it must write what planbot's import writes, or the ratio would
 * flatter planbot's import.
 */
class RawImportBaselineTest {
    @TempDir
    Path dir;

    @Test
    void theRawBaselineWritesAsManySectionsActionsAndTasksAsTheRealImport() throws Exception {
        // GIVEN a generated tracker spanning three sections, its last action cut short
        Path file = dir.resolve("generated.tsv");
        TrackerGenerator.writeReviewTracker(file, 1234);

        // WHEN planbot imports it into one fresh file and the raw baseline writes it into another
        try (App app = App.open("jdbc:sqlite:" + dir.resolve("planbot.db"))) {
            app.imports().importPlan("bench", TrackerReader.read(file, ReadOptions.named("bench")), ImportMode.APPLY,
                    "bench", Clock.systemUTC());
        }
        RawImportBaseline.Result raw = RawImportBaseline.run(file, dir.resolve("raw.db"));

        // THEN both files hold the same number of rows in every plan table, 1234 of them tasks
        Map<String, Integer> planbot = counts(dir.resolve("planbot.db"));
        assertThat(counts(dir.resolve("raw.db"))).isEqualTo(planbot);
        assertThat(planbot).containsEntry("task", 1234).containsEntry("action", 124).containsEntry("section", 3);
        assertThat(raw.tasks()).isEqualTo(1234);
        assertThat(raw.actions()).isEqualTo(124);
        assertThat(raw.sections()).isEqualTo(3);
    }

    @Test
    void benchImportReportsTheRawRateAndTheRatioBesidePlanbotsRate() throws Exception {
        // WHEN a small bench import runs from the command line
        Run run = MainAccess.planbot("bench", "import", "--tasks", "500", "--json");

        // THEN the JSON has the raw baseline's rate and the ratio, both positive, and a person sees them in one line
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("importedTasks").asInt()).isEqualTo(500);
        assertThat(json.get("rawRowsPerSecond").asLong()).isPositive();
        assertThat(json.get("ratio").asDouble()).isPositive();
        assertThat(json.get("targetRatio").asDouble()).isEqualTo(0.5);
        assertThat(run.err()).contains("raw baseline " + json.get("rawRowsPerSecond").asLong() + " rows/s")
                .contains("ratio ");
    }

    private static Map<String, Integer> counts(Path file) {
        try (Database db = Database.open("jdbc:sqlite:" + file)) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String table : List.of("tenant", "plan", "section", "action", "task")) {
                counts.put(table, db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one()));
            }
            return counts;
        }
    }
}
