package planbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import planbot.App;
import planbot.teams.TeamsPlatform;
import planbot.teams.TeamsSettings;

/**
 * {@code bench teams}: the Teams bot's inbound edge under load. Imports a generated plan into a fresh SQLite file,
 * starts the real Teams platform (JWT check against OpenID metadata and JWKS, activity parsing, tenancy, command
 * service, Adaptive Cards, Connector client) on a random port against a small in-process stand-in for the Bot
 * Connector (its OpenID metadata and key, a token endpoint, and a sink for the replies posted to conversations),
 * then has many clients chat with it for a fixed time: each sends a signed {@code status <ref>} message activity and,
 * when planbot has answered the HTTP request and its reply card has reached the stand-in, the next one — a closed loop,
 * as people chatting are (an open loop would only measure how fast planbot can queue work it cannot keep up with).
 * In the same run the same clients send the same requests to a bare Javalin route (which posts no reply). Reports the
 * round trip's p50/p99 (the reply posted), the HTTP answer's p50/p99, throughput against the bare route and CPU per
 * request.
 *
 * <p>As Teams does, one bearer token (valid an hour) is sent with every activity: verifying it is planbot's cost per
 * request, signing it is not the client's. Each activity has its own id, so none is taken for a redelivery. Replies
 * are matched to their requests by {@code replyToId}; one that does not come within 10 s is a failure.
 */
public final class TeamsBenchmark {
    /** Targets: the HTTP answer's p99 within 50 ms, the reply posted within 200 ms p99, half the bare route's throughput. */
    static final double TARGET_P99_MILLIS = 50;
    static final double TARGET_REPLY_P99_MILLIS = 200;
    static final double TARGET_THROUGHPUT_RATIO = 0.5;
    private static final String APP_ID = "0b0e0c0a-0000-4000-8000-00000000bec0";
    private static final String TENANT = "7e7a0000-0000-4000-8000-000000000001";
    private static final String ISSUER = "https://api.botframework.com";
    /** Conversations the activities come from: people chatting with the bot, each in their own personal chat. */
    private static final int CONVERSATIONS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Request id → its reply's arrival, completed by the stand-in connector when the reply card comes in. */
    private final Map<String, CompletableFuture<Long>> replies = new ConcurrentHashMap<>();
    /** Request id → when its request was built, just before it was sent. */
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    /** Milliseconds from sending to the HTTP answer, for the measured run; null outside it. */
    private volatile List<Double> answerMillis;
    private final AtomicLong ids = new AtomicLong();

    public ObjectNode run(int tasks, int clients, Duration duration) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-key").generate();
        Javalin connector = standIn(key);
        Javalin bare = HttpLoad.bareRoute("");
        try (BenchPlan plan = BenchPlan.open("teams", tasks)) {
            ObjectNode out = plan.report("teams", tasks, clients, duration);
            App app = plan.app;
            String base = "http://127.0.0.1:" + connector.port();
            String serviceUrl = base + "/amer/" + TENANT + "/";
            TeamsSettings settings = new TeamsSettings(APP_ID, "bench-app-password", Optional.empty(),
                    URI.create(base + "/v1/.well-known/openidconfiguration"),
                    URI.create(base + "/botframework.com/oauth2/v2.0/token"), Optional.empty());
            app.startPlatforms(List.of(new TeamsPlatform(settings, app.platformServices(), app.database())), 0);
            String bearer = "Bearer " + token(key, plan.clock, serviceUrl);
            URI messages = URI.create("http://127.0.0.1:" + app.httpPort() + "/api/messages");
            URI bareUri = URI.create("http://127.0.0.1:" + bare.port() + "/bare");
            IntFunction<HttpRequest> status = n -> status(messages, bearer, serviceUrl, plan.ref(n), n);
            IntFunction<HttpRequest> bareRoute = n -> status(bareUri, bearer, serviceUrl, plan.ref(n), n);
            HttpLoad.Target edgeTarget = new HttpLoad.Target(HttpLoad.client(), status, this::awaitReply);
            HttpLoad.Target bareTarget = new HttpLoad.Target(HttpLoad.client(), bareRoute, HttpLoad.Check.OK);
            HttpLoad.warmUp(List.of(edgeTarget, bareTarget), clients, out);
            List<Double> answers = java.util.Collections.synchronizedList(new ArrayList<>());
            answerMillis = answers;
            HttpLoad.Load edge = HttpLoad.run(edgeTarget, clients, duration);
            answerMillis = null;
            HttpLoad.Load baseline = HttpLoad.run(bareTarget, clients, duration);
            replies.clear();
            sentAt.clear();
            double[] answerTimes;
            synchronized (answers) {
                answerTimes = answers.stream().mapToDouble(Double::doubleValue).toArray();
            }
            out.set("teams", edge.json("a person's round trip: signed POST /api/messages with a 'status <ref>' message activity"
                    + " in a personal chat, answered at once (HTTP 200), then the reply card posted to the stand-in Bot"
                    + " Connector; each client sends its next message when the reply to the last has come"));
            ObjectNode answered = out.putObject("httpAnswer");
            answered.put("what", "from sending the activity to planbot's HTTP 200");
            answered.put("p50Millis", CommandBenchmark.round(CommandBenchmark.percentile(answerTimes, 50)));
            answered.put("p99Millis", CommandBenchmark.round(CommandBenchmark.percentile(answerTimes, 99)));
            out.set("bareRoute", baseline.json("the same signed POSTs to a Javalin route reading the body and answering 200, "
                    + "same machine, same client code"));
            double ratio = edge.perSecond() / baseline.perSecond();
            out.put("throughputOverBareRoute", Math.round(ratio * 1000) / 1000.0);
            out.put("cpuPerRequestBareOverTeams", Math.round(baseline.cpuPerRequest() / edge.cpuPerRequest() * 1000) / 1000.0);
            ObjectNode targets = out.putObject("targets");
            targets.put("p99Millis", TARGET_P99_MILLIS);
            targets.put("replyP99Millis", TARGET_REPLY_P99_MILLIS);
            targets.put("throughputOverBareRoute", TARGET_THROUGHPUT_RATIO);
            out.put("targetsMet", edge.failures() == 0
                    && CommandBenchmark.percentile(answerTimes, 99) <= TARGET_P99_MILLIS
                    && CommandBenchmark.percentile(edge.millis(), 99) <= TARGET_REPLY_P99_MILLIS
                    && ratio >= TARGET_THROUGHPUT_RATIO);
            return out;
        } finally {
            bare.stop();
            connector.stop();
        }
    }

    /**
     * The edge's check, on the client thread after planbot's HTTP answer: notes how long the answer took, then waits for
     * the reply card (10 s at most), so that the client's next message follows the reply to its last, as a person's does.
     */
    private String awaitReply(HttpRequest request, java.net.http.HttpResponse<String> response) {
        long answered = System.nanoTime();
        String id = request.headers().firstValue("X-Bench-Id").orElse("");
        Long sent = sentAt.remove(id);
        List<Double> times = answerMillis;
        if (sent != null && times != null) {
            times.add((answered - sent) / 1e6);
        }
        CompletableFuture<Long> reply = replies.computeIfAbsent(id, k -> new CompletableFuture<>());
        try {
            reply.get(10, java.util.concurrent.TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.TimeoutException e) {
            return "no reply card within 10 s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (java.util.concurrent.ExecutionException e) {
            return "reply failed";
        } finally {
            replies.remove(id);
        }
    }

    /**
     * Just enough of the Bot Connector: the OpenID metadata and its key (endorsed for msteams), a token endpoint for
     * the bot's client credentials, and a sink for replies that times each against its request.
     */
    private Javalin standIn(RSAKey key) {
        String jwks = "{\"keys\":[" + key.toPublicJWK().toJSONString().replaceFirst("\\}$", ",\"endorsements\":[\"msteams\"]}") + "]}";
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get("/v1/.well-known/openidconfiguration", ctx -> ctx.contentType("application/json")
                    .result("{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"http://127.0.0.1:" + ctx.port() + "/v1/.well-known/keys\","
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            c.routes.get("/v1/.well-known/keys", ctx -> ctx.contentType("application/json").result(jwks));
            c.routes.post("/botframework.com/oauth2/v2.0/token", ctx -> ctx.contentType("application/json")
                    .result("{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"bench-access-token\"}"));
            c.routes.post("/amer/{tenant}/v3/conversations/{conversation}/activities", ctx -> {
                long now = System.nanoTime();
                JsonNode reply = JSON.readTree(ctx.bodyAsBytes());
                replies.computeIfAbsent(reply.path("replyToId").asText(""), k -> new CompletableFuture<>()).complete(now);
                ctx.contentType("application/json").result("{\"id\":\"r" + now + "\"}");
            });
        }).start(0);
    }

    /** The bearer token the Bot Connector would send: issuer, audience, the service URL, an hour's validity. */
    private static String token(RSAKey key, Clock clock, String serviceUrl) throws JOSEException {
        java.time.Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(APP_ID)
                .notBeforeTime(Date.from(now.minusSeconds(60))).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).claim("serviceurl", serviceUrl).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** A {@code status <ref>} message activity as Teams sends it from a personal chat, with an id of its own. */
    private HttpRequest status(URI target, String bearer, String serviceUrl, String ref, int n) {
        String id = "bench-" + ids.incrementAndGet();
        ObjectNode a = JSON.createObjectNode();
        a.put("type", "message").put("id", id).put("channelId", "msteams").put("serviceUrl", serviceUrl)
                .put("timestamp", "2025-01-15T09:00:00.000Z").put("text", "status " + ref);
        a.putObject("from").put("id", "29:bench-user-" + n % CONVERSATIONS).put("aadObjectId",
                String.format("00000000-0000-4000-8000-%012d", n % CONVERSATIONS)).put("name", "Bench " + n % CONVERSATIONS);
        a.putObject("recipient").put("id", "28:" + APP_ID).put("name", "planbot");
        a.putObject("conversation").put("id", "a:bench-chat-" + n % CONVERSATIONS).put("conversationType", "personal")
                .put("tenantId", TENANT);
        a.putObject("channelData").putObject("tenant").put("id", TENANT);
        sentAt.put(id, System.nanoTime());
        return HttpRequest.newBuilder(target)
                .header("X-Bench-Id", id)
                .timeout(HttpLoad.REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(a.toString())).build();
    }
}
