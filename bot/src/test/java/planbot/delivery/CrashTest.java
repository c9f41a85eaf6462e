package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.scheduler.reminder.Reminder;
import planbot.scheduler.reminder.ReminderSweep;
import planbot.scheduler.reminder.SweepRequest;
import planbot.storage.Database;
import planbot.storage.JdbiOutboxRepository;
import planbot.scheduler.reminder.PolicySource;
import planbot.scheduler.reminder.ReminderPolicy;
import planbot.storage.JdbiReminderStateRepository;
import planbot.storage.JdbiReminderTaskRepository;
import planbot.storage.testing.Stores;
import planbot.storage.testing.TestDatabases;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.TrackerReader;

/**
 * DESIGN §8's promise, tested with real crashes: a process killed ({@code kill -9}, by
 * {@link Process#destroyForcibly()}) at any moment of a sweep or a delivery loses no reminder and repeats at most
 * one message per crash.
 *
 * <p>Each round copies a database holding the sample tracker, then starts a {@link CrashChild} JVM on it (it
 * sweeps at a fixed moment when well over a hundred reminders are due, then delivers them to a file, forcing each
 * line to disk before the row is recorded as sent), kills it at a random moment, starts another, kills that, and
 * so on (three to five kills a round), and finally lets one finish. The file then holds every message that reached
 * the "platform". Rounds run until enough kills have landed or the time is up. The figures are printed (surefire
 * keeps them in the test's output file).
 */
class CrashTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** When the sample is imported: tasks untouched since then are stale by the sweep. */
    private static final Instant IMPORTED = LocalDateTime.of(2023, 1, 2, 8, 0).atZone(LONDON).toInstant();
    /** Wednesday 10 May 2023, 09:30: date reminders, escalations, TBC and stale nudges all due. */
    private static final Instant SWEEP_AT = LocalDateTime.of(2023, 5, 10, 9, 30).atZone(LONDON).toInstant();
    private static final int WANTED_KILLS = 36;
    private static final int ENOUGH_KILLS = 15;
    private static final Duration BUDGET = Duration.ofSeconds(48);
    private static final long PAUSE_PER_SEND_MS = 2;

    @TempDir
    Path dir;

    private final Random random = new Random();
    private int childRuns;

    @Test
    void killingTheProcessAtRandomMomentsLosesNoReminderAndRepeatsAtMostOneMessagePerKill() throws Exception {
        long seed = random.nextLong();
        random.setSeed(seed);
        // GIVEN the sample tracker in a database, and what a sweep at SWEEP_AT decides for it
        Path template = dir.resolve("template.db");
        Set<String> expected = prepare(template);
        assertThat(expected).hasSizeGreaterThan(100);

        // a run that is not killed: how long its sweep and delivery take, and that it sends each message once
        Path calibrationDb = copy(template, dir.resolve("calibration.db"));
        Path calibrationLog = dir.resolve("calibration.log");
        long t0 = System.nanoTime();
        Process p = start(calibrationDb, calibrationLog, 0);
        awaitReady(p);
        long readyAt = System.nanoTime();
        assertThat(readers.get(p).readLine()).isEqualTo("swept");
        long sweep = Math.max(20, (System.nanoTime() - readyAt) / 1_000_000);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("the calibration run's exit code").isZero();
        long work = Math.max(200, (System.nanoTime() - readyAt) / 1_000_000);
        assertThat(keys(Files.readAllLines(calibrationLog))).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        long startup = (readyAt - t0) / 1_000_000;

        // WHEN rounds of kills at random moments run
        Instant deadline = Instant.now().plus(BUDGET).minusMillis(startup + work);
        // on a busy machine a child often finishes before its kill lands: then go on (up to twice the budget) until
        // enough kills have landed to mean something
        Instant hardDeadline = deadline.plus(BUDGET);
        int rounds = 0;
        int kills = 0;
        int duplicates = 0;
        int duringSweep = 0;
        int duringDelivery = 0;
        List<String> failures = new ArrayList<>();
        while (kills < WANTED_KILLS && (Instant.now().isBefore(deadline)
                || kills < ENOUGH_KILLS && Instant.now().isBefore(hardDeadline))) {
            rounds++;
            Path db = copy(template, dir.resolve("round-" + rounds + ".db"));
            Path log = dir.resolve("round-" + rounds + ".log");
            int roundKills = 0;
            int tries = 3 + random.nextInt(3);
            for (int i = 0; i < tries; i++) {
                Process child = start(db, log, i);
                awaitReady(child);
                // anywhere from the start of the sweep to the end of the delivery (a little past it now and then; a later
                // run of a round has less left to deliver), and one time in four within the sweep, which is short
                long delay = random.nextInt(4) == 0 ? (long) (random.nextDouble() * sweep * 1.2)
                        : (long) (random.nextDouble() * work * (i == 0 ? 1.1 : 0.8));
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                String phase = phase(child);
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                if (child.exitValue() != 0) {
                    roundKills++;
                    if (phase.equals("sweeping")) {
                        duringSweep++;
                    } else if (phase.equals("delivering")) {
                        duringDelivery++;
                    }
                }
            }
            Process last = start(db, log, tries);
            awaitReady(last);
            assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as("round %d's last run, to completion", rounds).isZero();

            // THEN every decided reminder reached the file at least once, nothing else did, repeats <= kills
            List<String> lines = Files.readAllLines(log);
            // a line is a message, the keys of its reminders; a repeat is a message that carried a key already delivered
            Map<String, Integer> times = new HashMap<>();
            int repeats = 0;
            for (String line : lines) {
                boolean again = false;
                for (String key : line.split(" ")) {
                    again |= times.merge(key, 1, Integer::sum) > 1;
                }
                repeats += again ? 1 : 0;
            }
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(times.keySet());
            Set<String> unexpected = new HashSet<>(times.keySet());
            unexpected.removeAll(expected);
            if (!missing.isEmpty() || !unexpected.isEmpty() || repeats > roundKills) {
                failures.add("round " + rounds + ": " + roundKills + " kills, " + repeats + " repeats, missing " + missing
                        + ", unexpected " + unexpected);
            }
            kills += roundKills;
            duplicates += repeats;
            assertThat(unsent(db)).as("round %d: outbox rows not SENT", rounds).isZero();
        }

        String summary = String.format("crash test (seed %d): %d rounds, %d child JVMs, %d kills (%d during the sweep,"
                        + " %d during delivery), %d duplicates; %d reminders a round, startup %d ms, sweep %d ms, sweep+delivery %d ms",
                seed, rounds, childRuns, kills, duringSweep, duringDelivery, duplicates, expected.size(), startup, sweep,
                work);
        System.out.println(summary);
        assertThat(failures).as(summary).isEmpty();
        assertThat(duplicates).as(summary).isLessThanOrEqualTo(kills);
        assertThat(kills).as("too few kills landed to mean anything: " + summary).isGreaterThanOrEqualTo(ENOUGH_KILLS);
    }

    /** The keys of the messages a log holds, one message a line. */
    private static List<String> keys(List<String> lines) {
        List<String> keys = new ArrayList<>();
        lines.forEach(line -> keys.addAll(List.of(line.split(" "))));
        return keys;
    }

    /** Imports the sample into a new database at {@code file}; returns the keys a sweep at SWEEP_AT decides. */
    private static Set<String> prepare(Path file) throws Exception {
        Database db = Database.open("jdbc:sqlite:" + file);
        try {
            Stores stores = Stores.on(db);
            stores.importer().importPlan("west-lancs", TrackerReader.read(sample(), ReadOptions.named("Planning review")),
                    ImportMode.APPLY, "admin", Clock.fixed(IMPORTED, ZoneOffset.UTC));
            ReminderSweep sweep = new ReminderSweep(db, new JdbiReminderStateRepository(db), new PolicySource(new JdbiReminderStateRepository(db), ReminderPolicy.defaults()),
                    new JdbiReminderTaskRepository(db), new JdbiOutboxRepository(db), Clock.fixed(SWEEP_AT, ZoneOffset.UTC));
            Set<String> keys = new HashSet<>();
            for (Reminder r : sweep.sweep(SweepRequest.allTenants(SWEEP_AT).asDryRun()).decided()) {
                keys.add(r.key());
            }
            assertThat(TestDatabases.counts(db).get("outbox")).isZero();
            return keys;
        } finally {
            db.close();
        }
    }

    private Process start(Path db, Path log, int run) throws IOException {
        childRuns++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Djava.io.tmpdir=" + dir, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                "jdbc:sqlite:" + db, SWEEP_AT.toString(), Integer.toString(run), log.toString(),
                Long.toString(PAUSE_PER_SEND_MS));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("children.err").toFile()));
        return pb.start();
    }

    /** Waits for the child's "ready" (its database is open); the kill clock starts then. */
    private void awaitReady(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        if (!"ready".equals(line)) {
            p.destroyForcibly();
            throw new AssertionError("the child did not start (" + line + "): " + Files.readString(dir.resolve("children.err")));
        }
        readers.put(p, out);
    }

    private final Map<Process, BufferedReader> readers = new HashMap<>();

    /** What the child has said it got to: "sweeping" (nothing yet since ready), "delivering" or "done". */
    private String phase(Process p) throws IOException {
        BufferedReader out = readers.get(p);
        String phase = "sweeping";
        while (out.ready()) {
            String line = out.readLine();
            if ("swept".equals(line)) {
                phase = "delivering";
            } else if ("done".equals(line)) {
                phase = "done";
            }
        }
        return phase;
    }

    private static int unsent(Path db) {
        Database d = Database.open("jdbc:sqlite:" + db);
        try {
            return d.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE state <> 'SENT'").mapTo(Integer.class).one());
        } finally {
            d.close();
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Path wal = Path.of(from + "-wal");
        if (Files.exists(wal)) {
            Files.copy(wal, Path.of(to + "-wal"), StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    static Path sample() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("samples").resolve("planning-review-action-plan.tsv");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("samples/planning-review-action-plan.tsv not found");
    }
}
