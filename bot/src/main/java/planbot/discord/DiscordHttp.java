package planbot.discord;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.discord.interact.Interactions;
import planbot.reply.Failure;

/**
 * Discord's HTTP interactions endpoint, {@code POST /discord/interactions}, mounted on the app's server by
 * {@link DiscordPlatform} when {@code DISCORD_PUBLIC_KEY} is set.
 *
 * <p>Each request goes: size cap (413) → the Ed25519 signature ({@code X-Signature-Ed25519}) over
 * {@code X-Signature-Timestamp} + the raw body verified before anything parses it (401 and no effect: Discord probes
 * with bad signatures and removes endpoints that accept them) → the body read strictly as JSON (400) → a PING answered
 * {@code {"type":1}} → anything else handed to {@link Interactions#handle}, whose initial response (the answer, or a
 * deferral after {@link Interactions#FAST_PATH}) is this request's body. Never a 5xx: should the handler not answer in
 * time, a short "something went wrong" message is.
 *
 * <p>Thread-safe: Jetty calls {@link #interactions} on many threads at once; each waits at most about 3 s.
 */
final class DiscordHttp {
    static final String PATH = "/discord/interactions";
    private static final Logger LOG = LoggerFactory.getLogger(DiscordHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** How long the request waits for the handler's initial response: it answers within 2.5 s. */
    private static final long WAIT_MS = 2900;

    private final DiscordSignature signature;
    private final Interactions handler;

    DiscordHttp(DiscordSignature signature, Interactions handler) {
        this.signature = Objects.requireNonNull(signature, "signature");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    void interactions(Context ctx) {
        if (planbot.http.AppServer.refusedAsTooLarge(ctx)) {
            return;
        }
        String sig = ctx.header("X-Signature-Ed25519");
        String timestamp = ctx.header("X-Signature-Timestamp");
        byte[] body = ctx.bodyAsBytes();
        if (sig == null || timestamp == null || !signature.verify(sig, timestamp, body)) {
            LOG.warn("rejected a Discord interaction: {}", sig == null || timestamp == null ? "no signature" : "bad signature");
            ctx.status(401).result("invalid request signature");
            return;
        }
        JsonNode interaction;
        try {
            interaction = JSON.readTree(body);
        } catch (IOException e) {
            LOG.warn("refused a Discord interaction: not JSON");
            ctx.status(400).result("");
            return;
        }
        if (interaction == null || !interaction.isObject()) {
            ctx.status(400).result("");
            return;
        }
        ObjectNode response;
        if (interaction.path("type").asInt() == 1) {
            response = JsonNodeFactory.instance.objectNode().put("type", 1);
        } else {
            CompletableFuture<ObjectNode> initial = new CompletableFuture<>();
            handler.handle(interaction, initial::complete);
            response = await(initial);
        }
        ctx.status(200).contentType("application/json").result(response.toString());
    }

    private static ObjectNode await(CompletableFuture<ObjectNode> initial) {
        try {
            return initial.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.error("the Discord interaction handler gave no initial response in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ObjectNode response = JsonNodeFactory.instance.objectNode().put("type", 4);
        ObjectNode data = response.putObject("data").put("content", Failure.GENERIC).put("flags", 64);
        data.putObject("allowed_mentions").putArray("parse");
        return response;
    }
}
