package planbot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.delivery.Messenger;
import planbot.delivery.SendResult;
import planbot.domain.Source;
import planbot.platform.ChatPlatform;
import planbot.platform.PlatformHealth;
import planbot.platform.PlatformStartException;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * The app's one HTTP server: it listens even with no chat platform, mounts each platform's routes, and {@code GET
 * /health} tells a load balancer whether the database, the scheduler and every platform work.
 */
class AppServerTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A platform of the test's own: one route, a health it is told, and a start that may fail. */
    static final class StubPlatform implements ChatPlatform {
        final AtomicBoolean well = new AtomicBoolean(true);
        final AtomicBoolean closed = new AtomicBoolean();
        final boolean failToStart;
        final String path;

        StubPlatform(boolean failToStart, String path) {
            this.failToStart = failToStart;
            this.path = path;
        }

        @Override
        public Source source() {
            return Source.DISCORD;
        }

        @Override
        public void routes(HttpRoutes routes) {
            routes.post(path, ctx -> ctx.result("stub:" + ctx.body()));
        }

        @Override
        public String start() throws PlatformStartException {
            if (failToStart) {
                throw new PlatformStartException("STUB_TOKEN was refused");
            }
            return "stub started";
        }

        @Override
        public Messenger messenger() {
            return new Messenger() {
                @Override
                public String platform() {
                    return "discord";
                }

                @Override
                public SendResult send(planbot.delivery.Notice notice, planbot.delivery.Recipient recipient) {
                    return new SendResult.Sent("stub-" + notice.outboxId());
                }
            };
        }

        @Override
        public String neutralMentions(String text) {
            return text;
        }

        @Override
        public PlatformHealth health() {
            return well.get() ? PlatformHealth.up("fine") : PlatformHealth.down("socket closed");
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void serveListensWithNoChatPlatformAndHealthReportsTheDatabaseAndTheScheduler() throws Exception {
        try (TestBot bot = TestBot.start(dir).importPlan(PlanEdits.sample().plan())) {
            // WHEN planbot serves with no chat platform configured
            StringWriter console = new StringWriter();
            List<String> lines = bot.app().serve(List.of(), 0, new PrintWriter(console));
            int port = bot.app().httpPort();
            // THEN it says so, listens, and reports itself healthy as JSON
            assertThat(lines).containsExactly("HTTP on :" + port + " (GET /health)", "Reminders and digests: on (printed here)");
            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"database\":{\"ok\":true,\"detail\":\"sqlite\"},"
                    + "\"scheduler\":{\"ok\":true,\"detail\":\"running\"}}");
            // AND a path nobody mounted is a 404, not an error
            assertThat(get(port, "/slack/events").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aPlatformsRoutesAreMountedAndAPlatformThatIsDownMakesHealth503() throws Exception {
        try (TestBot bot = TestBot.start(dir)) {
            // GIVEN a platform started on the app's server
            StubPlatform stub = new StubPlatform(false, "/stub/events");
            assertThat(bot.app().startPlatforms(List.of(stub), 0)).containsExactly("stub started");
            int port = bot.app().httpPort();
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stub/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.body()).isEqualTo("stub:hello");
            assertThat(get(port, "/health").body()).contains("\"discord\":{\"ok\":true,\"detail\":\"fine\"}");
            // WHEN it goes down THEN health says which part is down, with 503
            stub.well.set(false);
            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).startsWith("{\"status\":\"unavailable\"")
                    .contains("\"discord\":{\"ok\":false,\"detail\":\"socket closed\"}");
        }
    }

    @Test
    void aPlatformThatCannotStartLeavesNothingRunning() throws Exception {
        try (TestBot bot = TestBot.start(dir)) {
            StubPlatform good = new StubPlatform(false, "/good");
            StubPlatform bad = new StubPlatform(true, "/bad");
            // WHEN the second platform refuses to start
            assertThatThrownBy(() -> bot.app().startPlatforms(List.of(good, bad), 0))
                    .isInstanceOf(PlatformStartException.class).hasMessage("STUB_TOKEN was refused");
            // THEN the first is stopped again and the server is down
            assertThat(good.closed).isTrue();
            assertThatThrownBy(() -> bot.app().httpPort()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void garbageSentToTheAppsOwnRoutesGetsNo5xxAndChangesNothing() throws Exception {
        try (TestBot bot = TestBot.start(dir).importPlan(PlanEdits.sample().plan())) {
            // GIVEN the app's server with no chat platform (and no schedule writing meanwhile): /health is its only route
            bot.app().startPlatforms(List.of(), 0);
            int port = bot.app().httpPort();
            // WHEN 300 mutated bodies are posted to /health and to a path nobody mounted
            for (String path : List.of("/health", "/slack/events")) {
                planbot.testing.EdgeFuzzer fuzzer = new planbot.testing.EdgeFuzzer(URI.create("http://127.0.0.1:" + port + path),
                        body -> java.util.Map.of(), List.of(planbot.testing.EdgeFuzzer.Seed.json("json", "{\"type\":\"ping\"}"),
                        planbot.testing.EdgeFuzzer.Seed.form("form", "a=1&b=%41")), AppServer.MAX_BODY_BYTES, 7L);
                planbot.testing.EdgeFuzzer.Report report = fuzzer.run(150, java.time.Duration.ofSeconds(20),
                        () -> planbot.storage.testing.TestDatabases.dump(bot.app().database()));
                // THEN none is a 5xx, nothing is logged at ERROR, and no table changed
                assertThat(report.serverErrors()).as(path).isEmpty();
                assertThat(report.errorLogs()).as(path).isEmpty();
                assertThat(report.changes()).as(path).isEmpty();
            }
            // AND health still answers
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void givenABodyOverTheCap_whenPostedAgainAndAgain_thenEachIsAnswered413AndNeverReachesTheRoute() throws Exception {
        // GIVEN a route that refuses oversized bodies as the platforms' routes do, and counts what it reads
        java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        try (AppServer server = new AppServer(0, () -> new Health(java.util.Map.of()))) {
            server.post("/in", ctx -> {
                if (AppServer.refusedAsTooLarge(ctx)) {
                    return;
                }
                read.incrementAndGet();
                ctx.result("ok");
            });
            server.start();
            URI in = URI.create("http://127.0.0.1:" + server.port() + "/in");
            // WHEN bodies from just over the cap to a few times it are posted one after another
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(in)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[AppServer.MAX_BODY_BYTES + 1 + i * 10_000])).build(),
                        HttpResponse.BodyHandlers.ofString());
                // THEN every one is told 413 (the body was drained, so the answer is not lost to a reset)
                assertThat(r.statusCode()).isEqualTo(413);
            }
            assertThat(http.send(HttpRequest.newBuilder(in).POST(HttpRequest.BodyPublishers.ofString("small")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok");
            assertThat(read.get()).isEqualTo(1);
        }
    }

    @Test
    void givenAFallbackMountedBeforeARouteUnderItsPrefix_thenTheRouteWinsAndTheFallbackAnswersEverythingElseThere() throws Exception {
        try (AppServer server = new AppServer(0, () -> new Health(java.util.Map.of()))) {
            // GIVEN a fallback for /api mounted first, then a platform's POST /api/messages
            server.fallback("/api", ctx -> ctx.status(404).result("fallback " + ctx.method().name()));
            server.post("/api/messages", ctx -> ctx.result("teams"));
            server.start();
            String base = "http://127.0.0.1:" + server.port();
            // WHEN the route, another path and another method are asked
            HttpResponse<String> route = http.send(HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> other = get(server.port(), "/api/v1/nothing");
            HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create(base + "/api/messages")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            // THEN the route answers its own, the fallback the rest, and paths outside /api are not its
            assertThat(route.body()).isEqualTo("teams");
            assertThat(other.body()).isEqualTo("fallback GET");
            assertThat(delete.body()).isEqualTo("fallback DELETE");
            assertThat(get(server.port(), "/elsewhere").body()).doesNotContain("fallback");
        }
    }
}
