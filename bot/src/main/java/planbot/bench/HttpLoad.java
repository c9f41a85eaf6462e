package planbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Load over HTTP for the edge benchmarks ({@code bench slack}, {@code bench teams}, {@code bench discord}) and the web's
 * ({@code bench web}): many client threads sending one
 * request after another for a fixed time through one shared client, each answer judged, with latency percentiles,
 * throughput, the process's CPU time per request and the JIT compiler's share. Also the warm-up both an edge and its
 * bare-route baseline get alike, in alternating rounds, until the compiler has settled.
 *
 * <p>The comparison this serves is kept fair by the callers: the same requests, the same client code, one HTTP
 * client per target kept from its warm-up through its measurement. Stateless; each call runs its own threads.
 */
final class HttpLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    /** One round of warm-up per target; rounds repeat until the JIT compiler has (nearly) settled. */
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(3);
    /** Warm-up is over when compiling took at most this share of a round's wall time... */
    private static final double SETTLED_COMPILE_SHARE = 0.05;
    /** ...or after this long in all, whatever the compiler is doing. */
    private static final Duration MAX_WARM_UP = Duration.ofSeconds(60);
    /** A request hanging longer than this counts as failed. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private HttpLoad() {
    }

    /** Judges one answer: null when it is what was expected, else a short reason (tallied, never thrown). */
    interface Check {
        String judge(HttpRequest request, HttpResponse<String> response);

        /** Any 200. */
        Check OK = (request, response) -> null;
    }

    /** One target of a measurement: its client, its requests and how its answers are judged. */
    record Target(HttpClient http, IntFunction<HttpRequest> requests, Check check) {
    }

    /**
     * What one timed run of the clients saw; {@code reasons} counts the failures by what went wrong, {@code cpuSeconds}
     * is the CPU time this process (server and clients) used meanwhile, {@code compileMillis} the JIT compiler's time.
     */
    record Load(int requests, int failures, double seconds, double[] millis, Map<String, Integer> reasons, double cpuSeconds,
                long compileMillis) {
        ObjectNode json(String what) {
            ObjectNode o = JSON.createObjectNode();
            o.put("what", what);
            o.put("requests", requests);
            o.put("failures", failures);
            // steadier than requests/s on a machine shared with other work: what one request costs, clients included
            o.put("cpuMicrosPerRequest", CommandBenchmark.round(cpuSeconds * 1e6 / Math.max(1, requests)));
            o.put("jitCompileMillis", compileMillis);
            if (!reasons.isEmpty()) {
                ObjectNode r = o.putObject("failureReasons");
                reasons.forEach(r::put);
            }
            o.put("requestsPerSecond", CommandBenchmark.round(requests / seconds));
            o.put("p50Millis", CommandBenchmark.round(CommandBenchmark.percentile(millis, 50)));
            o.put("p99Millis", CommandBenchmark.round(CommandBenchmark.percentile(millis, 99)));
            return o;
        }

        double perSecond() {
            return requests / seconds;
        }

        double cpuPerRequest() {
            return cpuSeconds / Math.max(1, requests);
        }
    }

    /**
     * Warms every target up alike, round after round, until compiling has settled. On two busy cores the JIT compiler
     * still took a fifth of the CPU 30 s in, charging its work to whichever target ran first.
     *
     * @param out where the warm-up's length, rounds and last compile share are reported
     */
    static void warmUp(List<Target> targets, int clients, ObjectNode out) throws InterruptedException {
        long warm0 = System.nanoTime();
        int rounds = 0;
        double compileShare;
        do {
            long compile0 = JIT.getTotalCompilationTime();
            long round0 = System.nanoTime();
            for (Target t : targets) {
                run(t, clients, WARM_UP_ROUND);
            }
            compileShare = (JIT.getTotalCompilationTime() - compile0) / ((System.nanoTime() - round0) / 1e6);
            rounds++;
        } while (compileShare > SETTLED_COMPILE_SHARE && System.nanoTime() - warm0 < MAX_WARM_UP.toNanos());
        out.put("warmUpSeconds", Math.round((System.nanoTime() - warm0) / 1e9));
        out.put("warmUpRounds", rounds);
        out.put("warmUpLastRoundCompileShare", Math.round(compileShare * 1000) / 1000.0);
    }

    /**
     * The baseline: a Javalin route at {@code /bare} on a random port that reads the body it is sent, as any real
     * route does (an unread body makes Jetty close the connection), and answers 200 with {@code answer}; a GET of
     * {@code /bare} answers the same (the web's pages and API are GETs).
     */
    static Javalin bareRoute(String answer) {
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.post("/bare", ctx -> {
                ctx.bodyAsBytes();
                ctx.status(200).contentType("text/plain").result(answer);
            });
            c.routes.get("/bare", ctx -> ctx.status(200).contentType("text/plain").result(answer));
        }).start(0);
    }

    /**
     * One client for all threads, as a load balancer or a busy proxy would be: 32 clients would mean 32 selector
     * threads competing with the server for the same cores.
     */
    static HttpClient client() {
        // Jetty closes a connection idle for 30 s; the JDK client keeps one for 20 minutes, and with 32 threads its pool
        // holds a few spare connections that can sit idle that long through the warm-up rounds. Let the client retire
        // idle connections before Jetty does, so no request is sent on one being closed. (Read once, when the first
        // client is made.)
        System.setProperty("jdk.httpclient.keepalive.timeout", "20");
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * {@code clients} threads each sending one request after another for {@code duration}. An answer counts when it is
     * a 200 the target's check accepts; a failed request is counted with its reason and the thread carries on.
     */
    static Load run(Target target, int clients, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger next = new AtomicInteger(new Random(42).nextInt(1000));
        AtomicInteger failures = new AtomicInteger();
        Map<String, Integer> reasons = new ConcurrentHashMap<>();
        double[][] perClient = new double[clients][];
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        long cpu0 = PROCESS.getProcessCpuTime();
        long compile0 = JIT.getTotalCompilationTime();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int me = c;
            Thread t = new Thread(() -> {
                double[] times = new double[4096];
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        HttpRequest request = target.requests().apply(next.getAndIncrement());
                        long t0 = System.nanoTime();
                        String failure = send(target, request);
                        if (n == times.length) {
                            times = Arrays.copyOf(times, n * 2);
                        }
                        times[n++] = (System.nanoTime() - t0) / 1e6;
                        if (failure != null) {
                            failures.incrementAndGet();
                            reasons.merge(failure, 1, Integer::sum);
                        }
                    }
                } finally {
                    perClient[me] = times;
                    counts[me] = n;
                    done.countDown();
                }
            }, "bench-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (PROCESS.getProcessCpuTime() - cpu0) / 1e9;
        long compileMillis = JIT.getTotalCompilationTime() - compile0;
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        double[] all = new double[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        return new Load(total, failures.get(), seconds, all, new TreeMap<>(reasons), cpuSeconds, compileMillis);
    }

    /** Sends one request: null when it was answered as expected, else why not (never throws). */
    private static String send(Target target, HttpRequest request) {
        try {
            HttpResponse<String> r = target.http().send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return "HTTP " + r.statusCode();
            }
            return target.check().judge(request, r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
