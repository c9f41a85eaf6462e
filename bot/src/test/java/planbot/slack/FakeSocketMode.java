package planbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Slack's side of Socket Mode, for tests: {@code auth.test} (bot token only), {@code apps.connections.open} (app
 * token only, answering a WebSocket URL on this server), and that WebSocket, which says {@code hello}, sends the
 * envelopes a test asks for and records the acks, with when they came. {@link planbot.slack.fake.FakeSlack}
 * accepts one token; Socket Mode needs two on one API base URL, hence this small fake of its own.
 */
final class FakeSocketMode implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String botToken;
    private final String appToken;
    private final Javalin server;
    private final List<WsContext> sockets = new CopyOnWriteArrayList<>();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    /** Each ack received: the envelope id, its payload, and the ms since the envelope was sent. */
    final List<Ack> acks = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();

    record Ack(String envelopeId, JsonNode payload, long millis) {
    }

    FakeSocketMode(String botToken, String appToken) {
        this.botToken = botToken;
        this.appToken = appToken;
        this.server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.post("/api/auth.test", ctx -> answer(ctx, botToken, "auth.test",
                    "{\"ok\":true,\"url\":\"https://fake.slack.com/\",\"team\":\"Fake\",\"user\":\"planbot\",\"team_id\":\""
                            + SlackFixture.TEAM + "\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}"));
            c.routes.post("/api/apps.connections.open", ctx -> answer(ctx, appToken, "apps.connections.open",
                    "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + port() + "/link\"}"));
            c.routes.ws("/link", ws -> {
                ws.onConnect(ctx -> {
                    sockets.add(ctx);
                    ctx.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
                            + "\"connection_info\":{\"app_id\":\"A1\"}}");
                });
                ws.onMessage(ctx -> {
                    JsonNode m = JSON.readTree(ctx.message());
                    String id = m.path("envelope_id").asText();
                    Long at = sentAt.get(id);
                    acks.add(new Ack(id, m.path("payload"), at == null ? -1 : (System.nanoTime() - at) / 1_000_000));
                });
                ws.onClose(ctx -> sockets.remove(ctx));
            });
        }).start(0);
    }

    private void answer(Context ctx, String token, String method, String ok) {
        if ("auth.test".equals(method) && ("Bearer " + appToken).equals(ctx.header("Authorization"))) {
            // the SDK asks who an app-level token belongs to (for its rate-limit metrics); Slack does not say
            ctx.contentType("application/json").result("{\"ok\":false,\"error\":\"not_allowed_token_type\"}");
            return;
        }
        if (!("Bearer " + token).equals(ctx.header("Authorization"))) {
            refused.add(method);
            ctx.contentType("application/json").result("{\"ok\":false,\"error\":\"invalid_auth\"}");
            return;
        }
        ctx.contentType("application/json").result(ok);
    }

    int port() {
        return server.port();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + port() + "/api/";
    }

    boolean connected() {
        return !sockets.isEmpty();
    }

    /** Sends a slash command envelope to the connected app; returns its envelope id. */
    String slashCommand(Map<String, String> fields) {
        ObjectNode envelope = JSON.createObjectNode();
        String id = "env-" + (sentAt.size() + 1);
        envelope.put("envelope_id", id);
        envelope.put("type", "slash_commands");
        envelope.put("accepts_response_payload", true);
        ObjectNode payload = envelope.putObject("payload");
        fields.forEach(payload::put);
        List<WsContext> open = new ArrayList<>(sockets);
        sentAt.put(id, System.nanoTime());
        open.get(0).send(envelope.toString());
        return id;
    }

    @Override
    public void close() {
        server.stop();
    }
}
