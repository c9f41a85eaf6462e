package planbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A local Discord gateway for tests: a WebSocket server on a random loopback port that speaks enough of gateway v10
 * (JSON encoding, no compression) for real JDA to connect, identify, heartbeat and receive dispatches.
 *
 * <p>What it does, as Discord does: HELLO (op 10, {@code heartbeat_interval}) on connect; a HEARTBEAT (op 1) is
 * answered with a HEARTBEAT_ACK (op 11); IDENTIFY (op 2) with the expected token and no privileged intent gets the
 * READY dispatch (op 0, {@code t} READY, {@code s}, {@code d} with {@code v}, {@code user}, {@code guilds},
 * {@code session_id}, {@code resume_gateway_url}, {@code application}); RESUME (op 6) of a session it issued, with
 * the token, gets the RESUMED dispatch and the session's sequence goes on (any other RESUME gets INVALID_SESSION,
 * op 9 {@code false}, so the client identifies again); {@link #requestReconnect()} sends RECONNECT (op 7).
 *
 * <p>What it refuses, closing with Discord's codes: a URL without {@code v=10} (4012) or {@code encoding=json} (4002),
 * compression asked for (4002: the fake speaks no zlib), a payload that is not JSON (4002), anything but a
 * heartbeat or RESUME before IDENTIFY (4003), a second IDENTIFY (4005), a wrong token (4004), privileged intents the
 * application is not allowed (4014), an unknown op (4001). The READY's user is {@link FakeDiscord}'s bot.
 *
 * <p>What it records: every IDENTIFY's {@code d} ({@link #identifies()}), connections and closes. Tests send events
 * with {@link #dispatch}. Thread-safe; each connection's frames are sent one at a time.
 */
public final class FakeGateway implements AutoCloseable {
    /** GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT: the intents Discord calls privileged. */
    public static final int PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Javalin server;
    private final String token;
    private final String applicationId;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    /** Sequence numbers by session id: a resumed session goes on counting. */
    private final Map<String, AtomicInteger> issued = new ConcurrentHashMap<>();
    private final AtomicInteger resumes = new AtomicInteger();
    private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private volatile int heartbeatIntervalMillis = 41_250;
    private volatile int allowedPrivilegedIntents;

    private FakeGateway(String token, String applicationId) {
        this.token = Objects.requireNonNull(token, "token");
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.ws("/", ws -> {
                ws.onConnect(ctx -> connected(ctx));
                ws.onMessage(ctx -> received(ctx, ctx.message()));
                ws.onBinaryMessage(ctx -> close(ctx, 4002, "Decode error"));
                ws.onClose(ctx -> {
                    connections.remove(ctx.sessionId());
                    closeCodes.add(ctx.status());
                });
            });
        }).start("127.0.0.1", 0);
    }

    /** A gateway that accepts {@code token} (as sent in IDENTIFY, without "Bot ") for application {@code applicationId}. */
    public static FakeGateway start(String token, String applicationId) {
        return new FakeGateway(token, applicationId);
    }

    /** The address GET /gateway/bot gives out, as Discord's: {@code ws://127.0.0.1:PORT}, no path, no query. */
    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.port());
    }

    /** How often clients are told to heartbeat (Discord says about 41 s); shorter makes heartbeats show in a test. */
    public FakeGateway heartbeatInterval(Duration interval) {
        this.heartbeatIntervalMillis = Math.toIntExact(interval.toMillis());
        return this;
    }

    /** Privileged intents the application has switched on in the portal (none by default). */
    public FakeGateway allowPrivilegedIntents(int intents) {
        this.allowedPrivilegedIntents = intents & PRIVILEGED_INTENTS;
        return this;
    }

    /** Every IDENTIFY's {@code d} as sent, in order, the accepted and the refused. */
    public List<JsonNode> identifies() {
        return List.copyOf(identifies);
    }

    /** Connections made so far, however they ended. */
    public int connectionsOpened() {
        return opened.get();
    }

    /** Connections open now that have been sent READY. */
    public int sessions() {
        return (int) connections.values().stream().filter(c -> c.ready).count();
    }

    /** The close codes of the connections that ended, in order (as the server saw them, whoever closed). */
    public List<Integer> closeCodes() {
        return List.copyOf(closeCodes);
    }

    /** Sessions resumed (RESUME accepted) so far. */
    public int resumes() {
        return resumes.get();
    }

    /** Asks every ready session to reconnect (op 7), as Discord does before it moves a session. */
    public void requestReconnect() {
        for (Connection c : connections.values()) {
            if (c.ready) {
                c.send(JSON.createObjectNode().put("op", 7).putNull("s").putNull("t").putNull("d"));
            }
        }
    }

    /** Heartbeats received over all connections. */
    public int heartbeats() {
        return heartbeats.get();
    }

    /**
     * Sends a dispatch (op 0) with the next sequence number to every session that got READY.
     *
     * @return how many sessions it was sent to
     */
    public int dispatch(String type, JsonNode data) {
        int sent = 0;
        for (Connection c : connections.values()) {
            if (c.ready) {
                c.send(dispatchFrame(c, type, data));
                sent++;
            }
        }
        return sent;
    }

    /** Waits until {@code condition} holds, polling; false when {@code timeout} passes first. */
    public static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        server.stop();
    }

    private void connected(WsContext ctx) {
        opened.incrementAndGet();
        ctx.session.setIdleTimeout(Duration.ofMinutes(5));
        Connection c = new Connection(ctx);
        connections.put(ctx.sessionId(), c);
        if (!"10".equals(ctx.queryParam("v"))) {
            close(ctx, 4012, "Invalid API version");
        } else if (!"json".equals(ctx.queryParam("encoding"))) {
            close(ctx, 4002, "Decode error");
        } else if (ctx.queryParam("compress") != null) {
            close(ctx, 4002, "Decode error: this fake speaks no compression");
        } else {
            ObjectNode hello = JSON.createObjectNode().put("op", 10).putNull("s").putNull("t");
            hello.putObject("d").put("heartbeat_interval", heartbeatIntervalMillis);
            c.send(hello);
        }
    }

    private void received(WsContext ctx, String text) {
        Connection c = connections.get(ctx.sessionId());
        if (c == null) {
            return;
        }
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (Exception e) {
            close(ctx, 4002, "Decode error");
            return;
        }
        int op = frame.path("op").asInt(-1);
        if (op == 1) {
            heartbeats.incrementAndGet();
            c.send(JSON.createObjectNode().put("op", 11).putNull("s").putNull("t").putNull("d"));
        } else if (op == 2) {
            identify(c, frame.path("d"));
        } else if (op == 6) {
            resume(c, frame.path("d"));
        } else if (!c.ready) {
            close(ctx, 4003, "Not authenticated");
        } else if (op == 3 || op == 4 || op == 8) {
            // presence, voice state, request guild members: accepted, nothing to answer here
        } else {
            close(ctx, 4001, "Unknown opcode");
        }
    }

    private void identify(Connection c, JsonNode d) {
        identifies.add(d.deepCopy());
        if (c.ready) {
            close(c.ctx, 4005, "Already authenticated");
            return;
        }
        if (!token.equals(d.path("token").asText(null))) {
            close(c.ctx, 4004, "Authentication failed");
            return;
        }
        JsonNode intents = d.path("intents");
        if (!intents.isInt() || intents.asInt() < 0) {
            close(c.ctx, 4013, "Invalid intent(s)");
            return;
        }
        if ((intents.asInt() & PRIVILEGED_INTENTS & ~allowedPrivilegedIntents) != 0) {
            close(c.ctx, 4014, "Disallowed intent(s)");
            return;
        }
        ObjectNode ready = JSON.createObjectNode();
        ready.put("v", 10);
        ready.putObject("user").put("id", FakeDiscord.BOT_USER_ID).put("username", FakeDiscord.BOT_NAME).put("discriminator", "0")
                .putNull("avatar").put("bot", true).put("verified", true).put("mfa_enabled", false)
                .putNull("global_name");
        ready.putArray("guilds");
        ready.putArray("private_channels");
        String sessionId = UUID.randomUUID().toString().replace("-", "");
        ready.put("session_id", sessionId);
        ready.put("resume_gateway_url", url().toString());
        ready.putObject("application").put("id", applicationId).put("flags", 0);
        c.sequence = new AtomicInteger();
        issued.put(sessionId, c.sequence);
        c.ready = true;
        c.send(dispatchFrame(c, "READY", ready));
    }

    private void resume(Connection c, JsonNode d) {
        AtomicInteger sequence = issued.get(d.path("session_id").asText(""));
        if (c.ready || sequence == null || !token.equals(d.path("token").asText(null))) {
            c.send(JSON.createObjectNode().put("op", 9).putNull("s").putNull("t").put("d", false));
            return;
        }
        c.sequence = sequence;
        c.ready = true;
        resumes.incrementAndGet();
        c.send(dispatchFrame(c, "RESUMED", JSON.createObjectNode()));
    }

    private ObjectNode dispatchFrame(Connection c, String type, JsonNode data) {
        ObjectNode frame = JSON.createObjectNode().put("op", 0).put("t", type).put("s", c.sequence.incrementAndGet());
        frame.set("d", data);
        return frame;
    }

    private void close(WsContext ctx, int code, String reason) {
        connections.remove(ctx.sessionId());
        ctx.closeSession(code, reason);
    }

    private static final class Connection {
        final WsContext ctx;
        volatile AtomicInteger sequence;
        volatile boolean ready;

        Connection(WsContext ctx) {
            this.ctx = ctx;
        }

        synchronized void send(JsonNode frame) {
            ctx.send(frame.toString());
        }
    }
}
