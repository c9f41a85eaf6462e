package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.storage.Database;
import planbot.storage.testing.TestDatabases;

/**
 * The import and export verbs as a user meets them: real files, a real SQLite file, exit codes, output. Bad
 * input of every kind gets a clear one-line reason and leaves the database exactly as it was.
 */
class ImportExportCliTest {
    static final Path SAMPLES = Path.of("..", "samples");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void database() {
        db = "jdbc:sqlite:" + dir.resolve("planbot.db");
    }

    static Run planbot(String... args) {
        return MainAccess.planbot(args);
    }

    Map<String, List<Map<String, Object>>> dump() {
        try (Database d = Database.open(db)) {
            return TestDatabases.dump(d);
        }
    }

    @Test
    void theReviewSampleImportsWithTheCountsACarefulPersonMakes() throws Exception {
        // WHEN the review tracker is imported with --json
        Run run = planbot("import", SAMPLES.resolve("planning-review-action-plan.tsv").toString(), "--db", db, "--json");
        // THEN it succeeds and reports what a person counts by hand
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("sections").asInt()).isEqualTo(11);
        assertThat(r.get("actions").asInt()).isEqualTo(56);
        assertThat(r.get("tasks").asInt()).isEqualTo(210);
        assertThat(r.get("datedTasks").asInt()).isEqualTo(118);
        assertThat(JSON.convertValue(r.get("statuses"), new TypeReference<Map<String, Integer>>() { })).isEqualTo(Map.of(
                "Completed", 116, "On target", 51, "In progress", 34, "Closed - no longer required", 9));
        assertThat(r.get("problems")).isEmpty();
        assertThat(r.get("applied").asBoolean()).isTrue();
    }

    @Test
    void theActivityPlanImportsWithItsWorkstreamsAndTimescales() throws Exception {
        Run run = planbot("import", SAMPLES.resolve("phase2-activity-plan.tsv").toString(), "--db", db, "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("actions").asInt()).isEqualTo(4);
        assertThat(r.get("tasks").asInt()).isEqualTo(12);
        assertThat(r.get("problems")).isEmpty();
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        String file = SAMPLES.resolve("planning-review-action-plan.tsv").toString();
        assertThat(planbot("import", file, "--db", db).exit()).isZero();
        var before = dump();
        // WHEN it is imported again
        Run again = planbot("import", file, "--db", db);
        // THEN nothing changed, and the report says so
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("tasks: created 0, updated 0, unchanged 210");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void aDryRunWritesNothing() {
        var before = dump();
        Run run = planbot("import", SAMPLES.resolve("planning-review-action-plan.tsv").toString(), "--db", db, "--dry-run");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Dry run (nothing written)").contains("would create 210");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void badFilesGetOneClearLineAndLeaveTheDatabaseExactlyAsItWas() throws Exception {
        // GIVEN a database holding the sample plan
        assertThat(planbot("import", SAMPLES.resolve("planning-review-action-plan.tsv").toString(), "--db", db,
                "--plan", "planning-review-action-plan").exit()).isZero();
        var before = dump();
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Path random = dir.resolve("random.csv");
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Files.write(random, noise);
        Path bomb = zipBomb(dir.resolve("bomb.xlsx"));
        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024); // sparse: 200 MB on paper, nothing on disk
        }
        Map<Path, String> expected = Map.of(
                dir.resolve("missing.csv"), "no such file",
                empty, "the file is empty",
                random, "not a CSV, TSV or XLSX tracker",
                bomb, "cannot import bomb.xlsx",
                huge, "cannot import huge.csv");
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            // WHEN each is imported over the plan
            Run run = planbot("import", e.getKey().toString(), "--db", db, "--plan", "planning-review-action-plan");
            // THEN one line says why, the exit code says it failed, and nothing changed
            assertThat(run.exit()).as(e.getKey().toString()).isEqualTo(1);
            assertThat(run.err().strip()).as(e.getKey().toString()).startsWith("planbot: ").contains(e.getValue())
                    .doesNotContain("Exception").doesNotContain("\n");
            assertThat(dump()).as(e.getKey().toString()).isEqualTo(before);
        }
    }

    @Test
    void aTrackerWithAnImpossibleDateOrAnUnknownStatusIsReportedByCellAndNotImported() throws Exception {
        // GIVEN the plan as stored, and a newer version of it with an impossible date and an unknown status word
        Path csv = dir.resolve("tracker.csv");
        Files.writeString(csv, "Ref,Action,Owner,Target date,Status\n1.1,Agree the charter,Sam,31/05/2023,On target\n"
                + "1.2,Publish it,Jo,30/06/2023,In progress\n", StandardCharsets.UTF_8);
        assertThat(planbot("import", csv.toString(), "--db", db).exit()).isZero();
        var before = dump();
        Files.writeString(csv, "Ref,Action,Owner,Target date,Status\n1.1,Agree the charter,Sam,31/02/2023,On target\n"
                + "1.2,Publish it,Jo,30/06/2023,Sort of\n", StandardCharsets.UTF_8);
        // WHEN it is imported
        Run run = planbot("import", csv.toString(), "--db", db);
        // THEN each bad cell is named by row and column, nothing is written, and the exit code says so
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("row 2, column Target date ('31/02/2023')").contains("row 3, column Status ('Sort of')");
        assertThat(run.err()).contains("nothing was imported");
        assertThat(dump()).isEqualTo(before);
        // AND with --allow-problems the readable rest goes in
        assertThat(planbot("import", csv.toString(), "--db", db, "--allow-problems").exit()).isZero();
        assertThat(dump()).isNotEqualTo(before);
    }

    @Test
    void exportThenImportIntoAnEmptyDatabaseGivesTheSamePlan() throws Exception {
        for (String sample : List.of("planning-review-action-plan", "phase2-activity-plan")) {
            for (String format : List.of("csv", "xlsx")) {
                String source = "jdbc:sqlite:" + dir.resolve(sample + "-" + format + "-a.db");
                String copy = "jdbc:sqlite:" + dir.resolve(sample + "-" + format + "-b.db");
                Path exported = dir.resolve(sample + "." + format);
                assertThat(planbot("import", SAMPLES.resolve(sample + ".tsv").toString(), "--db", source).exit()).isZero();
                Run export = planbot("export", "--format", format, "--out", exported.toString(), "--db", source);
                assertThat(export.exit()).as(export.err()).isZero();
                Run back = planbot("import", exported.toString(), "--plan", sample, "--db", copy);
                assertThat(back.exit()).as(back.err() + back.out()).isZero();
                assertThat(json(copy)).as(sample + " via " + format).isEqualTo(json(source));
            }
        }
    }

    @Test
    void exportedCellsThatASpreadsheetWouldRunAsAFormulaAreNeutralised() throws Exception {
        Path csv = dir.resolve("formulas.csv");
        Files.writeString(csv, "Ref,Action,Owner,Status\n1.1,\"=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",@Sam,On target\n",
                StandardCharsets.UTF_8);
        assertThat(planbot("import", csv.toString(), "--db", db).exit()).isZero();
        Path out = dir.resolve("out.csv");
        assertThat(planbot("export", "--format", "csv", "--out", out.toString(), "--db", db).exit()).isZero();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK").contains("'@Sam").doesNotContain(",=HYPERLINK").doesNotContain(",@Sam");
    }

    @Test
    void anUnknownExportFormatOrPlanIsAOneLineRefusal() {
        assertThat(planbot("import", SAMPLES.resolve("phase2-activity-plan.tsv").toString(), "--db", db).exit()).isZero();
        Run pdf = planbot("export", "--format", "pdf", "--db", db);
        assertThat(pdf.exit()).isEqualTo(1);
        assertThat(pdf.err()).contains("unknown export format 'pdf'");
        Run nope = planbot("export", "--format", "csv", "--plan", "nope", "--db", db);
        assertThat(nope.exit()).isEqualTo(1);
        assertThat(nope.err()).contains("no plan named \"nope\"");
    }

    private String json(String url) {
        Run run = planbot("export", "--format", "json", "--db", url);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    /** An .xlsx-named zip whose one entry inflates a thousandfold: POI's inflate-ratio guard must refuse it. */
    private static Path zipBomb(Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
        }
        return file;
    }
}
