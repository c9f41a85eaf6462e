package planbot.slack.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Slack that keeps Slack's rules, for tests: a Javalin server on a random port serving the Web API
 * methods planbot uses at {@code /api/{method}} (form-encoded or JSON bodies, as the SDK's {@code MethodsClient}
 * sends them), upload URLs, and {@code response_url}s. Point the SDK at it with
 * {@code SlackConfig#setMethodsEndpointUrlPrefix(fake.apiUrl())}.
 *
 * <p>What it enforces, answering as Slack does: the bearer token ({@code invalid_auth}); known channels and
 * users ({@code channel_not_found}, {@code user_not_found}, {@code is_archived}); Block Kit limits on messages and
 * views ({@code invalid_blocks}, {@code invalid_arguments}); {@code text} ≤ 40,000 chars ({@code msg_too_long});
 * never {@code link_names} (true) nor {@code parse=full} (a {@linkplain #violations() violation} and
 * {@code invalid_arguments}); {@code chat.postMessage} at most one message per channel per
 * {@linkplain #rateLimit interval} after a small burst (HTTP 429, {@code Retry-After}, {@code ratelimited});
 * {@code trigger_id}s expire 3 s after {@linkplain #triggerId() issue}; a {@code response_url} takes at most 5
 * posts within 30 minutes; {@code files.completeUploadExternal} only for files whose bytes arrived; the token's
 * {@linkplain #scopes scopes} in every answer's {@code x-oauth-scopes} header, and {@code conversations.info} only
 * with channels:read or groups:read ({@code missing_scope}), saying whether the bot is {@linkplain #botNotIn in} it.
 *
 * <p>It records every call ({@link #calls()}) with the fake's {@link Clock}'s time, so tests that move a clock can
 * check pacing. It can be told to misbehave once per method: {@link #failNext}, {@link #failNextHttp},
 * {@link #delayNext}, {@link #rateLimitNext}; {@link #register} adds or overrides a method. Thread-safe; one per
 * test, closed after it.
 */
public final class FakeSlack implements AutoCloseable {
    /** The workspace and bot the fake is. */
    public static final String TEAM_ID = "T0FAKE";
    public static final String BOT_USER_ID = "U0BOT";
    public static final String BOT_ID = "B0BOT";

    static final int MAX_TEXT = 40_000;
    static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);
    static final int RESPONSE_URL_POSTS = 5;
    static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Params whose form value is JSON: parsed into the recorded params, validated where Slack validates them. */
    private static final Set<String> JSON_PARAMS = Set.of("blocks", "attachments", "view", "metadata", "files");

    /** A method's answer to a call: the JSON body, with HTTP 200. */
    @FunctionalInterface
    public interface Method {
        ObjectNode answer(Call call);
    }

    /**
     * One request as the fake received it.
     *
     * @param method  the Web API method, or {@code upload} / {@code response_url}
     * @param params  the form fields or JSON body as JSON; JSON-valued form fields ({@code blocks}, {@code view}…)
     *                parsed when they parse, else kept as text
     * @param headers the request headers, names in lower case
     * @param body    the raw body bytes
     * @param at      when it arrived, by the fake's clock
     */
    public record Call(String method, ObjectNode params, Map<String, String> headers, byte[] body, Instant at) {
        public Call {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(params, "params");
            headers = Map.copyOf(headers);
            body = body.clone();
            Objects.requireNonNull(at, "at");
        }

        /** A param as text ("" when absent); JSON params as their JSON text. */
        public String param(String name) {
            JsonNode n = params.get(name);
            return n == null ? "" : n.isTextual() ? n.asText() : n.toString();
        }

        public boolean has(String name) {
            return params.has(name);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** A file that was announced with {@code files.getUploadURLExternal}, and its bytes once posted. */
    public record Upload(String fileId, String filename, long length, byte[] bytes) {
        public Upload {
            bytes = bytes == null ? null : bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes == null ? null : bytes.clone();
        }
    }

    private final String token;
    private final Clock clock;
    private final Javalin server;
    private final Object lock = new Object();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Method> methods = new HashMap<>();
    private final Map<String, Deque<Misbehaviour>> misbehaviours = new HashMap<>();
    private final Set<String> channels = new HashSet<>();
    private final Set<String> archived = new HashSet<>();
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Instant> triggers = new HashMap<>();
    private final Map<String, Deque<Instant>> responseUrls = new HashMap<>();
    private final Map<String, Instant> responseUrlIssued = new HashMap<>();
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> messages = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(100);
    private Duration interval = Duration.ofSeconds(1);
    private int burst = 3;

    private FakeSlack(String token, Clock clock) {
        this.token = Objects.requireNonNull(token, "token");
        this.clock = Objects.requireNonNull(clock, "clock");
        installMethods();
        this.server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/api/{method}", this::api);
            cfg.routes.post("/upload/{fileId}", this::upload);
            cfg.routes.post("/response/{id}", this::responseUrlPost);
        }).start("127.0.0.1", 0);
    }

    /** A fake accepting {@code token}, timing calls by the system clock. */
    public static FakeSlack start(String token) {
        return new FakeSlack(token, Clock.systemUTC());
    }

    /** A fake accepting {@code token}, timing calls (rate limits, expiries, records) by {@code clock}. */
    public static FakeSlack start(String token, Clock clock) {
        return new FakeSlack(token, clock);
    }

    // ---- set-up

    /** {@code http://127.0.0.1:port}, no trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The methods endpoint prefix for {@code SlackConfig#setMethodsEndpointUrlPrefix}: {@code url() + "/api/"}. */
    public String apiUrl() {
        return url() + "/api/";
    }

    public String token() {
        return token;
    }

    /** Makes channels exist (ids like {@code C123}); posting anywhere else is {@code channel_not_found}. */
    public FakeSlack channel(String... ids) {
        synchronized (lock) {
            channels.addAll(List.of(ids));
        }
        return this;
    }

    /** Archives a channel: posts to it are {@code is_archived}. */
    public FakeSlack archive(String id) {
        synchronized (lock) {
            archived.add(id);
        }
        return this;
    }

    /** Makes a user exist ({@code U123}, with a display name); {@code conversations.open} gives them a DM. */
    public FakeSlack user(String id, String name) {
        synchronized (lock) {
            users.put(id, name);
        }
        return this;
    }

    /** The DM channel {@code conversations.open} gives for a user: {@code D} + the user id without its first letter. */
    public static String dmOf(String userId) {
        return "D" + userId.substring(1);
    }

    /**
     * {@code chat.postMessage} allows {@code burst} messages to a channel at once, then one per {@code interval}
     * (a token bucket per channel, on the fake's clock). Defaults: one a second, a burst of 3.
     */
    public FakeSlack rateLimit(Duration interval, int burst) {
        if (interval.isNegative() || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a non-negative interval and a burst of at least 1");
        }
        synchronized (lock) {
            this.interval = interval;
            this.burst = burst;
        }
        return this;
    }

    /** Adds a method or replaces one of the fake's own; the token is still checked, then {@code method} answers. */
    public FakeSlack register(String method, Method answer) {
        synchronized (lock) {
            methods.put(method, answer);
        }
        return this;
    }

    /** The next call of {@code method} answers {@code {"ok":false,"error":error}} (HTTP 200). */
    public FakeSlack failNext(String method, String error) {
        return queue(method, new Misbehaviour(error, 0, null, 0));
    }

    /** The next call of {@code method} answers HTTP {@code status} (a 5xx) with a non-JSON body. */
    public FakeSlack failNextHttp(String method, int status) {
        return queue(method, new Misbehaviour(null, status, null, 0));
    }

    /** The next call of {@code method} is answered only after {@code delay} of real time (to trip client timeouts). */
    public FakeSlack delayNext(String method, Duration delay) {
        return queue(method, new Misbehaviour(null, 0, delay, 0));
    }

    /** The next call of {@code method} is rate limited: HTTP 429, {@code Retry-After: seconds}. */
    public FakeSlack rateLimitNext(String method, int retryAfterSeconds) {
        return queue(method, new Misbehaviour(null, 0, null, retryAfterSeconds));
    }

    /** A fresh {@code trigger_id}, valid for 3 s of the fake's clock (for {@code views.open}). */
    public String triggerId() {
        String id = ids.incrementAndGet() + ".1234567890.fake";
        synchronized (lock) {
            triggers.put(id, clock.instant());
        }
        return id;
    }

    /** A fresh {@code response_url} on the fake: at most 5 posts within 30 minutes of now (the fake's clock). */
    public String responseUrl() {
        String id = "R" + ids.incrementAndGet();
        synchronized (lock) {
            responseUrls.put(id, new ArrayDeque<>());
            responseUrlIssued.put(id, clock.instant());
        }
        return url() + "/response/" + id;
    }

    // ---- what happened

    /** Every call so far, in order of arrival (refused ones too). */
    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** The calls of one method, in order. */
    public List<Call> calls(String method) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls()) {
            if (c.method().equals(method)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The names of the methods called, in order: a compact view of a conversation with Slack. */
    public List<String> methodsCalled() {
        List<String> out = new ArrayList<>();
        for (Call c : calls()) {
            out.add(c.method());
        }
        return out;
    }

    /** Breaches of the contract the fake noticed ("chat.postMessage sent link_names"), whatever it answered. */
    public List<String> violations() {
        synchronized (lock) {
            return List.copyOf(violations);
        }
    }

    /**
     * The messages that stand in a channel, as posted or updated: each has {@code ts}, {@code text}, {@code blocks}
     * (when given) and {@code thread_ts} (when a reply).
     */
    public List<ObjectNode> messages(String channel) {
        synchronized (lock) {
            return List.copyOf(messages.getOrDefault(channel, List.of()));
        }
    }

    /** Files announced for upload, by id, with their bytes once they arrived. */
    public Map<String, Upload> uploads() {
        synchronized (lock) {
            return Map.copyOf(uploads);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- HTTP

    private void api(Context ctx) throws InterruptedException {
        String method = ctx.pathParam("method");
        ObjectNode params;
        try {
            params = parseParams(ctx);
        } catch (JsonProcessingException ex) {
            reply(ctx, error("invalid_json"));
            return;
        }
        Call call = call(method, params, ctx);
        try {
            answer(call, method, ctx);
        } finally {
            // recorded once answered, so that a test that sees the call also sees its effect (a stored update)
            synchronized (lock) {
                calls.add(call);
            }
        }
    }

    private void answer(Call call, String method, Context ctx) throws InterruptedException {
        Misbehaviour m = nextMisbehaviour(method);
        if (m != null && m.delay != null) {
            Thread.sleep(m.delay.toMillis());
        }
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.equals("Bearer " + token)) {
            reply(ctx, error(auth == null ? "not_authed" : "invalid_auth"));
            return;
        }
        ctx.header("x-oauth-scopes", grantedScopes());
        if (m != null && m.status != 0) {
            ctx.status(m.status).contentType("text/html").result("<html>upstream error</html>");
            return;
        }
        if (m != null && m.retryAfter != 0) {
            rateLimited(ctx, m.retryAfter);
            return;
        }
        if (m != null && m.error != null) {
            reply(ctx, error(m.error));
            return;
        }
        Method answer;
        synchronized (lock) {
            answer = methods.get(method);
        }
        if (answer == null) {
            ctx.status(404);
            reply(ctx, error("unknown_method"));
            return;
        }
        ObjectNode out = answer.answer(call);
        if (out.has("retry_after")) {
            rateLimited(ctx, out.get("retry_after").asInt());
            return;
        }
        reply(ctx, out);
    }

    private void upload(Context ctx) {
        String fileId = ctx.pathParam("fileId");
        byte[] bytes = ctx.bodyAsBytes();
        record("upload", JSON.createObjectNode().put("file_id", fileId).put("length", bytes.length), ctx);
        synchronized (lock) {
            Upload u = uploads.get(fileId);
            if (u == null) {
                ctx.status(404).result("no such upload");
                return;
            }
            if (u.length() != bytes.length) {
                violations.add("upload " + fileId + " sent " + bytes.length + " bytes, announced " + u.length());
            }
            uploads.put(fileId, new Upload(fileId, u.filename(), u.length(), bytes));
        }
        ctx.status(200).contentType("text/plain").result("OK - " + bytes.length);
    }

    private void responseUrlPost(Context ctx) throws JsonProcessingException {
        String id = ctx.pathParam("id");
        JsonNode body = ctx.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(ctx.body());
        ObjectNode params = body instanceof ObjectNode ? (ObjectNode) body : JSON.createObjectNode();
        params.put("response_url_id", id);
        record("response_url", params, ctx);
        Instant now = clock.instant();
        synchronized (lock) {
            Deque<Instant> used = responseUrls.get(id);
            if (used == null) {
                ctx.status(404);
                reply(ctx, error("invalid_url"));
                return;
            }
            if (now.isAfter(responseUrlIssued.get(id).plus(RESPONSE_URL_LIFETIME))) {
                ctx.status(404);
                reply(ctx, error("expired_url"));
                return;
            }
            if (used.size() >= RESPONSE_URL_POSTS) {
                violations.add("response_url " + id + " posted to more than " + RESPONSE_URL_POSTS + " times");
                ctx.status(404);
                reply(ctx, error("used_url"));
                return;
            }
            String problem = checkBlocks(params.get("blocks"), 50);
            if (problem != null) {
                reply(ctx, error(problem));
                return;
            }
            used.add(now);
        }
        reply(ctx, ok());
    }

    private static ObjectNode parseParams(Context ctx) throws JsonProcessingException {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            JsonNode n = ctx.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(ctx.body());
            if (!(n instanceof ObjectNode)) {
                throw new JsonProcessingException("not an object") { };
            }
            return (ObjectNode) n;
        }
        ObjectNode out = JSON.createObjectNode();
        for (Map.Entry<String, List<String>> e : ctx.formParamMap().entrySet()) {
            String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
            if (JSON_PARAMS.contains(e.getKey())) {
                try {
                    out.set(e.getKey(), JSON.readTree(value));
                    continue;
                } catch (JsonProcessingException notJson) {
                    // kept as text: the method answers invalid_blocks / invalid_arguments
                }
            }
            out.put(e.getKey(), value);
        }
        return out;
    }

    private Call record(String method, ObjectNode params, Context ctx) {
        Call call = call(method, params, ctx);
        synchronized (lock) {
            calls.add(call);
        }
        return call;
    }

    private Call call(String method, ObjectNode params, Context ctx) {
        Map<String, String> headers = new HashMap<>();
        ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        return new Call(method, params, headers, ctx.bodyAsBytes(), clock.instant());
    }

    private static void reply(Context ctx, ObjectNode body) {
        ctx.contentType("application/json; charset=utf-8").result(body.toString());
    }

    private static void rateLimited(Context ctx, int seconds) {
        ctx.status(429).header("Retry-After", Integer.toString(seconds));
        reply(ctx, error("ratelimited"));
    }

    private FakeSlack queue(String method, Misbehaviour m) {
        synchronized (lock) {
            misbehaviours.computeIfAbsent(method, k -> new ArrayDeque<>()).add(m);
        }
        return this;
    }

    private Misbehaviour nextMisbehaviour(String method) {
        synchronized (lock) {
            Deque<Misbehaviour> q = misbehaviours.get(method);
            return q == null ? null : q.poll();
        }
    }

    /** {@code {"ok":true}}, for a {@link Method} to add to. */
    public static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    /** {@code {"ok":false,"error":error}}. */
    public static ObjectNode error(String error) {
        return JSON.createObjectNode().put("ok", false).put("error", error);
    }

    /** One queued misbehaviour: exactly one of its fields is set. */
    private static final class Misbehaviour {
        final String error;
        final int status;
        final Duration delay;
        final int retryAfter;

        Misbehaviour(String error, int status, Duration delay, int retryAfter) {
            this.error = error;
            this.status = status;
            this.delay = delay;
            this.retryAfter = retryAfter;
        }
    }

    // ---- the methods

    private void installMethods() {
        methods.put("auth.test", c -> ok().put("url", "https://fake.slack.com/").put("team", "Fake")
                .put("user", "planbot").put("team_id", TEAM_ID).put("user_id", BOT_USER_ID).put("bot_id", BOT_ID));
        methods.put("chat.postMessage", c -> post(c, true));
        methods.put("chat.postEphemeral", c -> post(c, false));
        methods.put("chat.update", this::update);
        methods.put("conversations.open", this::open);
        methods.put("users.info", this::userInfo);
        methods.put("views.open", c -> view(c, true));
        methods.put("views.publish", c -> view(c, false));
        methods.put("views.update", c -> view(c, false));
        methods.put("files.getUploadURLExternal", this::uploadUrl);
        methods.put("files.completeUploadExternal", this::completeUpload);
        installDirectoryMethods();
        methods.put("conversations.info", this::conversationInfo);
    }

    private ObjectNode post(Call c, boolean rateLimited) {
        String channel = c.param("channel");
        String problem = checkMessage(c);
        if (problem != null) {
            return error(problem);
        }
        if (!c.has("text") && !c.has("blocks") && !c.has("attachments")) {
            return error("no_text");
        }
        synchronized (lock) {
            String where = checkChannel(channel);
            if (where != null) {
                return error(where);
            }
            if (!rateLimited) {
                if (!users.containsKey(c.param("user"))) {
                    return error("user_not_in_channel");
                }
                return ok().put("message_ts", nextTs());
            }
            Integer wait = takePostSlot(channel, c.at());
            if (wait != null) {
                return JSON.createObjectNode().put("retry_after", wait);
            }
            String ts = nextTs();
            ObjectNode message = JSON.createObjectNode().put("ts", ts).put("text", c.param("text"))
                    .put("user", BOT_USER_ID).put("bot_id", BOT_ID);
            if (c.params().get("blocks") != null) {
                message.set("blocks", c.params().get("blocks"));
            }
            if (c.has("thread_ts")) {
                message.put("thread_ts", c.param("thread_ts"));
            }
            messages.computeIfAbsent(channel, k -> new ArrayList<>()).add(message);
            ObjectNode out = ok().put("channel", channel).put("ts", ts);
            out.set("message", message.deepCopy());
            return out;
        }
    }

    private ObjectNode update(Call c) {
        String problem = checkMessage(c);
        if (problem != null) {
            return error(problem);
        }
        String channel = c.param("channel");
        synchronized (lock) {
            String where = checkChannel(channel);
            if (where != null) {
                return error(where);
            }
            for (ObjectNode m : messages.getOrDefault(channel, List.of())) {
                if (m.get("ts").asText().equals(c.param("ts"))) {
                    m.put("text", c.param("text"));
                    if (c.params().get("blocks") != null) {
                        m.set("blocks", c.params().get("blocks"));
                    }
                    return ok().put("channel", channel).put("ts", c.param("ts")).put("text", c.param("text"));
                }
            }
        }
        return error("message_not_found");
    }

    private ObjectNode open(Call c) {
        String user = c.param("users");
        synchronized (lock) {
            if (user.isEmpty() || user.contains(",")) {
                return error(user.isEmpty() ? "users_list_not_supplied" : "not_enough_users");
            }
            if (!users.containsKey(user)) {
                return error("user_not_found");
            }
            String dm = dmOf(user);
            channels.add(dm);
            ObjectNode out = ok();
            out.putObject("channel").put("id", dm);
            return out;
        }
    }

    private ObjectNode userInfo(Call c) {
        String user = c.param("user");
        synchronized (lock) {
            String name = users.get(user);
            if (name == null) {
                return error("user_not_found");
            }
            ObjectNode out = ok();
            ObjectNode u = out.putObject("user").put("id", user).put("team_id", TEAM_ID).put("name", name)
                    .put("real_name", name).put("deleted", false).put("is_bot", false).put("tz", "Europe/London");
            u.putObject("profile").put("real_name", name).put("display_name", name);
            return out;
        }
    }

    private ObjectNode view(Call c, boolean needsTrigger) {
        if (needsTrigger) {
            synchronized (lock) {
                Instant issued = triggers.get(c.param("trigger_id"));
                if (issued == null) {
                    return error("invalid_trigger_id");
                }
                if (c.at().isAfter(issued.plus(TRIGGER_LIFETIME))) {
                    return error("expired_trigger_id");
                }
            }
        } else if (c.method().equals("views.publish")) {
            synchronized (lock) {
                if (!users.containsKey(c.param("user_id"))) {
                    return error("user_not_found");
                }
            }
        }
        JsonNode view = c.params().get("view");
        if (view == null || !view.isObject()) {
            return error("invalid_arguments");
        }
        String type = view.path("type").asText();
        if (!type.equals("modal") && !type.equals("home")) {
            return error("invalid_arguments");
        }
        if (type.equals("modal") && (tooLong(view.path("title"), 24) || !view.has("title")
                || tooLong(view.path("submit"), 24) || tooLong(view.path("close"), 24))) {
            return error("invalid_arguments");
        }
        if (view.path("private_metadata").asText().length() > 3000 || view.path("callback_id").asText().length() > 255) {
            return error("invalid_arguments");
        }
        String problem = checkBlocks(view.get("blocks"), 100);
        if (problem != null) {
            return error(problem);
        }
        ObjectNode out = ok();
        ObjectNode v = out.putObject("view");
        v.setAll((ObjectNode) view.deepCopy());
        v.put("id", "V" + ids.incrementAndGet()).put("team_id", TEAM_ID);
        return out;
    }

    private ObjectNode uploadUrl(Call c) {
        String filename = c.param("filename");
        long length;
        try {
            length = Long.parseLong(c.param("length"));
        } catch (NumberFormatException ex) {
            return error("invalid_arguments");
        }
        if (filename.isEmpty() || length < 1) {
            return error("invalid_arguments");
        }
        String fileId = "F" + ids.incrementAndGet();
        synchronized (lock) {
            uploads.put(fileId, new Upload(fileId, filename, length, null));
        }
        return ok().put("upload_url", url() + "/upload/" + fileId).put("file_id", fileId);
    }

    private ObjectNode completeUpload(Call c) {
        JsonNode files = c.params().get("files");
        if (files == null || !files.isArray() || files.isEmpty()) {
            return error("invalid_arguments");
        }
        ObjectNode out = ok();
        ArrayNode done = out.putArray("files");
        synchronized (lock) {
            if (c.has("channel_id")) {
                String where = checkChannel(c.param("channel_id"));
                if (where != null) {
                    return error(where);
                }
            }
            for (JsonNode f : files) {
                Upload u = uploads.get(f.path("id").asText());
                if (u == null || u.bytes() == null) {
                    return error("file_not_found");
                }
                done.addObject().put("id", u.fileId()).put("title", f.path("title").asText(u.filename()));
            }
        }
        return out;
    }

    // ---- the directory: users.lookupByEmail and users.list, with their scopes, pages and errors

    /** Slackbot's user id: in every workspace's users.list, and not marked as a bot there. */
    public static final String SLACKBOT = "USLACKBOT";
    /** The scopes the fake's bot token has unless {@linkplain #withoutScope told otherwise}. */
    static final List<String> SCOPES = List.of("commands", "chat:write", "chat:write.public", "im:write", "im:history",
            "channels:history", "groups:history", "users:read", "users:read.email", "files:write");
    /** users.list answers at most this many members a page, whatever {@code limit} asks (Slack: "under 1000"). */
    static final int MAX_PAGE = 1000;

    /** A user's profile as users.list and users.lookupByEmail show it; email "" when they gave none. */
    private record Profile(String realName, String displayName, String email, boolean bot, boolean deleted) {
    }

    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private final Set<String> withheld = new HashSet<>();

    /**
     * Makes a person exist with a profile: listed by users.list, found by users.lookupByEmail (ignoring case), and
     * able to get a DM like any {@linkplain #user user}.
     */
    public FakeSlack member(String id, String realName, String displayName, String email) {
        synchronized (lock) {
            users.put(id, displayName.isEmpty() ? realName : displayName);
            profiles.put(id, new Profile(realName, displayName, email, false, false));
        }
        return this;
    }

    /** Makes a bot user exist: listed by users.list with {@code is_bot}, never a DM partner. */
    public FakeSlack botMember(String id, String name) {
        synchronized (lock) {
            profiles.put(id, new Profile(name, name, "", true, false));
        }
        return this;
    }

    /** Deactivates a member or user: still listed by users.list and found by email, with {@code deleted: true}. */
    public FakeSlack deactivate(String id) {
        synchronized (lock) {
            Profile p = profile(id);
            profiles.put(id, new Profile(p.realName(), p.displayName(), p.email(), p.bot(), true));
        }
        return this;
    }

    /**
     * Takes a scope from the bot token: methods that need it answer {@code missing_scope} (naming it in
     * {@code needed}); without {@code users:read.email}, users.list leaves out every email address.
     */
    public FakeSlack withoutScope(String scope) {
        synchronized (lock) {
            withheld.add(scope);
        }
        return this;
    }

    private void installDirectoryMethods() {
        methods.put("users.lookupByEmail", this::lookupByEmail);
        methods.put("users.list", this::usersList);
    }

    private ObjectNode lookupByEmail(Call c) {
        String email = c.param("email").strip();
        synchronized (lock) {
            ObjectNode refused = missingScope("users:read.email");
            if (refused != null) {
                return refused;
            }
            if (email.isEmpty()) {
                return error("invalid_arguments");
            }
            for (String id : directoryIds()) {
                if (profile(id).email().equalsIgnoreCase(email)) {
                    ObjectNode out = ok();
                    out.set("user", userObject(id));
                    return out;
                }
            }
        }
        return error("users_not_found");
    }

    /** Pages of members in a fixed order, Slackbot and the app's bot user first; a cursor names the next member. */
    private ObjectNode usersList(Call c) {
        int limit;
        try {
            limit = c.param("limit").isEmpty() ? 0 : Integer.parseInt(c.param("limit"));
        } catch (NumberFormatException ex) {
            return error("invalid_arguments");
        }
        synchronized (lock) {
            ObjectNode refused = missingScope("users:read");
            if (refused != null) {
                return refused;
            }
            List<String> ids = directoryIds();
            int from = 0;
            if (!c.param("cursor").isEmpty()) {
                from = ids.indexOf(cursorMember(c.param("cursor")));
                if (from < 0) {
                    return error("invalid_cursor");
                }
            }
            int to = Math.min(ids.size(), from + (limit <= 0 ? MAX_PAGE : Math.min(limit, MAX_PAGE)));
            ObjectNode out = ok();
            ArrayNode members = out.putArray("members");
            for (String id : ids.subList(from, to)) {
                members.add(userObject(id));
            }
            out.put("cache_ts", clock.instant().getEpochSecond());
            out.putObject("response_metadata").put("next_cursor", to < ids.size() ? cursorOf(ids.get(to)) : "");
            return out;
        }
    }

    /** {@code missing_scope} as Slack words it, or null when the token has the scope. Called holding the lock. */
    private ObjectNode missingScope(String scope) {
        if (!withheld.contains(scope)) {
            return null;
        }
        List<String> provided = new ArrayList<>(SCOPES);
        provided.removeAll(withheld);
        return error("missing_scope").put("needed", scope).put("provided", String.join(",", provided));
    }

    /** Everyone users.list shows, in its order. Called holding the lock. */
    private List<String> directoryIds() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>(List.of(SLACKBOT, BOT_USER_ID));
        ids.addAll(users.keySet());
        ids.addAll(profiles.keySet());
        return new ArrayList<>(ids);
    }

    /** A user's profile: as given, else made from the name {@link #user} gave. Called holding the lock. */
    private Profile profile(String id) {
        Profile p = profiles.get(id);
        if (p != null) {
            return p;
        }
        if (id.equals(SLACKBOT)) {
            return new Profile("Slackbot", "Slackbot", "", false, false);
        }
        if (id.equals(BOT_USER_ID)) {
            return new Profile("planbot", "planbot", "", true, false);
        }
        String name = users.getOrDefault(id, id);
        return new Profile(name, name, "", false, false);
    }

    /** A user object as Slack sends it; the email only with {@code users:read.email}. Called holding the lock. */
    private ObjectNode userObject(String id) {
        Profile p = profile(id);
        ObjectNode u = JSON.createObjectNode().put("id", id).put("team_id", TEAM_ID)
                .put("name", p.displayName().toLowerCase(Locale.ROOT).replace(' ', '.')).put("deleted", p.deleted())
                .put("real_name", p.realName()).put("is_bot", p.bot()).put("is_app_user", false).put("tz", "Europe/London");
        ObjectNode profile = u.putObject("profile").put("real_name", p.realName()).put("display_name", p.displayName());
        if (!p.email().isEmpty() && !withheld.contains("users:read.email")) {
            profile.put("email", p.email());
        }
        return u;
    }

    private static String cursorOf(String userId) {
        return java.util.Base64.getEncoder().encodeToString(("user:" + userId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The member a cursor names; "" when it is not one the fake gave out. */
    private static String cursorMember(String cursor) {
        try {
            String text = new String(java.util.Base64.getDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
            return text.startsWith("user:") ? text.substring(5) : "";
        } catch (IllegalArgumentException ex) {
            return "";
        }
    }

    // ---- the rules

    /** Link names, parse, text length and blocks: the checks every message method shares. */
    private String checkMessage(Call c) {
        // the SDK always sends link_names=0 (its field is a primitive): only a true value would make names ping
        if (c.param("link_names").equals("1") || c.param("link_names").equals("true")) {
            violation(c.method() + " sent link_names=" + c.param("link_names"));
            return "invalid_arguments";
        }
        if (c.param("parse").equals("full")) {
            violation(c.method() + " sent parse=full");
            return "invalid_arguments";
        }
        if (c.param("text").length() > MAX_TEXT) {
            return "msg_too_long";
        }
        return checkBlocks(c.params().get("blocks"), 50);
    }

    private void violation(String what) {
        synchronized (lock) {
            violations.add(what);
        }
    }

    /**
     * Null when the blocks keep Block Kit's limits (or are absent), else the error Slack gives: the check every
     * message method makes, open to renderer tests.
     */
    public static String checkBlocks(JsonNode blocks, int maxBlocks) {
        if (blocks == null) {
            return null;
        }
        if (!blocks.isArray() || blocks.size() > maxBlocks) {
            return "invalid_blocks";
        }
        Set<String> blockIds = new HashSet<>();
        for (JsonNode b : blocks) {
            String blockId = b.path("block_id").asText("");
            if (blockId.length() > 255 || (!blockId.isEmpty() && !blockIds.add(blockId)) || !validBlock(b)) {
                return "invalid_blocks";
            }
        }
        return null;
    }

    private static boolean validBlock(JsonNode b) {
        switch (b.path("type").asText()) {
            case "section":
                if (!b.has("text") && !b.has("fields")) {
                    return false;
                }
                if (b.has("text") && (!isText(b.get("text")) || tooLong(b.get("text"), 3000))) {
                    return false;
                }
                if (b.has("fields")) {
                    if (b.get("fields").size() > 10) {
                        return false;
                    }
                    for (JsonNode f : b.get("fields")) {
                        if (!isText(f) || tooLong(f, 2000)) {
                            return false;
                        }
                    }
                }
                return !b.has("accessory") || validElement(b.get("accessory"));
            case "header":
                return isPlain(b.get("text")) && !tooLong(b.get("text"), 150);
            case "divider":
                return true;
            case "context":
                if (!b.path("elements").isArray() || b.get("elements").isEmpty() || b.get("elements").size() > 10) {
                    return false;
                }
                for (JsonNode e : b.get("elements")) {
                    boolean image = e.path("type").asText().equals("image");
                    if (!image && (!isText(e) || tooLong(e, 3000))) {
                        return false;
                    }
                }
                return true;
            case "actions":
                if (!b.path("elements").isArray() || b.get("elements").isEmpty() || b.get("elements").size() > 25) {
                    return false;
                }
                Set<String> actionIds = new HashSet<>();
                for (JsonNode e : b.get("elements")) {
                    String id = e.path("action_id").asText("");
                    if (!validElement(e) || (!id.isEmpty() && !actionIds.add(id))) {
                        return false;
                    }
                }
                return true;
            case "image":
                return b.path("image_url").isTextual() && b.path("alt_text").isTextual()
                        && b.get("alt_text").asText().length() <= 2000;
            case "input":
                return isPlain(b.get("label")) && !tooLong(b.get("label"), 2000) && b.path("element").isObject();
            case "rich_text":
            case "file":
                return true;
            default:
                return false;
        }
    }

    private static boolean validElement(JsonNode e) {
        if (e.path("action_id").asText("").length() > 255) {
            return false;
        }
        if (e.path("type").asText().equals("button")) {
            return isPlain(e.get("text")) && !tooLong(e.get("text"), 75) && e.path("value").asText("").length() <= 2000
                    && e.path("url").asText("").length() <= 3000
                    && (!e.has("style") || Set.of("primary", "danger").contains(e.get("style").asText()));
        }
        return e.path("type").isTextual();
    }

    private static boolean isText(JsonNode t) {
        return t != null && t.isObject() && (isPlain(t) || t.path("type").asText().equals("mrkdwn"))
                && t.path("text").isTextual() && !t.get("text").asText().isEmpty();
    }

    private static boolean isPlain(JsonNode t) {
        return t != null && t.path("type").asText().equals("plain_text") && t.path("text").isTextual()
                && !t.get("text").asText().isEmpty();
    }

    private static boolean tooLong(JsonNode t, int max) {
        return t != null && t.path("text").asText("").length() > max;
    }

    /** Null when one may post in {@code channel}. Called holding the lock. */
    private String checkChannel(String channel) {
        if (channel.isEmpty() || !channels.contains(channel)) {
            return "channel_not_found";
        }
        return archived.contains(channel) ? "is_archived" : null;
    }

    /**
     * Takes a token from the channel's bucket (size {@code burst}, one token back per {@code interval}); null when
     * there was one, else the whole seconds until the next. Called holding the lock.
     */
    private Integer takePostSlot(String channel, Instant now) {
        Bucket b = buckets.computeIfAbsent(channel, k -> new Bucket(burst, now));
        if (!interval.isZero() && now.isAfter(b.refilled)) {
            double earned = (double) Duration.between(b.refilled, now).toNanos() / interval.toNanos();
            b.tokens = Math.min(burst, b.tokens + earned);
            b.refilled = now;
        }
        if (interval.isZero() || b.tokens >= 1) {
            b.tokens -= interval.isZero() ? 0 : 1;
            return null;
        }
        double missing = (1 - b.tokens) * interval.toNanos() / 1e9;
        return (int) Math.max(1, Math.ceil(missing));
    }

    /** A channel's rate-limit bucket. */
    private static final class Bucket {
        double tokens;
        Instant refilled;

        Bucket(double tokens, Instant refilled) {
            this.tokens = tokens;
            this.refilled = refilled;
        }
    }

    private String nextTs() {
        Instant now = clock.instant();
        return now.getEpochSecond() + "." + String.format("%06d", ids.incrementAndGet() % 1_000_000);
    }

    // ---- the doctor's calls: the token's scopes (x-oauth-scopes on every answer) and conversations.info

    /** What planbot's manifest asks for, and the read scopes its doctor uses: a token installed as the README says. */
    public static final List<String> ALL_SCOPES = List.of("commands", "chat:write", "chat:write.public", "im:write",
            "im:history", "channels:history", "groups:history", "users:read", "users:read.email", "channels:read",
            "groups:read", "files:write");
    private final Set<String> scopes = new java.util.TreeSet<>(ALL_SCOPES);
    private final Set<String> botAbsent = new HashSet<>();

    /** The token carries only these scopes (Slack lists them in each answer's {@code x-oauth-scopes} header). */
    public FakeSlack scopes(String... granted) {
        synchronized (lock) {
            scopes.clear();
            scopes.addAll(List.of(granted));
        }
        return this;
    }

    /**
     * The bot is not a member of these channels: {@code conversations.info} says {@code is_member:false} for a public
     * one ({@code C…}) and {@code channel_not_found} for a private one ({@code G…}), which a bot outside cannot see.
     */
    public FakeSlack botNotIn(String... ids) {
        synchronized (lock) {
            botAbsent.addAll(List.of(ids));
        }
        return this;
    }

    private String grantedScopes() {
        synchronized (lock) {
            return String.join(",", scopes);
        }
    }

    /** Needs channels:read (public) or groups:read (private), as Slack does; answers {@code missing_scope} otherwise. */
    private ObjectNode conversationInfo(Call c) {
        String channel = c.param("channel");
        String needed = channel.startsWith("G") ? "groups:read" : "channels:read";
        synchronized (lock) {
            if (!scopes.contains(needed)) {
                return error("missing_scope").put("needed", needed).put("provided", String.join(",", scopes));
            }
            boolean member = !botAbsent.contains(channel);
            if (!channels.contains(channel) || (channel.startsWith("G") && !member)) {
                return error("channel_not_found");
            }
            ObjectNode out = ok();
            out.putObject("channel").put("id", channel).put("name", channel.toLowerCase(Locale.ROOT))
                    .put("is_channel", channel.startsWith("C")).put("is_private", channel.startsWith("G"))
                    .put("is_archived", archived.contains(channel)).put("is_member", member);
            return out;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "FakeSlack[" + url() + ", " + calls.size() + " calls, channels " + new HashSet<>(channels) + "]";
        }
    }
}
