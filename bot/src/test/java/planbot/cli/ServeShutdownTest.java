package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.OutboxDispatcher;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.OutboxEntry;
import planbot.storage.Tenant;

/**
 * SIGTERM to a real {@code planbot serve} JVM in the middle of a burst of deliveries: it exits 0 well within 30 s, and
 * every message is either delivered once or still waiting, unclaimed, for the next start, which delivers the rest and
 * repeats none. The platform is the console, printing each message to the child's standard output (a file here).
 */
class ServeShutdownTest {
    private static final int BURST = 1500;
    private static final Pattern KEY = Pattern.compile("outbox key (burst-\\d+)\\)");

    @TempDir
    Path dir;

    @Test
    void givenABurstBeingDelivered_whenSigterm_thenItExits0InTimeAndNothingIsLostOrSentTwice() throws Exception {
        // GIVEN a database with a burst of admin notices due (each its own message, to the console)
        Path db = dir.resolve("planbot.db");
        String url = "jdbc:sqlite:" + db;
        try (App app = App.open(url)) {
            Tenant tenant = app.tenants().getOrCreate("west-lancs", Instant.now());
            List<OutboxEntry> burst = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                String key = String.format("burst-%04d", i);
                burst.add(new OutboxEntry(tenant.id(), key, OutboxDispatcher.ADMIN, null, OutboxDispatcher.ADMIN, null,
                        NoticeBuilder.adminPayload(key, "a test message", "it is a test", 1)));
            }
            new JdbiOutboxRepository(app.database()).enqueue(burst, Instant.now());
        }

        // WHEN planbot serves it, and gets SIGTERM once delivery is under way
        Path out1 = dir.resolve("run1.out");
        Process first = serve(url, out1);
        await(out1, text -> keys(text).size() >= 20, first);
        long signalled = System.nanoTime();
        first.destroy(); // SIGTERM on Linux
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s of SIGTERM").isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - signalled);
        assertThat(first.exitValue()).as("exit code; output: %s", tail(out1)).isZero();
        assertThat(Files.readString(out1)).contains("planbot stopped.");

        // THEN each row is SENT (and was printed once) or NEW again, none left claimed; the burst was cut short
        Map<String, Integer> printed = count(keys(Files.readString(out1)), new HashMap<>());
        Map<String, String> states = states(url);
        assertThat(states).hasSize(BURST);
        assertThat(states.values()).as("no row left claimed (SENDING)").allMatch(s -> s.equals("SENT") || s.equals("NEW"));
        List<String> sent = new ArrayList<>();
        states.forEach((k, s) -> {
            if (s.equals("SENT")) {
                sent.add(k);
            }
        });
        assertThat(printed.keySet()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(printed.values()).allMatch(n -> n == 1);
        assertThat(sent).as("SIGTERM landed mid-burst (took %s)", took).hasSizeLessThan(BURST);

        // AND the next start delivers the rest, repeating none
        Path out2 = dir.resolve("run2.out");
        Process second = serve(url, out2);
        await(out2, text -> keys(text).size() >= BURST - sent.size(), second);
        second.destroy();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();
        count(keys(Files.readString(out2)), printed);
        assertThat(printed).hasSize(BURST);
        assertThat(printed.values()).as("each message printed once over both runs").allMatch(n -> n == 1);
        assertThat(states(url).values()).allMatch(s -> s.equals("SENT"));
        System.out.printf("SIGTERM after %d of %d sent; stopped in %d ms%n", sent.size(), BURST, took.toMillis());
    }

    private Process serve(String url, Path out) throws IOException {
        return serve(dir, url, out, Map.of("PLANBOT_NODE_ID", "node-test"));
    }

    /**
     * Starts {@code planbot serve} in a JVM of its own on the test's class path, in {@code dir} (where there is no .env),
     * on the database at {@code url} and any free port, with only the planbot settings given in {@code env}; its standard
     * output goes to {@code out}, its standard error to {@code dir/children.err}.
     */
    static Process serve(Path dir, String url, Path out, Map<String, String> env, String... jvmOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + dir));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "planbot.Main", "serve"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("PLANBOT_") || k.startsWith("SLACK_") || k.startsWith("TEAMS_")
                || k.startsWith("DISCORD_"));
        pb.environment().put("PLANBOT_DB_URL", url);
        pb.environment().put("PLANBOT_HTTP_PORT", "0");
        pb.environment().putAll(env);
        pb.directory(dir.toFile());
        pb.redirectOutput(out.toFile());
        pb.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("children.err").toFile()));
        return pb.start();
    }

    private void await(Path out, Predicate<String> done, Process child) throws Exception {
        await(dir, out, done, child);
    }

    /** Waits (up to 60 s) until the file {@code out} of the child satisfies {@code done}. */
    static void await(Path dir, Path out, Predicate<String> done, Process child) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.test(Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "")) {
            if (!child.isAlive() || System.nanoTime() > until) {
                child.destroyForcibly();
                throw new AssertionError("the child did not get there: " + tail(out) + " / "
                        + Files.readString(dir.resolve("children.err")));
            }
            Thread.sleep(5);
        }
    }

    private static List<String> keys(String text) {
        List<String> keys = new ArrayList<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static Map<String, Integer> count(List<String> keys, Map<String, Integer> into) {
        keys.forEach(k -> into.merge(k, 1, Integer::sum));
        return into;
    }

    private static Map<String, String> states(String url) {
        try (App app = App.open(url)) {
            Map<String, String> states = new HashMap<>();
            app.database().withHandle(h -> h.createQuery("SELECT idempotency_key, state FROM outbox")
                    .map((rs, ctx) -> states.put(rs.getString(1), rs.getString(2))).list());
            return states;
        }
    }

    static String tail(Path out) throws IOException {
        String text = Files.exists(out) ? Files.readString(out) : "";
        return text.substring(Math.max(0, text.length() - 400));
    }
}
