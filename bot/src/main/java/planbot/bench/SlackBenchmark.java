package planbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import planbot.App;
import planbot.slack.SlackConnector;
import planbot.slack.SlackHttp;
import planbot.slack.SlackSettings;
import planbot.slack.SlackSignature;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.ReadResult;
import planbot.tracker.read.TrackerReader;

/**
 * {@code bench slack}: the Slack HTTP edge under load. Imports a generated plan into a fresh SQLite file, starts
 * the real edge (signature check, Bolt, tenancy, command service, Block Kit) on a random port against a tiny
 * in-process stand-in for Slack's Web API (only {@code auth.test}, and a sink for {@code response_url} posts),
 * then fires signed {@code /plan status <ref>} requests from many client threads for a fixed time and checks
 * that each ack carries the right card. In the same run the same clients hit a bare Javalin route on the same
 * machine: the edge is judged against what the machine can do at all. Reports p50/p99 and requests per second.
 */
public final class SlackBenchmark {
    /** Targets: p99 of a signed /plan status within 50 ms, and at least half the bare route's throughput. */
    static final double TARGET_P99_MILLIS = 50;
    static final double TARGET_THROUGHPUT_RATIO = 0.5;
    private static final String TOKEN = "xoxb-bench-token";
    private static final String SECRET = "bench-signing-secret";
    private static final String TEAM = "TBENCH";
    private static final LocalDate TODAY = LocalDate.of(2025, 1, 15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one timed run of the clients saw. */
    record Load(int requests, int failures, double seconds, double[] millis) {
        ObjectNode json(String what) {
            ObjectNode o = JSON.createObjectNode();
            o.put("what", what);
            o.put("requests", requests);
            o.put("failures", failures);
            o.put("requestsPerSecond", CommandBenchmark.round(requests / seconds));
            o.put("p50Millis", CommandBenchmark.round(CommandBenchmark.percentile(millis, 50)));
            o.put("p99Millis", CommandBenchmark.round(CommandBenchmark.percentile(millis, 99)));
            return o;
        }
    }

    public ObjectNode run(int tasks, int clients, Duration duration) throws Exception {
        Path dir = Files.createTempDirectory("planbot-bench-slack");
        Javalin slackApi = fakeSlackApi();
        Javalin bare = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.post("/bare", ctx -> ctx.contentType("text/plain").result("ok"));
        }).start(0);
        try {
            ObjectNode out = JSON.createObjectNode();
            out.put("benchmark", "slack");
            out.put("tasks", tasks);
            out.put("clients", clients);
            out.put("seconds", duration.toSeconds());
            Path file = dir.resolve("generated.tsv");
            TrackerGenerator.writeReviewTracker(file, tasks);
            ReadResult read = TrackerReader.read(file, ReadOptions.named("bench"));
            List<String> refs = new ArrayList<>();
            read.plan().tasks().forEach(t -> refs.add(t.ref()));
            Clock clock = Clock.offset(Clock.system(App.ZONE),
                    Duration.between(java.time.Instant.now(), TODAY.atTime(9, 0).atZone(App.ZONE).toInstant()));
            try (App app = App.open("jdbc:sqlite:" + dir.resolve("bench.db"), clock)) {
                long t0 = System.nanoTime();
                app.imports().importPlan("bench", read, ImportMode.APPLY, "bench", clock);
                out.put("setupMillis", Math.round((System.nanoTime() - t0) / 1e6));
                SlackSettings settings = new SlackSettings(TOKEN, SECRET, null, "http://127.0.0.1:" + slackApi.port() + "/api/", 0);
                try (SlackConnector slack = app.slack(settings, List.of())) {
                    slack.start();
                    URI events = URI.create("http://127.0.0.1:" + slack.httpPort() + SlackHttp.EVENTS_PATH);
                    SlackSignature signer = new SlackSignature(SECRET, clock);
                    String sink = "http://127.0.0.1:" + slackApi.port() + "/response/1";
                    IntFunction<HttpRequest> status = n -> {
                        String ref = refs.get(n % refs.size());
                        String body = form(ref, sink);
                        String ts = String.valueOf(clock.instant().getEpochSecond());
                        return HttpRequest.newBuilder(events)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Slack-Request-Timestamp", ts)
                                .header("X-Slack-Signature", signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                                .header("X-Bench-Ref", ref)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    };
                    IntFunction<HttpRequest> bareRoute = n -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bare.port() + "/bare"))
                            .POST(HttpRequest.BodyPublishers.ofString(form(refs.get(n % refs.size()), sink))).build();
                    // warm both up (JIT, connection pools, the workspace binding), then measure them one after the other
                    load(status, clients, Duration.ofSeconds(3), true);
                    load(bareRoute, clients, Duration.ofSeconds(2), false);
                    Load edge = load(status, clients, duration, true);
                    Load baseline = load(bareRoute, clients, duration, false);
                    out.set("slack", edge.json("signed POST /slack/events '/plan status <ref>', answered in the ack with the card"));
                    out.set("bareRoute", baseline.json("POST to a Javalin route answering 'ok', same machine, same clients"));
                    double ratio = (edge.requests() / edge.seconds()) / (baseline.requests() / baseline.seconds());
                    out.put("throughputOverBareRoute", Math.round(ratio * 1000) / 1000.0);
                    out.put("responseUrlPosts", responseUrlPosts.get());
                    ObjectNode targets = out.putObject("targets");
                    targets.put("p99Millis", TARGET_P99_MILLIS);
                    targets.put("throughputOverBareRoute", TARGET_THROUGHPUT_RATIO);
                    out.put("targetsMet", edge.failures() == 0
                            && CommandBenchmark.percentile(edge.millis(), 99) <= TARGET_P99_MILLIS && ratio >= TARGET_THROUGHPUT_RATIO);
                }
            }
            return out;
        } finally {
            bare.stop();
            slackApi.stop();
            CommandBenchmark.deleteTree(dir);
        }
    }

    private final AtomicLong responseUrlPosts = new AtomicLong();

    /** Just enough of Slack for the edge: {@code auth.test} for the bot token, and a sink for {@code response_url}. */
    private Javalin fakeSlackApi() {
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.post("/api/auth.test", ctx -> {
                boolean ok = ("Bearer " + TOKEN).equals(ctx.header("Authorization"));
                ctx.contentType("application/json").result(ok
                        ? "{\"ok\":true,\"url\":\"https://bench.slack.com/\",\"team\":\"Bench\",\"user\":\"planbot\","
                        + "\"team_id\":\"" + TEAM + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}"
                        : "{\"ok\":false,\"error\":\"invalid_auth\"}");
            });
            c.routes.post("/response/{id}", ctx -> {
                responseUrlPosts.incrementAndGet();
                ctx.contentType("application/json").result("{\"ok\":true}");
            });
        }).start(0);
    }

    private static String form(String ref, String responseUrl) {
        return "token=bench&team_id=" + TEAM + "&team_domain=bench&channel_id=C1&channel_name=plan&user_id=U1&user_name=bench"
                + "&command=%2Fplan&text=" + URLEncoder.encode("status " + ref, StandardCharsets.UTF_8)
                + "&api_app_id=A1&response_url=" + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8)
                + "&trigger_id=1.2.bench";
    }

    /**
     * {@code clients} threads each sending one request after another for {@code duration}. With {@code check},
     * an answer counts only when it is a 200 whose body names the ref asked about.
     */
    private static Load load(IntFunction<HttpRequest> requests, int clients, Duration duration, boolean check) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger next = new AtomicInteger(new Random(42).nextInt(1000));
        AtomicInteger failures = new AtomicInteger();
        List<double[]> perClient = new java.util.concurrent.CopyOnWriteArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        // One client for all threads, as a load balancer or a busy proxy would be: 32 clients would mean 32
        // selector threads competing with the server for the same cores.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            perClient.add(new double[4096]);
            int me = c;
            Thread t = new Thread(() -> {
                try {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        HttpRequest request = requests.apply(next.getAndIncrement());
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        double[] times = perClient.get(me);
                        if (n == times.length) {
                            times = java.util.Arrays.copyOf(times, n * 2);
                            perClient.set(me, times);
                        }
                        times[n++] = (System.nanoTime() - t0) / 1e6;
                        String ref = request.headers().firstValue("X-Bench-Ref").orElse("");
                        if (r.statusCode() != 200 || check && !r.body().contains(ref)) {
                            failures.incrementAndGet();
                        }
                    }
                    counts[me] = n;
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        double[] all = new double[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        return new Load(total, failures.get(), seconds, all);
    }
}
