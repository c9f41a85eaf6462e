package planbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge for Slack: a Javalin server with {@code POST /slack/events} (slash commands, interactions and
 * Events API requests, all on one URL) and {@code GET /health}.
 *
 * <p>Each request goes: size cap (413, before anything is read into memory beyond the cap) → our
 * {@link SlackSignature} check on the raw bytes (401 with no effect; the log says only "rejected: …" with the
 * reason) → {@link SlackInbound} reads the body into a Bolt request, or refuses a body Slack would not send (400 or
 * 415 with no effect, logged once at WARN with a short reason and no stack trace: Slack retries a 5xx, and turns
 * off event subscriptions that keep failing) → Bolt's {@link App#run}, whose {@link Response} is written back as it
 * is, the way Bolt's servlet adapter does. Bolt answers {@code url_verification} by echoing the challenge.
 *
 * <p>Nothing listens until {@link #start()}; {@link #close()} stops the server (requests in flight finish).
 * Thread-safe: Jetty calls the handler on many threads at once.
 */
public final class SlackHttp implements AutoCloseable {
    /** The largest body accepted: Slack's payloads are a few KB; anything bigger is not from Slack. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final String EVENTS_PATH = "/slack/events";
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttp.class);

    private final App bolt;
    private final SlackSignature signature;
    private final SlackInbound inbound;
    private final int port;
    private Javalin server;

    /**
     * @param bolt      the Bolt app with its handlers registered
     * @param signature the check every request must pass first
     * @param port      where to listen; 0 picks a free port ({@link #port()} tells which)
     */
    public SlackHttp(App bolt, SlackSignature signature, int port) {
        this.bolt = Objects.requireNonNull(bolt, "bolt");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.inbound = new SlackInbound(bolt.config());
        this.port = port;
    }

    /**
     * Starts Bolt (which checks the bot token with {@code auth.test}) and then the server.
     *
     * @throws IllegalArgumentException when Slack refuses the bot token
     * @throws IllegalStateException    when the port cannot be bound
     */
    public SlackHttp start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        bolt.start();
        server = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.compressionStrategy = uncompressed();
            config.startup.showJavalinBanner = false;
            config.routes.post(EVENTS_PATH, this::events);
            config.routes.get("/health", ctx -> ctx.contentType("text/plain").result("ok"));
        });
        try {
            server.start(port);
        } catch (RuntimeException e) {
            server = null;
            throw new IllegalStateException("cannot listen on " + SlackSettings.HTTP_PORT + " " + port + " (" + e.getMessage() + ")", e);
        }
        return this;
    }

    /**
     * No compression, and no per-response check of the content type against Javalin's list of types never to
     * compress (which Javalin makes even when it has no compressor): acks are a few KB, due within 3 s, and cost
     * more CPU to compress than they save on the wire. That check was 4% of a /plan request's CPU.
     */
    private static CompressionStrategy uncompressed() {
        CompressionStrategy none = new CompressionStrategy();
        none.setExcludedMimeTypes(List.of());
        return none;
    }

    /** The port the server listens on. */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.port();
    }

    private void events(Context ctx) {
        // A declared length over the cap is refused before reading; a chunked body is cut off by Javalin at the cap.
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            ctx.status(413).contentType("text/plain").result("request too large");
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        SlackSignature.Verdict verdict = signature.verify(ctx.header("X-Slack-Request-Timestamp"),
                ctx.header("X-Slack-Signature"), body);
        if (verdict != SlackSignature.Verdict.VALID) {
            LOG.warn("rejected: {}", verdict.reason());
            ctx.status(401).contentType("text/plain").result("invalid request signature");
            return;
        }
        SlackInbound.Read read = inbound.read(ctx.header("Content-Type"), body, ctx.path(), ctx.queryParamMap(),
                new RequestHeaders(headers(ctx)), ctx.ip());
        if (read instanceof SlackInbound.Malformed) {
            SlackInbound.Malformed malformed = (SlackInbound.Malformed) read;
            LOG.warn("refused a signed request: {}", malformed.reason());
            ctx.status(malformed.status()).contentType("text/plain").result("malformed request");
            return;
        }
        if (read instanceof SlackInbound.Ignored) {
            LOG.info("ignored {}", ((SlackInbound.Ignored) read).what());
            ctx.status(200).contentType("text/plain").result("");
            return;
        }
        Response response;
        try {
            response = bolt.run(((SlackInbound.Accepted) read).request());
        } catch (Exception e) {
            // handlers answer their own failures and the body fits Slack's shapes: this is Bolt itself failing
            LOG.error("Slack request failed in Bolt", e);
            ctx.status(500).contentType("text/plain").result("planbot could not handle this request");
            return;
        }
        write(response, ctx);
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> out = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            out.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        return out;
    }

    /** Writes Bolt's answer back as its servlet adapter does: status, headers, content type, body. */
    private static void write(Response response, Context ctx) {
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, values) -> values.forEach(v -> ctx.res().addHeader(name, v)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }

    /** Stops the server; Bolt's handlers stop taking requests with it. */
    @Override
    public void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
        bolt.stop();
    }
}
