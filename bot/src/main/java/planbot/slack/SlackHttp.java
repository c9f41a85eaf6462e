package planbot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * reason) → the Bolt request (a slash command read by {@link SlashCommandForm}, anything else by Bolt's parser) →
 * Bolt's {@link App#run}, whose {@link Response} is written back as it is, the way Bolt's servlet adapter does.
 * Bolt answers {@code url_verification} by echoing the challenge.
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
    private final SlackRequestParser parser;
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
        this.parser = new SlackRequestParser(bolt.config());
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
        Request<?> request = parse(ctx, new String(body, StandardCharsets.UTF_8));
        Response response;
        try {
            response = bolt.run(request);
        } catch (Exception e) {
            // handlers answer their own failures; this is Bolt itself failing (e.g. auth.test unreachable)
            LOG.error("Slack request failed in Bolt", e);
            ctx.status(500).contentType("text/plain").result("planbot could not handle this request");
            return;
        }
        write(response, ctx);
    }

    /**
     * The Bolt request for a verified body. A slash command is read once by {@link SlashCommandForm} and finished
     * the way {@link SlackRequestParser} finishes one (app config, query string, client address); everything else
     * (interactions, events, URL verification, SSL checks) goes through Bolt's parser.
     */
    private Request<?> parse(Context ctx, String body) {
        RequestHeaders headers = new RequestHeaders(headers(ctx));
        SlashCommandPayload command = SlashCommandForm.parse(body);
        if (command == null) {
            return parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ctx.path())
                    .queryString(ctx.queryParamMap())
                    .headers(headers)
                    .requestBody(body)
                    .remoteAddress(ctx.ip())
                    .build());
        }
        SlashCommandRequest request = new SlashCommandRequest(body, command, headers);
        request.updateContext(bolt.config());
        if (ctx.queryString() != null) {
            ctx.queryParamMap().forEach((name, values) ->
                    request.getQueryString().computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        }
        String forwarded = headers.getFirstValue("X-Forwarded-For");
        request.setClientIpAddress(forwarded != null ? forwarded : ctx.ip());
        return request;
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
