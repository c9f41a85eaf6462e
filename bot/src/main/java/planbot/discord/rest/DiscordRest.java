package planbot.discord.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import planbot.discord.DiscordSettings;

/**
 * The Discord REST calls planbot makes itself (JDA makes its own in gateway mode): post and edit messages, open a
 * DM channel, upload a file, overwrite the application's commands, answer an interaction and edit its original
 * response. Each call is made once and never retried here — the outbox dispatcher owns retries and their timing
 * (PLATFORMS.md: never loop on 401/403/429) — and returns Discord's JSON or throws a {@link DiscordFailure} that
 * says whether to try again and why, in words an admin can act on.
 *
 * <p>Bot calls carry {@code Authorization: Bot <token>}; the interaction callback and the interaction webhook are
 * authorised by the interaction token in their path and carry no bot token. Neither token ever goes into a failure's
 * reason. Ids and interaction tokens are checked before they go into a path, so a value from a request cannot
 * redirect a call.
 *
 * <p>Thread-safe; one per application.
 */
public final class DiscordRest {
    /** The longest one call may take before it counts as a transient failure. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Discord asks bots to name themselves in this form. */
    public static final String USER_AGENT = "DiscordBot (planbot, 0.1)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,21}");
    private static final Pattern INTERACTION_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,500}");
    /** A path of ours: segments of ids, words, tokens and {@code @me}/{@code @original}; no query, no dot segments. */
    private static final Pattern PATH = Pattern.compile("(/(?!\\.{1,2}(/|$))[A-Za-z0-9._@-]+)+");

    private final String base;
    private final Optional<String> token;
    private final HttpClient http;
    private final Duration timeout;

    /** A client for the configured API with the bot token (when set) and the standard timeout. */
    public DiscordRest(DiscordSettings settings) {
        this(settings.apiBaseUrl(), settings.token(), TIMEOUT);
    }

    /**
     * @param apiBaseUrl the API with its version, such as {@code https://discord.com/api/v10}
     * @param token      the bot token; without one only the interaction calls work (the others fail permanently)
     * @param timeout    how long one call may take
     */
    public DiscordRest(URI apiBaseUrl, Optional<String> token, Duration timeout) {
        String url = Objects.requireNonNull(apiBaseUrl, "apiBaseUrl").toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = Objects.requireNonNull(token, "token");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** {@code GET path} as the bot ({@code /users/@me}, {@code /gateway/bot}). */
    public JsonNode get(String path) throws DiscordFailure {
        return send(request(path).GET(), true);
    }

    /** {@code POST path} as the bot, with a JSON body ({@code /channels/{id}/messages}). */
    public JsonNode post(String path, ObjectNode body) throws DiscordFailure {
        return send(json(request(path), "POST", body), true);
    }

    /** {@code PATCH path} as the bot ({@code /channels/{id}/messages/{mid}}). */
    public JsonNode patch(String path, ObjectNode body) throws DiscordFailure {
        return send(json(request(path), "PATCH", body), true);
    }

    /** {@code PUT path} as the bot; the body may be an array ({@code /applications/{app}/commands}, bulk overwrite). */
    public JsonNode put(String path, JsonNode body) throws DiscordFailure {
        return send(json(request(path), "PUT", body), true);
    }

    /**
     * {@code POST path} as the bot with one file: {@code multipart/form-data} with the message as {@code payload_json}
     * and the file as {@code files[0]} (an embed shows it as {@code attachment://fileName}).
     */
    public JsonNode postMultipart(String path, ObjectNode payloadJson, String fileName, byte[] file) throws DiscordFailure {
        Objects.requireNonNull(payloadJson, "payloadJson");
        Objects.requireNonNull(file, "file");
        if (fileName == null || !fileName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("a file name of letters, digits, '.', '_' or '-': " + fileName);
        }
        String boundary = "planbot-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "form-data; name=\"payload_json\"", "application/json", write(payloadJson));
        part(body, boundary, "form-data; name=\"files[0]\"; filename=\"" + fileName + "\"", contentType(fileName), file);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder r = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(r, true);
    }

    /** Opens (or finds) the DM channel with a user and returns its id ({@code POST /users/@me/channels}). */
    public String dmChannel(String userId) throws DiscordFailure {
        JsonNode channel = post("/users/@me/channels", JSON.createObjectNode().put("recipient_id", snowflake(userId)));
        String id = channel.path("id").asText("");
        if (id.isEmpty()) {
            throw DiscordFailure.retryLater(200, 0, null, "Discord answered a DM channel request without the channel's id");
        }
        return id;
    }

    /**
     * The initial response to an interaction ({@code POST /interactions/{id}/{token}/callback}), authorised by the
     * interaction token alone. Discord accepts one per interaction, within 3 seconds of it.
     */
    public void interactionCallback(String interactionId, String token, ObjectNode response) throws DiscordFailure {
        String path = "/interactions/" + snowflake(interactionId) + "/" + interactionToken(token) + "/callback";
        send(json(request(path), "POST", response), false);
    }

    /** Edits the original response of an interaction, such as a deferred one ({@code PATCH /webhooks/{app}/{token}/messages/@original}). */
    public void editOriginal(String applicationId, String token, ObjectNode body) throws DiscordFailure {
        String path = "/webhooks/" + snowflake(applicationId) + "/" + interactionToken(token) + "/messages/@original";
        send(json(request(path), "PATCH", body), false);
    }

    /** A follow-up message to an interaction ({@code POST /webhooks/{app}/{token}}), within 15 minutes of it. */
    public JsonNode followUp(String applicationId, String token, ObjectNode body) throws DiscordFailure {
        String path = "/webhooks/" + snowflake(applicationId) + "/" + interactionToken(token);
        return send(json(request(path), "POST", body), false);
    }

    // ---- one call

    private HttpRequest.Builder request(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            // not echoed: the path may hold an interaction token
            throw new IllegalArgumentException("not a Discord API path of ours");
        }
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("User-Agent", USER_AGENT)
                .header("Accept", "application/json");
    }

    private static HttpRequest.Builder json(HttpRequest.Builder r, String method, JsonNode body) {
        Objects.requireNonNull(body, "body");
        return r.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
    }

    /** Sends once; the bot token is added here only, so that nothing else ever holds it. */
    private JsonNode send(HttpRequest.Builder builder, boolean asBot) throws DiscordFailure {
        if (asBot) {
            if (token.isEmpty()) {
                throw DiscordFailure.permanent(0, 0, "the Discord bot token is not set (" + DiscordSettings.TOKEN
                        + "): planbot cannot post as the bot");
            }
            builder.header("Authorization", "Bot " + token.get());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw DiscordFailure.retryLater(0, 0, null, "Discord did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw DiscordFailure.retryLater(0, 0, null, "could not reach Discord (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DiscordFailure.retryLater(0, 0, null, "interrupted while calling Discord");
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
            return body == null ? JSON.createObjectNode() : body;
        }
        throw DiscordErrors.judge(status, body, response.headers().map());
    }

    // ---- helpers

    private static String snowflake(String id) {
        if (id == null || !SNOWFLAKE.matcher(id).matches()) {
            throw new IllegalArgumentException("not a Discord id (snowflake): " + id);
        }
        return id;
    }

    private static String interactionToken(String token) {
        if (token == null || !INTERACTION_TOKEN.matcher(token).matches()) {
            // never echo it: an interaction token lets anyone answer as the app for 15 minutes
            throw new IllegalArgumentException("not an interaction token");
        }
        return token;
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null; // a proxy's HTML page, say: judged by the status alone
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static void part(ByteArrayOutputStream out, String boundary, String disposition, String type, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + type + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static String contentType(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }
}
