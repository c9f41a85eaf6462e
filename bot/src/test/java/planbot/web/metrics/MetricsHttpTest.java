package planbot.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * {@code GET /metrics} scraped over real HTTP while planbot runs for real (schedule, delivery to the console): the
 * counters move by what happened, as the database records it, and every line is Prometheus' text format.
 */
class MetricsHttpTest {
    /** {@code name{labels} value}, or {@code name value}; comments (# HELP, # TYPE) aside. */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*\\})? (-?[0-9.]+(E-?[0-9]+)?|NaN|\\+Inf|-Inf)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the sample with exactly this name and these labels (as Prometheus writes them); 0 when absent. */
    private static double sample(String scrape, String nameAndLabels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(nameAndLabels) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static long count(TestBot bot, String where) {
        return bot.app().database().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE " + where)
                .mapTo(Long.class).one());
    }

    @Test
    void givenACommandASweepAndADelivery_whenScraped_thenEachCounterMovedByWhatHappened_inPrometheusFormat() throws Exception {
        try (TestBot bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN003/01", "Olivia Officer").plan())
                .person("Vic Viewer", Role.VIEWER)) {
            // GIVEN commands from Slack: two lookups, a change a viewer may not make, and words that are no command
            bot.source(Source.SLACK);
            bot.send("Olivia Officer", "status EN003/01");
            bot.send("Olivia Officer", "status EN003/01");
            bot.send("Vic Viewer", "done EN003/01");
            bot.send("Vic Viewer", "frobnicate");
            // WHEN planbot serves (the schedule's catch-up sweeps, then delivery to the console) and has sent everything
            bot.app().serve(List.of(), 0, new PrintWriter(new StringWriter()));
            int port = bot.app().httpPort();
            get(port, "/health", null);
            get(port, "/ical/NotASecretAtAll.ics", null);
            String scrape = "";
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                scrape = get(port, MetricsHttp.PATH, null).body();
                if (sample(scrape, "planbot_sweep_seconds_count{job=\"digests\",outcome=\"ok\"}") == 1
                        && count(bot, "state IN ('NEW', 'SENDING')") == 0 && sample(scrape, "planbot_outbox_depth") == 0) {
                    break;
                }
                Thread.sleep(100);
            }
            HttpResponse<String> r = get(port, MetricsHttp.PATH, null);
            scrape = r.body();
            // THEN it is Prometheus' text format, every line a comment or name{labels} value
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            for (String line : scrape.split("\n")) {
                assertThat(line.startsWith("#") || SAMPLE.matcher(line).matches()).as(line).isTrue();
            }
            // AND commands are counted by kind, outcome and platform
            assertThat(sample(scrape, "planbot_commands_total{kind=\"status\",outcome=\"ok\",platform=\"slack\"}")).isEqualTo(2);
            assertThat(sample(scrape, "planbot_commands_total{kind=\"done\",outcome=\"refused\",platform=\"slack\"}")).isEqualTo(1);
            assertThat(sample(scrape, "planbot_commands_total{kind=\"unparsed\",outcome=\"refused\",platform=\"slack\"}")).isEqualTo(1);
            // AND each sweep ran once, timed; what it decided is what the outbox holds; what was sent went to the console
            assertThat(sample(scrape, "planbot_sweep_seconds_count{job=\"reminders\",outcome=\"ok\"}")).isEqualTo(1);
            assertThat(sample(scrape, "planbot_sweep_seconds_count{job=\"digests\",outcome=\"ok\"}")).isEqualTo(1);
            long decided = count(bot, "kind NOT IN ('ADMIN', 'DIGEST')");
            assertThat(decided).isPositive();
            assertThat(sample(scrape, "planbot_reminders_decided_total")).isEqualTo(decided);
            assertThat(sample(scrape, "planbot_outbox_messages_total{outcome=\"sent\",platform=\"console\"}"))
                    .isEqualTo(count(bot, "state = 'SENT'")).isPositive();
            assertThat(sample(scrape, "planbot_outbox_messages_total{outcome=\"skipped\",platform=\"none\"}")
                    + sample(scrape, "planbot_outbox_messages_total{outcome=\"skipped\",platform=\"console\"}"))
                    .isEqualTo(count(bot, "state = 'SKIPPED'"));
            assertThat(sample(scrape, "planbot_outbox_depth")).isZero();
            assertThat(sample(scrape, "planbot_outbox_oldest_age_seconds")).isZero();
            // AND HTTP requests are timed by route template, never by the path asked for
            assertThat(sample(scrape, "planbot_http_requests_seconds_count{method=\"GET\",platform=\"none\",route=\"/health\",status=\"200\"}"))
                    .isEqualTo(1);
            assertThat(sample(scrape, "planbot_http_requests_seconds_count{method=\"GET\",platform=\"web\",route=\"/ical/{file}\",status=\"404\"}"))
                    .isEqualTo(1);
            assertThat(scrape).doesNotContain("NotASecretAtAll");
        }
    }

    @Test
    void givenAPlatformsRoute_whenRequested_thenItsLatencyIsLabelledWithThePlatformAndTheRouteTemplate() throws Exception {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (planbot.http.AppServer server = new planbot.http.AppServer(0, () -> new planbot.http.Health(java.util.Map.of()),
                meters)) {
            server.forPlatform("discord").post("/discord/{kind}", ctx -> ctx.result("ok"));
            server.get("/plain", ctx -> ctx.result("ok"));
            server.start();
            for (String path : List.of("/discord/interactions", "/discord/other")) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            }
            get(server.port(), "/plain", null);
            get(server.port(), "/nowhere/EN003%2F01", null);
            assertThat(meters.get("planbot.http.requests").tags("method", "POST", "route", "/discord/{kind}", "platform", "discord",
                    "status", "200").timer().count()).isEqualTo(2);
            assertThat(meters.get("planbot.http.requests").tags("route", "/plain", "platform", "none").timer().count()).isEqualTo(1);
            assertThat(meters.get("planbot.http.requests").tags("route", "unmatched", "status", "404").timer().count()).isEqualTo(1);
            assertThat(meters.find("planbot.http.requests").timers()).hasSize(3);
        }
    }

    @Test
    void givenAMetricsToken_thenAScrapeWithoutItIs401AndWithItIsServed() throws Exception {
        try (TestBot bot = TestBot.start(dir)) {
            bot.app().metricsToken("scrape-me-7f3a");
            bot.app().startPlatforms(List.of(), 0);
            int port = bot.app().httpPort();
            HttpResponse<String> none = get(port, MetricsHttp.PATH, null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(none.body()).doesNotContain("planbot_");
            assertThat(get(port, MetricsHttp.PATH, "Bearer wrong").statusCode()).isEqualTo(401);
            HttpResponse<String> with = get(port, MetricsHttp.PATH, "Bearer scrape-me-7f3a");
            assertThat(with.statusCode()).isEqualTo(200);
            assertThat(with.body()).contains("planbot_outbox_depth 0.0");
        }
    }

    @Test
    void givenWaitingMessages_thenTheOutboxGaugesShowHowManyAndHowLongTheOldestHasWaited() throws Exception {
        try (TestBot bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN003/01", "Olivia Officer").plan())) {
            // GIVEN a sweep's reminders in the outbox and nothing delivering them
            bot.app().remind(TestBot.TENANT, bot.now(), false);
            long waiting = count(bot, "state = 'NEW'");
            assertThat(waiting).isPositive();
            bot.app().startPlatforms(List.of(), 0);
            // WHEN 90 minutes pass
            bot.clock().advance(java.time.Duration.ofMinutes(90));
            String scrape = get(bot.app().httpPort(), MetricsHttp.PATH, null).body();
            // THEN the depth is what waits, and the oldest has waited 90 minutes
            assertThat(sample(scrape, "planbot_outbox_depth")).isEqualTo(waiting);
            assertThat(sample(scrape, "planbot_outbox_oldest_age_seconds")).isEqualTo(90 * 60);
        }
    }
}
