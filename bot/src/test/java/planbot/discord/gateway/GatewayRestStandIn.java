package planbot.discord.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The few REST routes the gateway mode calls, answering as Discord does: {@code GET /users/@me} (JDA's login check)
 * and {@code GET /gateway/bot} with the bot token, else 401; {@code PUT /applications/{id}/commands} as the bot of
 * that application, else 403 Missing Access; {@code POST /interactions/{id}/{token}/callback} without bot auth,
 * 204. Every call is recorded.
 */
final class GatewayRestStandIn implements AutoCloseable {
    record Call(String method, String path, String authorization, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin server;
    private final String token;
    private final String applicationId;
    private final URI gatewayUrl;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private GatewayRestStandIn(String token, String applicationId, URI gatewayUrl) {
        this.token = token;
        this.applicationId = applicationId;
        this.gatewayUrl = gatewayUrl;
        this.server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/api/v10/users/@me", ctx -> asBot(ctx, () -> ctx.json(self())));
            cfg.routes.get("/api/v10/gateway/bot", ctx -> asBot(ctx, () -> ctx.json(gatewayBot())));
            cfg.routes.put("/api/v10/applications/{app}/commands", ctx -> asBot(ctx, () -> {
                if (!ctx.pathParam("app").equals(applicationId)) {
                    ctx.status(403).json(error(50001, "Missing Access"));
                } else {
                    ctx.json(JSON.readTree(ctx.body()));
                }
            }));
            cfg.routes.post("/api/v10/interactions/{id}/{token}/callback", ctx -> {
                record(ctx);
                ctx.status(204);
            });
        }).start("127.0.0.1", 0);
    }

    static GatewayRestStandIn start(String token, String applicationId, URI gatewayUrl) {
        return new GatewayRestStandIn(token, applicationId, gatewayUrl);
    }

    URI apiBaseUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/api/v10");
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> callbacks() {
        return calls.stream().filter(c -> c.path().endsWith("/callback")).collect(Collectors.toList());
    }

    @Override
    public void close() {
        server.stop();
    }

    private interface Answer {
        void run() throws Exception;
    }

    private void asBot(Context ctx, Answer answer) throws Exception {
        record(ctx);
        if (!("Bot " + token).equals(ctx.header("Authorization"))) {
            ctx.status(401).json(error(0, "401: Unauthorized"));
            return;
        }
        answer.run();
    }

    private void record(Context ctx) throws Exception {
        JsonNode body = ctx.body().isEmpty() ? null : JSON.readTree(ctx.body());
        calls.add(new Call(ctx.method().name(), ctx.path(), ctx.header("Authorization"), body));
    }

    private ObjectNode self() {
        return JSON.createObjectNode().put("id", applicationId).put("username", "planbot").put("discriminator", "0")
                .putNull("avatar").put("bot", true).put("verified", true).put("mfa_enabled", false).put("flags", 0);
    }

    private ObjectNode gatewayBot() {
        ObjectNode answer = JSON.createObjectNode().put("url", gatewayUrl.toString()).put("shards", 1);
        answer.putObject("session_start_limit").put("total", 1000).put("remaining", 999).put("reset_after", 14_400_000)
                .put("max_concurrency", 1);
        return answer;
    }

    private static ObjectNode error(int code, String message) {
        return JSON.createObjectNode().put("message", message).put("code", code);
    }
}
