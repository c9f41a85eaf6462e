package planbot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
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
 * The HTTP edge for Slack: {@code POST /slack/events} (slash commands, interactions and Events API requests, all on
 * one URL), mounted on the app's one server ({@link planbot.http.AppServer}) by {@link SlackConnector}.
 *
 * <p>Each request goes: size cap (413, before anything is read into memory beyond the cap) → our
 * {@link SlackSignature} check on the raw bytes (401 with no effect; the log says only "rejected: …" with the
 * reason) → the Bolt request (a slash command read by {@link SlashCommandForm}, anything else by Bolt's parser) →
 * Bolt's {@link App#run}, whose {@link Response} is written back as it is, the way Bolt's servlet adapter does.
 * Bolt answers {@code url_verification} by echoing the challenge.
 *
 * <p>Thread-safe: Jetty calls the handler on many threads at once.
 */
final class SlackHttp {
    /** The largest body accepted: Slack's payloads are a few KB; anything bigger is not from Slack. */
    public static final int MAX_BODY_BYTES = planbot.http.AppServer.MAX_BODY_BYTES;
    public static final String EVENTS_PATH = "/slack/events";
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttp.class);

    private final App bolt;
    private final SlackSignature signature;
    private final SlackRequestParser parser;

    /**
     * @param bolt      the Bolt app with its handlers registered
     * @param signature the check every request must pass first
     */
    SlackHttp(App bolt, SlackSignature signature) {
        this.bolt = Objects.requireNonNull(bolt, "bolt");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.parser = new SlackRequestParser(bolt.config());
    }

    /** Handles one request to {@link #EVENTS_PATH}. */
    void events(Context ctx) {
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
}
