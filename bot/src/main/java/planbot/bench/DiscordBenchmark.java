package planbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import planbot.App;
import planbot.discord.DiscordPlatform;
import planbot.discord.DiscordSettings;
import planbot.discord.delivery.DiscordMessenger;
import planbot.domain.Source;

/**
 * {@code bench discord}: Discord's HTTP interactions edge under load. Imports a generated plan into a fresh SQLite
 * file, starts the real Discord platform in HTTP-interactions mode (Ed25519 check, interaction parsing, tenancy, command
 * service, embeds) on a random port against a small in-process stand-in for Discord's REST API ({@code GET /users/@me},
 * the command registration, and a sink for interaction callbacks and edits of a deferred answer), then fires signed
 * {@code /plan status ref:<ref>} interactions from many client threads for a fixed time. In the same run the same
 * clients send the same signed requests to a bare Javalin route. Reports the HTTP answer's p50/p99, throughput against
 * the bare route and CPU per request, as {@code bench slack} does (see {@link SlackBenchmark} for why the comparison is
 * fair).
 *
 * <p>The key pair is made for the run: the platform is given its public key, as Discord's portal shows it, and each
 * request is signed over timestamp + body with the private key, as Discord does. Each interaction has its own id, so
 * none is taken for a redelivery. An answer counts when it is the embed for the ref asked for, or a deferral whose edit
 * the stand-in then receives.
 */
public final class DiscordBenchmark {
    /** Targets, as for Slack: p99 of a signed interaction within 50 ms, at least half the bare route's throughput. */
    static final double TARGET_P99_MILLIS = 50;
    static final double TARGET_THROUGHPUT_RATIO = 0.5;
    /** Where the platform takes HTTP interactions (the Interactions Endpoint URL's path). */
    private static final String INTERACTIONS_PATH = "/discord/interactions";
    private static final String APPLICATION_ID = "1100000000000000001";
    private static final String GUILD = "1100000000000000002";
    private static final String CHANNEL = "1100000000000000003";
    private static final String TOKEN = "bench-bot-token";
    /** People using the command: guests of the bound server, as a first morning would see. */
    private static final int USERS = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong callbacks = new AtomicLong();
    private final AtomicLong edits = new AtomicLong();

    public ObjectNode run(int tasks, int clients, Duration duration) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Javalin discord = standIn();
        Javalin bare = HttpLoad.bareRoute("{\"type\":1}");
        try (BenchPlan plan = BenchPlan.open("discord", tasks)) {
            ObjectNode out = plan.report("discord", tasks, clients, duration);
            App app = plan.app;
            Clock clock = plan.clock;
            app.admin().bindWorkspace("bench", DiscordMessenger.PLATFORM, "", GUILD, "bench", Source.CLI);
            DiscordSettings settings = new DiscordSettings(Optional.empty(), Optional.of(publicKeyHex(keys)),
                    APPLICATION_ID, URI.create("http://127.0.0.1:" + discord.port() + "/api/v10"));
            app.startPlatforms(List.of(new DiscordPlatform(settings, app.platformServices(), app.database())), 0);
            URI interactions = URI.create("http://127.0.0.1:" + app.httpPort() + INTERACTIONS_PATH);
            URI bareUri = URI.create("http://127.0.0.1:" + bare.port() + "/bare");
            PrivateKey signer = keys.getPrivate();
            IntFunction<HttpRequest> status = n -> signedStatus(interactions, plan.ref(n), n, signer, clock);
            IntFunction<HttpRequest> bareRoute = n -> signedStatus(bareUri, plan.ref(n), n, signer, clock);
            HttpLoad.Check answered = (request, response) -> judge(request, response.body());
            HttpLoad.Target edgeTarget = new HttpLoad.Target(HttpLoad.client(), status, answered);
            HttpLoad.Target bareTarget = new HttpLoad.Target(HttpLoad.client(), bareRoute, HttpLoad.Check.OK);
            HttpLoad.warmUp(List.of(edgeTarget, bareTarget), clients, out);
            HttpLoad.Load edge = HttpLoad.run(edgeTarget, clients, duration);
            HttpLoad.Load baseline = HttpLoad.run(bareTarget, clients, duration);
            out.set("discord", edge.json("signed POST " + INTERACTIONS_PATH + " '/plan status ref:<ref>',"
                    + " answered in the HTTP response with the embed (or deferred and edited)"));
            out.set("bareRoute", baseline.json("the same signed POSTs to a Javalin route reading the body and answering"
                    + " {\"type\":1}, same machine, same client code"));
            double ratio = edge.perSecond() / baseline.perSecond();
            out.put("throughputOverBareRoute", Math.round(ratio * 1000) / 1000.0);
            out.put("cpuPerRequestBareOverDiscord", Math.round(baseline.cpuPerRequest() / edge.cpuPerRequest() * 1000) / 1000.0);
            out.put("callbacksAndEditsAtTheStandIn", callbacks.get() + edits.get());
            ObjectNode targets = out.putObject("targets");
            targets.put("p99Millis", TARGET_P99_MILLIS);
            targets.put("throughputOverBareRoute", TARGET_THROUGHPUT_RATIO);
            out.put("targetsMet", edge.failures() == 0
                    && CommandBenchmark.percentile(edge.millis(), 99) <= TARGET_P99_MILLIS && ratio >= TARGET_THROUGHPUT_RATIO);
            return out;
        } finally {
            bare.stop();
            discord.stop();
        }
    }

    /** Null when the answer is the embed for the ref asked for (type 4) or a deferral (type 5), else why not. */
    private static String judge(HttpRequest request, String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (java.io.IOException e) {
            return "an answer that is not JSON";
        }
        int type = answer.path("type").asInt();
        if (type == 5) {
            return null;
        }
        String ref = request.headers().firstValue("X-Bench-Ref").orElse("");
        return type == 4 && answer.path("data").toString().contains(ref) ? null : "an answer without the embed asked for";
    }

    /**
     * Just enough of Discord's REST API: who the bot is, the command registration, and a sink for interaction
     * callbacks, follow-ups and edits of the original answer.
     */
    private Javalin standIn() {
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get("/api/v10/users/@me", ctx -> ctx.contentType("application/json")
                    .result("{\"id\":\"" + APPLICATION_ID + "\",\"username\":\"planbot\",\"bot\":true}"));
            c.routes.put("/api/v10/applications/{app}/commands", ctx -> ctx.contentType("application/json")
                    .result(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8)));
            c.routes.post("/api/v10/interactions/{id}/{token}/callback", ctx -> {
                ctx.bodyAsBytes();
                callbacks.incrementAndGet();
                ctx.status(204);
            });
            c.routes.patch("/api/v10/webhooks/{app}/{token}/messages/@original", ctx -> {
                ctx.bodyAsBytes();
                edits.incrementAndGet();
                ctx.contentType("application/json").result("{\"id\":\"1\"}");
            });
            c.routes.post("/api/v10/webhooks/{app}/{token}", ctx -> {
                ctx.bodyAsBytes();
                edits.incrementAndGet();
                ctx.contentType("application/json").result("{\"id\":\"1\"}");
            });
        }).start(0);
    }

    /** The application's public key as Discord's portal shows it: the raw 32 bytes in hex. */
    private static String publicKeyHex(KeyPair keys) {
        byte[] x509 = keys.getPublic().getEncoded();
        return HexFormat.of().formatHex(x509, x509.length - 32, x509.length);
    }

    /**
     * A {@code /plan status ref:<ref>} interaction as Discord sends it from a server channel, signed over timestamp +
     * body; {@code X-Bench-Ref} names the ref for the check.
     */
    private HttpRequest signedStatus(URI target, String ref, int n, PrivateKey key, Clock clock) {
        ObjectNode i = JSON.createObjectNode();
        long id = 1_200_000_000_000_000_000L + ids.incrementAndGet();
        i.put("id", String.valueOf(id)).put("application_id", APPLICATION_ID).put("type", 2)
                .put("token", "bench-interaction-token-" + id).put("version", 1).put("guild_id", GUILD)
                .put("channel_id", CHANNEL).put("locale", "en-GB");
        ObjectNode user = i.putObject("member").put("permissions", "0").putObject("user");
        user.put("id", String.valueOf(1_300_000_000_000_000_000L + n % USERS)).put("username", "bench" + n % USERS)
                .put("global_name", "Bench " + n % USERS);
        ObjectNode data = i.putObject("data").put("id", "1100000000000000009").put("name", "plan").put("type", 1);
        ObjectNode sub = data.putArray("options").addObject().put("name", "status").put("type", 1);
        sub.putArray("options").addObject().put("name", "ref").put("type", 3).put("value", ref);
        byte[] body = i.toString().getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return HttpRequest.newBuilder(target)
                .timeout(HttpLoad.REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Signature-Ed25519", sign(key, timestamp, body))
                .header("X-Signature-Timestamp", timestamp)
                .header("X-Bench-Ref", ref)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static String sign(PrivateKey key, String timestamp, byte[] body) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(timestamp.getBytes(StandardCharsets.UTF_8));
            s.update(body);
            return HexFormat.of().formatHex(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of Java 17", e);
        }
    }
}
