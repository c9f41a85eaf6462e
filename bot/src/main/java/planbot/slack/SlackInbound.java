package planbot.slack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.EventsApiPayloadParser;
import com.slack.api.bolt.util.SlackRequestParser;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a verified HTTP body into the Bolt request it is, or says in a few words why it is not one Slack would send.
 *
 * <p>Why: a body that passed the signature check is from Slack, or from someone holding the signing secret, and
 * Bolt's own parser assumes Slack's shapes: anything else threw out of it (a NullPointerException, "Not a JSON
 * Object", {@code URLDecoder} errors) as a 500, which Slack retries and, for events, counts towards turning the
 * subscription off. So the body is checked here first, once, and strictly (one reading, so that this check and Bolt
 * cannot disagree about it): the content type says JSON or a form, in UTF-8; the bytes are UTF-8; a form decodes;
 * JSON is one object with no duplicate keys; the type is one Slack sends to this URL; the workspace and (except for
 * events, many of which have none) the user are there and look like Slack ids. Only then is Bolt's request built
 * (for an event, with its typed payload too), and a body that still does not fit Slack's classes is refused.
 *
 * <p>A slash command is read by {@link SlashCommandForm} (one pass; the hot path); everything else by Bolt's parser.
 * Stateless apart from its configuration; thread-safe.
 */
final class SlackInbound {
    /** What the body is: a request for Bolt, a body to acknowledge and ignore, or a refusal. */
    sealed interface Read permits Accepted, Ignored, Malformed {
    }

    /** A request Bolt can run. */
    record Accepted(Request<?> request) implements Read {
        Accepted {
            Objects.requireNonNull(request, "request");
        }
    }

    /** Something Slack sends that planbot has nothing to do with ({@code app_rate_limited}): 200, no effect. */
    record Ignored(String what) implements Read {
        Ignored {
            Objects.requireNonNull(what, "what");
        }
    }

    /** Not a request Slack sends: the HTTP status (400 or 415) and a short reason for the log, naming no content. */
    record Malformed(int status, String reason) implements Read {
        Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Slack's ids: an upper-case letter and digits (T…, E…, U…, W…). */
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]{0,39}");
    /** The interaction payload types Bolt's parser knows; anything else at this URL is not from Slack. */
    private static final Set<String> INTERACTIONS = Set.of("block_actions", "block_suggestion", "view_submission",
            "view_closed", "shortcut", "message_action", "interactive_message", "dialog_submission",
            "dialog_cancellation", "dialog_suggestion", "workflow_step_edit");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final AppConfig config;
    private final SlackRequestParser parser;

    SlackInbound(AppConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.parser = new SlackRequestParser(config);
    }

    /**
     * Reads a verified body.
     *
     * @param contentType the request's Content-Type header, or null
     * @param path        the request path, for Bolt
     * @param query       the query string's parameters, for Bolt
     * @param headers     every request header, for Bolt (retry headers, the client address)
     * @param clientIp    the client's address when no {@code X-Forwarded-For} says otherwise
     */
    Read read(String contentType, byte[] body, String path, Map<String, List<String>> query, RequestHeaders headers,
              String clientIp) {
        String media = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        int semicolon = media.indexOf(';');
        String charset = semicolon < 0 ? "" : media.substring(semicolon + 1).strip();
        media = (semicolon < 0 ? media : media.substring(0, semicolon)).strip();
        boolean json = media.equals("application/json");
        if (!json && !media.equals("application/x-www-form-urlencoded")) {
            return new Malformed(415, "content type is neither JSON nor a form");
        }
        if (!charset.isEmpty() && !charset.replace("\"", "").equals("charset=utf-8")) {
            return new Malformed(415, "content type names a charset other than UTF-8");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new Malformed(400, "body is not UTF-8");
        }
        if (text.isBlank()) {
            return new Malformed(400, "empty body");
        }
        Request<?> request;
        if (json) {
            Read checked = checkJson(text);
            if (checked != null) {
                return checked;
            }
            request = bolt(text, path, query, headers, clientIp);
        } else {
            SlashCommandPayload command = SlashCommandForm.parse(text);
            if (command != null) {
                request = new SlashCommandRequest(text, command, headers);
                finish(request, query, headers, clientIp);
            } else {
                Read checked = checkForm(text);
                if (checked != null) {
                    return checked;
                }
                request = bolt(text, path, query, headers, clientIp);
            }
        }
        if (request == null) {
            return new Malformed(400, "payload does not fit Slack's shape");
        }
        return checkIds(request);
    }

    /** Null when the JSON body is one of Slack's; else what to answer. */
    private static Read checkJson(String text) {
        JsonNode root = object(text);
        if (root == null) {
            return new Malformed(400, "body is not one JSON object");
        }
        String type = root.path("type").isTextual() ? root.path("type").asText() : "";
        switch (type) {
            case "url_verification":
                return root.path("challenge").isTextual() ? null : new Malformed(400, "url_verification without a challenge");
            case "event_callback":
                return root.path("event").path("type").isTextual() ? null : new Malformed(400, "event without an event type");
            case "app_rate_limited":
                return new Ignored(type);
            default:
                return new Malformed(400, "unknown JSON payload type");
        }
    }

    /** Null when the form body (not a slash command) is one of Slack's; else what to answer. */
    private static Read checkForm(String text) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : text.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new Malformed(400, "form has a bad %-escape");
            }
            if (form.put(name, value) != null) {
                return new Malformed(400, "form repeats a field");
            }
        }
        if (form.containsKey("payload")) {
            if (form.size() > 1) {
                return new Malformed(400, "interaction form has fields besides its payload");
            }
            JsonNode payload = object(form.get("payload"));
            if (payload == null) {
                return new Malformed(400, "interaction payload is not one JSON object");
            }
            String type = payload.path("type").isTextual() ? payload.path("type").asText() : "";
            if (!INTERACTIONS.contains(type)) {
                return new Malformed(400, "unknown interaction payload type");
            }
            // Bolt routes a view's payloads by the view's callback id without looking whether there is a view
            return type.startsWith("view_") && !payload.path("view").isObject()
                    ? new Malformed(400, "view payload without a view") : null;
        }
        if ("1".equals(form.get("ssl_check"))) {
            return null;
        }
        return new Malformed(400, form.containsKey("command") ? "slash command form is incomplete"
                : "form is neither an interaction nor a slash command");
    }

    /** The JSON object in the text, or null when it is not exactly one object (duplicate keys included). */
    private static JsonNode object(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Bolt's request for a body checked above, or null when it does not fit Bolt's classes after all (a field of
     * the wrong type deep inside). Bolt's parsing is all this calls, so whatever it throws is about the body.
     */
    private Request<?> bolt(String text, String path, Map<String, List<String>> query, RequestHeaders headers, String clientIp) {
        try {
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(path).queryString(query).headers(headers).requestBody(text).remoteAddress(clientIp).build());
            if (request instanceof EventRequest) {
                // Bolt builds an event's typed payload only when it dispatches it: build it now, to refuse it here
                EventsApiPayloadParser.buildEventPayload((EventRequest) request);
            }
            return request;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** As {@link SlackRequestParser} finishes a request: app config, query string, client address. */
    private void finish(Request<?> request, Map<String, List<String>> query, RequestHeaders headers, String clientIp) {
        request.updateContext(config);
        query.forEach((name, values) -> request.getQueryString().computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        String forwarded = headers.getFirstValue("X-Forwarded-For");
        request.setClientIpAddress(forwarded != null ? forwarded : clientIp);
    }

    /** The request when its workspace and user are Slack ids (a user is optional only for events and checks). */
    private static Read checkIds(Request<?> request) {
        Context ctx = request.getContext();
        String team = Objects.requireNonNullElse(ctx.getTeamId(), "");
        String enterprise = Objects.requireNonNullElse(ctx.getEnterpriseId(), "");
        String user = Objects.requireNonNullElse(ctx.getRequestUserId(), "");
        if (request.getRequestType() == RequestType.UrlVerification || request.getRequestType() == RequestType.SSLCheck) {
            return new Accepted(request);
        }
        if (team.isEmpty() && enterprise.isEmpty()) {
            return new Malformed(400, "no team or enterprise id");
        }
        if (!(team.isEmpty() || ID.matcher(team).matches()) || !(enterprise.isEmpty() || ID.matcher(enterprise).matches())) {
            return new Malformed(400, "team or enterprise id is not a Slack id");
        }
        boolean event = request instanceof EventRequest;
        if (user.isEmpty() ? !event : !ID.matcher(user).matches()) {
            return new Malformed(400, user.isEmpty() ? "no user id" : "user id is not a Slack id");
        }
        return new Accepted(request);
    }
}
