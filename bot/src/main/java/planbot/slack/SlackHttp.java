package planbot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import io.javalin.http.Context;
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
 * reason) → {@link SlackInbound} reads the body into a Bolt request, or refuses a body Slack would not send (400 or
 * 415 with no effect, logged once at WARN with a short reason and no stack trace: Slack retries a 5xx, and turns
 * off event subscriptions that keep failing) → Bolt's {@link App#run}, whose {@link Response} is written back as it
 * is, the way Bolt's servlet adapter does. Bolt answers {@code url_verification} by echoing the challenge.
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
    private final SlackInbound inbound;

    /**
     * @param bolt      the Bolt app with its handlers registered
     * @param signature the check every request must pass first
     */
    SlackHttp(App bolt, SlackSignature signature) {
        this.bolt = Objects.requireNonNull(bolt, "bolt");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.inbound = new SlackInbound(bolt.config());
    }

    /** Handles one request to {@link #EVENTS_PATH}. */
    void events(Context ctx) {
        // A declared length over the cap is refused before reading; a chunked body is cut off by Javalin at the cap.
        if (planbot.http.AppServer.refusedAsTooLarge(ctx)) {
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
}
