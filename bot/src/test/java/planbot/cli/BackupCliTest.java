package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.domain.Role;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;
import planbot.tracker.write.ExportFormat;
import planbot.tracker.write.PlanExporter;

/**
 * {@code planbot backup} as an operator meets it: a real SQLite file that the real App keeps writing to while the
 * copy is taken, the copy checked by opening it as planbot would, and the refusals that leave everything as it was.
 */
class BackupCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OLIVIA = "Olivia";

    @TempDir
    Path dir;

    TestBot servedBot() throws IOException {
        Files.createDirectories(dir.resolve("served"));
        return TestBot.start(dir.resolve("served"))
                .importPlan(PlanEdits.sample().owner("EN003/01", OLIVIA).owner("EN003/02", OLIVIA).plan())
                .person(OLIVIA, Role.OFFICER);
    }

    String servedUrl() {
        return "jdbc:sqlite:" + dir.resolve("served").resolve("testbot.db");
    }

    static String exportJson(App app) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            PlanExporter.write(app.admin().loadPlan(TestBot.TENANT, null), ExportFormat.JSON, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * How "the same moment" is made exact: planbot has one writer here, the writer thread. After each change it
     * exports the plan before making the next, so the list of exports is every state the database passes through,
     * in order. A consistent copy must equal one of those states, and one from the backup's own window: from the
     * last state before it started to the first one after it ended. A torn copy (half of one change, or rows
     * from two moments) would match none.
     */
    @Test
    void whileTheAppChangesStatusesEachBackupIsOneMomentOfThePlanAndPassesItsChecks() throws Exception {
        try (TestBot bot = servedBot()) {
            List<String> states = Collections.synchronizedList(new ArrayList<>());
            states.add(exportJson(bot.app()));
            AtomicBoolean stop = new AtomicBoolean();
            String[] changes = BackupWriterChild.CHANGES;
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<Integer> written = writer.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    Reply reply = bot.send(OLIVIA, changes[n % changes.length]);
                    if (reply instanceof Failure) {
                        throw new AssertionError("the writer's change was refused: " + reply);
                    }
                    states.add(exportJson(bot.app()));
                    n++;
                }
                return n;
            });
            // GIVEN the app is changing statuses
            while (states.size() < 5) {
                Thread.sleep(5);
            }
            // WHEN backups are taken while it goes on
            int overlapping = 0;
            List<int[]> windows = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int before = states.size();
                Run run = MainAccess.planbot("backup", "--out", dir.resolve("backup-" + i + ".db").toString(), "--db", servedUrl(), "--json");
                int after = states.size();
                assertThat(run.exit()).as(run.err()).isZero();
                windows.add(new int[] {before - 1, after});
                overlapping += after - before;
            }
            stop.set(true);
            int changesMade = written.get(60, TimeUnit.SECONDS);
            writer.shutdown();

            // THEN the app really was writing during the backups
            assertThat(changesMade).isGreaterThan(5);
            assertThat(overlapping).as("changes made while a backup ran").isPositive();
            for (int i = 0; i < windows.size(); i++) {
                // … and each copy is exactly one state of the plan, from its own window
                Path copy = dir.resolve("backup-" + i + ".db");
                String copied;
                try (App app = App.open("jdbc:sqlite:" + copy)) {
                    copied = exportJson(app);
                }
                int from = windows.get(i)[0];
                int to = Math.min(windows.get(i)[1], states.size() - 1);
                assertThat(states.subList(from, to + 1)).as("states in backup %s's window", i).contains(copied);
            }
        }
    }

    /**
     * The served file is written by another JVM, as {@code planbot serve} would. Each change there stores a task's
     * status and its audit event in one transaction, so in a consistent copy every task's status is the one its
     * latest status event says; a copy that caught one without the other would show it.
     */
    @Test
    void aDatabaseWrittenByAnotherProcessIsCopiedWithEachTaskAndItsAuditTogether() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                BackupWriterChild.class.getName(), served.toString());
        pb.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child.err").toFile()));
        Process child = pb.start();
        try {
            // GIVEN another process is changing statuses in the database
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).as(Files.exists(dir.resolve("child.err")) ? Files.readString(dir.resolve("child.err")) : "")
                        .isEqualTo("ready");
            }
            // WHEN three backups are taken while it writes
            for (int i = 0; i < 3; i++) {
                Run run = MainAccess.planbot("backup", "--out", dir.resolve("other-" + i + ".db").toString(), "--db", servedUrl());
                assertThat(run.exit()).as(run.err()).isZero();
                assertThat(child.isAlive()).as("the writer was still writing").isTrue();
            }
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        // THEN in each copy both tasks carry the status their latest status event gave them
        for (int i = 0; i < 3; i++) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("other-" + i + ".db"));
                 Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT t.ref, t.status_word, (SELECT a.after_value FROM audit_event a"
                         + " WHERE a.entity_ref = t.ref AND a.change = 'status' ORDER BY a.id DESC LIMIT 1) AS audited"
                         + " FROM task t WHERE t.ref IN ('EN003/01', 'EN003/02')")) {
                int rows = 0;
                while (r.next()) {
                    rows++;
                    assertThat(r.getString("audited")).as("copy %s, task %s", i, r.getString("ref")).isEqualTo(r.getString("status_word"));
                }
                assertThat(rows).isEqualTo(2);
            }
        }
    }

    @Test
    void theBackupReportsItsSizeTasksAndSchemaVersionAndOpensAsPlanbot() throws Exception {
        long tasks;
        try (TestBot bot = servedBot()) {
            tasks = bot.app().admin().loadPlan(TestBot.TENANT, null).tasks().count();
        }
        Path copy = dir.resolve("copy.db");
        // WHEN a backup is taken with --json
        Run run = MainAccess.planbot("backup", "--out", copy.toString(), "--db", servedUrl(), "--json");
        // THEN it reports the checked copy
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.get("file").asText()).isEqualTo(copy.toAbsolutePath().toString());
        assertThat(r.get("bytes").asLong()).isEqualTo(Files.size(copy));
        assertThat(r.get("tasks").asLong()).isEqualTo(tasks);
        assertThat(r.get("schemaVersion").asText()).isEqualTo("18");
        assertThat(r.get("integrity").asText()).isEqualTo("ok");
        // … no temporary file is left beside it
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("served", "copy.db");
        }
        // … and without --json it says the same in a sentence
        Run text = MainAccess.planbot("backup", "--out", dir.resolve("copy2.db").toString(), "--db", servedUrl());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("Backed up ", tasks + " tasks, schema version 18, integrity check ok.");
    }

    @Test
    void anExistingFileIsKeptUnlessForceIsGiven() throws Exception {
        servedBot().close();
        Path existing = dir.resolve("keep.db");
        Files.writeString(existing, "precious");
        // WHEN a backup is aimed at an existing file
        Run refused = MainAccess.planbot("backup", "--out", existing.toString(), "--db", servedUrl());
        // THEN it is refused in one sentence and the file is untouched
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("planbot: " + existing.toAbsolutePath()
                + " already exists: give a new file, or --force to replace it");
        assertThat(Files.readString(existing)).isEqualTo("precious");
        // … and with --force it is replaced by a copy
        Run forced = MainAccess.planbot("backup", "--out", existing.toString(), "--db", servedUrl(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        try (App app = App.open("jdbc:sqlite:" + existing)) {
            assertThat(app.admin().loadPlan(TestBot.TENANT, null).tasks().count()).isPositive();
        }
    }

    @Test
    void aPostgresqlDatabaseIsReferredToPgDumpWithoutItsPassword() {
        Path out = dir.resolve("planbot.dump");
        Run run = MainAccess.planbot("backup", "--out", out.toString(),
                "--db", "jdbc:postgresql://db.council.example:5433/planbot?user=pb&password=s3cret");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("planbot: planbot backup copies SQLite only: back up PostgreSQL with pg_dump, e.g."
                + " pg_dump --host=db.council.example --port=5433 --username=pb --format=custom --file=" + out
                + " planbot (give the password through PGPASSWORD or ~/.pgpass)");
        assertThat(run.out() + run.err()).doesNotContain("s3cret");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingDatabaseIsNotCreatedButNamed() throws Exception {
        Path missing = dir.resolve("nowhere.db");
        Run run = MainAccess.planbot("backup", "--out", dir.resolve("b.db").toString(), "--db", "jdbc:sqlite:" + missing);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("planbot: there is no SQLite database at " + missing.toAbsolutePath());
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
