package planbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Discord for tests: the REST API under {@link #apiBaseUrl()} ({@code http://127.0.0.1:PORT/api/v10}) on one
 * Javalin server on a random loopback port, keeping the contract planbot relies on, and Discord's side of HTTP
 * interactions (an Ed25519 key pair; {@link #deliver} signs and POSTs). {@link #settings()} gives the
 * {@code DISCORD_*} values that point planbot at it.
 *
 * <p>What the REST API serves: {@code GET /users/@me}, {@code GET [/oauth2]/applications/@me}, {@code GET /gateway} and
 * {@code /gateway/bot} (a WebSocket URL set by {@link #gatewayUrl(String)}), {@code POST /users/@me/channels} (DMs),
 * {@code POST /channels/{id}/messages} (JSON or multipart with {@code payload_json} and {@code files[n]}),
 * {@code PATCH /channels/{id}/messages/{mid}}, {@code GET|PUT /applications/{app}[/guilds/{guild}]/commands} (bulk
 * overwrite), {@code POST /interactions/{id}/{token}/callback}, {@code POST /webhooks/{app}/{token}} (follow-ups)
 * and {@code PATCH /webhooks/{app}/{token}/messages/@original}.
 *
 * <p>What it enforces, answering as Discord does ({@code {"code":…, "message":…, "errors":…}}): {@code Authorization:
 * Bot <TOKEN>} on bot routes (401 code 0); unknown users (404 10013), unknown channels (404 10003), unknown messages
 * (404 10008), channels the bot {@linkplain #noAccess cannot see} (403 50001) or {@linkplain #missingPermissions may
 * not post in} (403 50013), users who {@linkplain #dmsClosed do not take DMs} (403 50007); message limits (content
 * ≤ 2,000; ≤ 10 embeds, title ≤ 256, description ≤ 4,096, ≤ 25 fields of name ≤ 256 and value ≤ 1,024, footer ≤ 2,048,
 * ≤ 6,000 characters in all; ≤ 5 action rows of ≤ 5 buttons or one select menu of ≤ 25 options, custom_id ≤ 100,
 * button label ≤ 80; a modal of ≤ 5 rows whose labels are ≤ 45) and planbot's own rule that every message and
 * interaction response carries {@code allowed_mentions} with an empty (or absent) {@code parse} — each breach is 400
 * 50035 with the field, and a {@linkplain #violations() violation}; interaction tokens it issued, one initial
 * response within 3 s of the interaction (else 404 10062; a second one is 400 40060), follow-ups and edits within 15
 * minutes (else 401 50027); command names, descriptions, ≤ 25 options and where autocomplete may be set; rate limits
 * {@linkplain #rateLimit per route} and {@linkplain #rateLimitNext on demand} (429 with {@code retry_after} as float
 * seconds, {@code Retry-After} and the {@code X-RateLimit-*} headers).
 *
 * <p>It records every REST call ({@link #calls()}) with the fake's clock, keeps the messages that stand in each
 * channel ({@link #messages}), the interaction responses ({@link #response}, {@link #original}, {@link #followUps})
 * and the registered commands ({@link #commands()}), and waits for them ({@link #awaitMessages}, {@link #awaitResponse},
 * {@link #awaitOriginal}).
 *
 * <p>It also plays Discord towards planbot: builders for the interactions Discord sends ({@link #ping},
 * {@link #slashCommand}, {@link #autocomplete}, {@link #buttonClick}, {@link #select}, {@link #modalSubmit}), in a
 * guild channel ({@code member.user}) or a DM ({@code user}); each issues a fresh interaction id and token that the
 * REST API then accepts. {@link #deliver} signs an interaction (timestamp + body) and POSTs it, genuine or with a
 * {@link Forgery}; planbot's 200 answer to it is the interaction's initial response, held to the same rules as a
 * REST callback (once, within 3 s, checked like a message), a breach being a {@linkplain #violations() violation}.
 *
 * <p>Thread-safe; one per test, closed after it.
 */
public final class FakeDiscord implements AutoCloseable {
    /** The bot token planbot must send ({@code Authorization: Bot <TOKEN>}). */
    public static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gfake1.fake-bot-token-for-tests_0123456789abc";
    public static final String APPLICATION_ID = "1100000000000000001";
    /** The bot user's id: a new application's bot has the application's id. */
    public static final String BOT_USER_ID = APPLICATION_ID;
    public static final String BOT_NAME = "planbot";
    public static final String GUILD_ID = "1200000000000000001";
    /** Interaction responses must come within this of the interaction. */
    public static final Duration RESPONSE_WINDOW = Duration.ofSeconds(3);
    /** Follow-ups and edits are accepted this long after the interaction. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/v10";
    private static final Pattern COMMAND_NAME = Pattern.compile("[-_\\p{Ll}\\p{N}]{1,32}");
    private static final Pattern CHANNEL = Pattern.compile("/channels/(\\d+)");
    private static final Pattern MESSAGES = Pattern.compile("/channels/(\\d+)/messages");
    private static final Pattern MESSAGE = Pattern.compile("/channels/(\\d+)/messages/(\\d+)");
    private static final Pattern COMMANDS = Pattern.compile("/applications/(\\d+)(?:/guilds/(\\d+))?/commands");
    private static final Pattern CALLBACK = Pattern.compile("/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern FOLLOW_UP = Pattern.compile("/webhooks/(\\d+)/([^/]+)");
    private static final Pattern ORIGINAL = Pattern.compile("/webhooks/(\\d+)/([^/]+)/messages/@original");
    private static final Set<Integer> SELECT_TYPES = Set.of(3, 5, 6, 7, 8);
    private static final int EPHEMERAL = 64;

    /** How {@link #deliver(URI, ObjectNode, Forgery)} signs: genuinely, or with one thing wrong. */
    public enum Forgery {
        /** As Discord signs: the application's key over timestamp + body, timestamp now. */
        NONE,
        /** Signed, then one byte of the body changed in transit. */
        MUTATED_BODY,
        /** Genuinely signed, but the timestamp is ten minutes old (a replay). */
        STALE_TIMESTAMP,
        /** Signed with another key than the application's. */
        WRONG_KEY,
        /** No {@code X-Signature-*} headers at all. */
        NO_HEADERS
    }

    /** Which layout a modal submit comes in: Discord sends both, depending on how the modal was built. */
    public enum ModalLayout {
        /** {@code data.components[]} are action rows, each holding one text input in {@code components[]}. */
        ACTION_ROWS,
        /** {@code data.components[]} are label components (type 18), each holding its input in {@code component}. */
        LABELS
    }

    /** A Discord user. */
    public record User(String id, String username, String globalName) {
        public User {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(username, "username");
        }

        ObjectNode json() {
            ObjectNode u = JSON.createObjectNode().put("id", id).put("username", username).put("discriminator", "0")
                    .put("public_flags", 0);
            u.putNull("avatar");
            if (globalName == null) {
                u.putNull("global_name");
            } else {
                u.put("global_name", globalName);
            }
            return u;
        }
    }

    /**
     * A channel: a text channel of the fake's guild, or a DM channel with one user ({@code guildId} null).
     *
     * @param dmWith the other person of a DM channel, else null
     */
    public record Channel(String id, String guildId, String name, User dmWith) {
        public Channel {
            Objects.requireNonNull(id, "id");
        }

        public boolean dm() {
            return guildId == null;
        }
    }

    /**
     * One REST request as the fake received it.
     *
     * @param method  GET, POST, PATCH or PUT
     * @param path    the path under the API base ({@code /channels/1/messages}), without the query string
     * @param body    the raw body (multipart bodies as ISO-8859-1 text)
     * @param headers request headers, names in lower case
     * @param at      when it arrived, by the fake's clock
     * @param status  what the fake answered
     */
    public record Call(String method, String path, String body, Map<String, String> headers, Instant at, int status) {
        public Call {
            headers = Map.copyOf(headers);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException ex) {
                throw new IllegalStateException("not JSON: " + body, ex);
            }
        }
    }

    /** planbot's answer to a {@link #deliver delivered} interaction. */
    public record Delivery(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException ex) {
                throw new IllegalStateException("not JSON: " + body, ex);
            }
        }
    }

    /** A file uploaded with a message. */
    public record Upload(String fileName, String contentType, byte[] bytes) {
    }

    private final Clock clock;
    private final Javalin server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Object lock = new Object();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong(1_300_000_000_000_000_000L);
    private final KeyPair appKey = ed25519();
    private final KeyPair otherKey = ed25519();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Set<String> dmsClosed = new HashSet<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, String> dmOf = new HashMap<>();
    private final Set<String> noAccess = new HashSet<>();
    private final Set<String> noPermission = new HashSet<>();
    private final Map<String, List<ObjectNode>> messages = new LinkedHashMap<>();
    private final Map<String, List<Upload>> uploads = new HashMap<>();
    private final Map<String, Issued> interactions = new HashMap<>();
    private final Map<String, Issued> byToken = new HashMap<>();
    private final List<RateRule> rateRules = new ArrayList<>();
    private final Map<RateRule, Deque<Instant>> rateUse = new HashMap<>();
    private final Deque<Misbehaviour> misbehaviours = new ArrayDeque<>();
    private ArrayNode commands = JSON.createArrayNode();
    private String gatewayUrl = "ws://127.0.0.1:9";

    private FakeDiscord(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get(API + "/<path>", this::api);
            cfg.routes.post(API + "/<path>", this::api);
            cfg.routes.patch(API + "/<path>", this::api);
            cfg.routes.put(API + "/<path>", this::api);
            cfg.routes.delete(API + "/<path>", this::api);
        }).start("127.0.0.1", 0);
    }

    /** A fake timing interactions, rate limits and records by the system clock. */
    public static FakeDiscord start() {
        return new FakeDiscord(Clock.systemUTC());
    }

    /** A fake timing interactions, rate limits, signatures and records by {@code clock}. */
    public static FakeDiscord start(Clock clock) {
        return new FakeDiscord(clock);
    }

    // ---- where it is

    /** {@code http://127.0.0.1:port}, no trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The REST API's base, as {@code DISCORD_API_BASE_URL}: {@code http://127.0.0.1:port/api/v10}. */
    public String apiBaseUrl() {
        return url() + API;
    }

    /** The application's Ed25519 public key, 64 hex digits ({@code DISCORD_PUBLIC_KEY}). */
    public String publicKeyHex() {
        return rawHex(appKey);
    }

    /** Another Ed25519 public key (the one {@link Forgery#WRONG_KEY} signs with). */
    public String otherPublicKeyHex() {
        return rawHex(otherKey);
    }

    /** The {@code DISCORD_*} settings of an application in both modes pointed at this fake. */
    public Map<String, String> settings() {
        return Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_PUBLIC_KEY", publicKeyHex(), "DISCORD_APPLICATION_ID",
                APPLICATION_ID, "DISCORD_API_BASE_URL", apiBaseUrl());
    }

    /** What {@code GET /gateway} and {@code GET /gateway/bot} answer: the fake gateway's {@code ws://} URL. */
    public FakeDiscord gatewayUrl(String url) {
        synchronized (lock) {
            gatewayUrl = Objects.requireNonNull(url, "url");
        }
        return this;
    }

    // ---- set-up: people, channels, trouble

    /** Registers a user with a fresh id; they share the fake's guild with the bot. */
    public User user(String name) {
        User u = new User(snowflake(), name.toLowerCase(Locale.ROOT).replace(' ', '_'), name);
        synchronized (lock) {
            users.put(u.id(), u);
        }
        return u;
    }

    /** A text channel of the fake's guild that the bot may post in. */
    public Channel channel(String name) {
        Channel c = new Channel(snowflake(), GUILD_ID, name, null);
        synchronized (lock) {
            channels.put(c.id(), c);
            messages.put(c.id(), new ArrayList<>());
        }
        return c;
    }

    /** The DM channel of the bot and a user, as {@code POST /users/@me/channels} opens it (the same id each time). */
    public Channel dm(User u) {
        synchronized (lock) {
            String id = dmOf.computeIfAbsent(u.id(), k -> {
                String c = snowflake();
                channels.put(c, new Channel(c, null, null, u));
                messages.put(c, new ArrayList<>());
                return c;
            });
            return channels.get(id);
        }
    }

    /** The user takes no DMs from the bot (no shared server, or DMs off): messages to their DM are 403 50007. */
    public FakeDiscord dmsClosed(User u) {
        synchronized (lock) {
            dmsClosed.add(u.id());
        }
        return this;
    }

    /** The bot cannot see the channel: posts and edits there are 403 50001 Missing Access. */
    public FakeDiscord noAccess(Channel c) {
        synchronized (lock) {
            noAccess.add(c.id());
        }
        return this;
    }

    /** The bot may see but not post in the channel: posts and edits there are 403 50013 Missing Permissions. */
    public FakeDiscord missingPermissions(Channel c) {
        synchronized (lock) {
            noPermission.add(c.id());
        }
        return this;
    }

    /** The channel is deleted: every call about it is 404 10003. */
    public FakeDiscord delete(Channel c) {
        synchronized (lock) {
            channels.remove(c.id());
        }
        return this;
    }

    /**
     * At most {@code requests} calls of {@code method} to paths starting with {@code pathPrefix} (such as
     * {@code /channels/123/messages}) within any {@code per}; then 429 with {@code retry_after} until the oldest
     * leaves the window. Matching calls carry the {@code X-RateLimit-*} headers.
     */
    public FakeDiscord rateLimit(String method, String pathPrefix, int requests, Duration per) {
        if (requests < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one request per positive window");
        }
        synchronized (lock) {
            rateRules.add(new RateRule(method, pathPrefix, requests, per, "bucket-" + (rateRules.size() + 1)));
        }
        return this;
    }

    /**
     * The next REST call answers 429 with {@code retry_after: seconds} in the body and {@code Retry-After} (whole
     * seconds, rounded up) as a header; {@code global} adds {@code X-RateLimit-Global: true} and scope global.
     */
    public FakeDiscord rateLimitNext(double retryAfterSeconds, boolean global) {
        return misbehave(new Misbehaviour(429, 0, retryAfterSeconds, global, null, false));
    }

    /** The next REST call answers HTTP {@code status} with Discord's error JSON carrying {@code code}. */
    public FakeDiscord failNext(int status, int code) {
        return misbehave(new Misbehaviour(status, code, 0, false, null, false));
    }

    /** The next REST call answers 429 with a body that is not JSON (as Cloudflare does) and only {@code Retry-After}. */
    public FakeDiscord cloudflareBanNext(int retryAfterSeconds) {
        return misbehave(new Misbehaviour(429, 0, retryAfterSeconds, false, null, true));
    }

    /** The next REST call is answered only after {@code delay} of real time (to trip client timeouts). */
    public FakeDiscord delayNext(Duration delay) {
        return misbehave(new Misbehaviour(0, 0, 0, false, delay, false));
    }

    // ---- what happened

    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** The calls whose method is {@code method} and whose path contains {@code pathPart}. */
    public List<Call> calls(String method, String pathPart) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls()) {
            if (c.method().equals(method) && c.path().contains(pathPart)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Breaches of the contract the fake noticed: a request refused with 400 50035, and an interaction answered late
     * or twice (by callback or over HTTP).
     */
    public List<String> violations() {
        synchronized (lock) {
            return List.copyOf(violations);
        }
    }

    /** The messages that stand in a channel (posted, as last edited), each with its {@code id}; oldest first. */
    public List<ObjectNode> messages(String channelId) {
        synchronized (lock) {
            List<ObjectNode> out = new ArrayList<>();
            for (ObjectNode m : messages.getOrDefault(channelId, List.of())) {
                out.add(m.deepCopy());
            }
            return out;
        }
    }

    /** The files uploaded with a message. */
    public List<Upload> uploads(String messageId) {
        synchronized (lock) {
            return List.copyOf(uploads.getOrDefault(messageId, List.of()));
        }
    }

    /** The commands as last overwritten ({@code PUT /applications/{app}/commands}), with the ids the fake gave them. */
    public ArrayNode commands() {
        synchronized (lock) {
            return commands.deepCopy();
        }
    }

    /** The initial response planbot gave an interaction ({@code {"type":…, "data":…}}), if any. */
    public Optional<ObjectNode> response(String interactionId) {
        synchronized (lock) {
            Issued i = interactions.get(interactionId);
            return i == null || i.response == null ? Optional.empty() : Optional.of(i.response.deepCopy());
        }
    }

    /** The interaction's original response message as it stands (after edits), if there is one. */
    public Optional<ObjectNode> original(String interactionId) {
        synchronized (lock) {
            Issued i = interactions.get(interactionId);
            return i == null || i.original == null ? Optional.empty() : Optional.of(i.original.deepCopy());
        }
    }

    /** The follow-up messages sent for an interaction, oldest first. */
    public List<ObjectNode> followUps(String interactionId) {
        synchronized (lock) {
            Issued i = interactions.get(interactionId);
            List<ObjectNode> out = new ArrayList<>();
            if (i != null) {
                i.followUps.forEach(f -> out.add(f.deepCopy()));
            }
            return out;
        }
    }

    /**
     * Waits (real time) until a channel holds at least {@code count} messages, and returns them.
     *
     * @throws AssertionError when they do not come within {@code timeout}
     */
    public List<ObjectNode> awaitMessages(String channelId, int count, Duration timeout) throws InterruptedException {
        return await(() -> messages(channelId), l -> l.size() >= count, timeout,
                "expected " + count + " messages in channel " + channelId);
    }

    /** Waits (real time) until a message matching {@code test} stands in the channel, and returns it. */
    public ObjectNode awaitMessage(String channelId, Predicate<ObjectNode> test, Duration timeout) throws InterruptedException {
        List<ObjectNode> found = await(() -> {
            List<ObjectNode> matching = new ArrayList<>();
            for (ObjectNode m : messages(channelId)) {
                if (test.test(m)) {
                    matching.add(m);
                }
            }
            return matching;
        }, l -> !l.isEmpty(), timeout, "expected a matching message in channel " + channelId);
        return found.get(0);
    }

    /** Waits (real time) for the initial response to an interaction, and returns it. */
    public ObjectNode awaitResponse(String interactionId, Duration timeout) throws InterruptedException {
        return await(() -> response(interactionId), Optional::isPresent, timeout,
                "expected a response to interaction " + interactionId).get();
    }

    /** Waits (real time) until the interaction's original response matches {@code test}, and returns it. */
    public ObjectNode awaitOriginal(String interactionId, Predicate<ObjectNode> test, Duration timeout)
            throws InterruptedException {
        return await(() -> original(interactionId), o -> o.isPresent() && test.test(o.get()), timeout,
                "expected a matching original response to interaction " + interactionId).get();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- interactions as Discord sends them

    /** A PING (type 1): what Discord sends to check an interactions endpoint. */
    public ObjectNode ping() {
        ObjectNode p = JSON.createObjectNode().put("id", snowflake()).put("application_id", APPLICATION_ID)
                .put("type", 1).put("token", interactionToken()).put("version", 1);
        p.set("user", JSON.createObjectNode().put("id", "0").put("username", "discord").put("discriminator", "0"));
        return p;
    }

    /**
     * {@code /plan <subcommand> option:value …} (type 2) in a channel or DM; the subcommand's options sit one level
     * deeper ({@code data.options[0].options}), all string options (type 3).
     */
    public ObjectNode slashCommand(User from, Channel where, String subcommand, Map<String, String> options) {
        ArrayNode opts = JSON.createArrayNode();
        options.forEach((k, v) -> opts.addObject().put("name", k).put("type", 3).put("value", v));
        return slashCommand(from, where, subcommand(subcommand, opts));
    }

    /** {@code /plan} with the given top-level {@code data.options} as they are (for options of other types). */
    public ObjectNode slashCommand(User from, Channel where, ArrayNode dataOptions) {
        ObjectNode i = interaction(2, from, where, null);
        i.set("data", commandData(dataOptions, where));
        return i;
    }

    /**
     * An autocomplete request (type 4) for {@code focusedOption} of a subcommand, typed so far as {@code typed};
     * {@code others} are the subcommand's other options already filled in.
     */
    public ObjectNode autocomplete(User from, Channel where, String subcommand, String focusedOption, String typed,
                                   Map<String, String> others) {
        ArrayNode opts = JSON.createArrayNode();
        others.forEach((k, v) -> opts.addObject().put("name", k).put("type", 3).put("value", v));
        opts.addObject().put("name", focusedOption).put("type", 3).put("value", typed).put("focused", true);
        ObjectNode i = interaction(4, from, where, null);
        i.set("data", commandData(subcommand(subcommand, opts), where));
        return i;
    }

    /** A click (type 3, component_type 2) on the button {@code customId} of a message the bot posted in the channel. */
    public ObjectNode buttonClick(User from, Channel where, String messageId, String customId) {
        ObjectNode i = interaction(3, from, where, messageId);
        i.putObject("data").put("custom_id", customId).put("component_type", 2);
        return i;
    }

    /** A choice (type 3, component_type 3) in the string select menu {@code customId} of a message the bot posted. */
    public ObjectNode select(User from, Channel where, String messageId, String customId, String... values) {
        ObjectNode i = interaction(3, from, where, messageId);
        ObjectNode data = i.putObject("data").put("custom_id", customId).put("component_type", 3);
        ArrayNode v = data.putArray("values");
        Arrays.stream(values).forEach(v::add);
        return i;
    }

    /**
     * A modal submit (type 5) of the modal {@code modalCustomId}, its text inputs' values by custom_id, in the given
     * layout; {@code messageId} is the message whose button opened the modal, or null.
     */
    public ObjectNode modalSubmit(User from, Channel where, String messageId, String modalCustomId,
                                  Map<String, String> values, ModalLayout layout) {
        ObjectNode i = interaction(5, from, where, messageId);
        ObjectNode data = i.putObject("data").put("custom_id", modalCustomId);
        ArrayNode components = data.putArray("components");
        int id = 1;
        for (Map.Entry<String, String> v : values.entrySet()) {
            ObjectNode input = JSON.createObjectNode().put("type", 4).put("custom_id", v.getKey()).put("value", v.getValue());
            if (layout == ModalLayout.ACTION_ROWS) {
                ObjectNode row = components.addObject().put("type", 1).put("id", id++);
                input.put("id", id++);
                row.putArray("components").add(input);
            } else {
                ObjectNode label = components.addObject().put("type", 18).put("id", id++);
                input.put("id", id++);
                label.set("component", input);
            }
        }
        return i;
    }

    /** POSTs an interaction to planbot's endpoint, signed as Discord signs it. */
    public Delivery deliver(URI endpoint, ObjectNode interaction) throws IOException, InterruptedException {
        return deliver(endpoint, interaction, Forgery.NONE);
    }

    /** POSTs an interaction to planbot's endpoint, signed as {@code forgery} says. */
    public Delivery deliver(URI endpoint, ObjectNode interaction, Forgery forgery) throws IOException, InterruptedException {
        byte[] body = interaction.toString().getBytes(StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        String timestamp = Long.toString(forgery == Forgery.STALE_TIMESTAMP ? now - 600 : now);
        String signature = sign(forgery == Forgery.WRONG_KEY ? otherKey.getPrivate() : appKey.getPrivate(), timestamp, body);
        byte[] sent = body;
        if (forgery == Forgery.MUTATED_BODY) {
            sent = interaction.deepCopy().put("application_id", "1100000000000000002").toString().getBytes(StandardCharsets.UTF_8);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sent));
        if (forgery != Forgery.NO_HEADERS) {
            b.header("X-Signature-Ed25519", signature).header("X-Signature-Timestamp", timestamp);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && interaction.path("type").asInt() != 1) {
            // over HTTP the answer to the POST is the initial response: checked and recorded as a callback would be
            callback(interaction.path("id").asText(), interaction.path("token").asText(),
                    r.body().getBytes(StandardCharsets.UTF_8));
        }
        return new Delivery(r.statusCode(), r.body());
    }

    /** The hex Ed25519 signature of {@code timestamp + body} with the application's key, as Discord sends it. */
    public String signature(String timestamp, byte[] body) {
        return sign(appKey.getPrivate(), timestamp, body);
    }

    // ---- the REST API

    private void api(Context ctx) throws InterruptedException {
        String path = ctx.path().substring(API.length());
        byte[] body = ctx.bodyAsBytes();
        Map<String, String> headers = new HashMap<>();
        ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        Misbehaviour m;
        synchronized (lock) {
            m = misbehaviours.poll();
        }
        if (m != null && m.delay != null) {
            Thread.sleep(m.delay.toMillis());
            m = null;
        }
        Answer a = m != null ? m.answer() : answer(ctx.method().name(), path, headers, body);
        ctx.status(a.status);
        a.headers.forEach(ctx::header);
        if (a.body != null) {
            ctx.contentType(a.contentType).result(a.body);
        }
        synchronized (lock) {
            calls.add(new Call(ctx.method().name(), path, new String(body, StandardCharsets.ISO_8859_1), headers,
                    clock.instant(), a.status));
        }
    }

    private Answer answer(String method, String path, Map<String, String> headers, byte[] body) {
        Matcher matcher;
        // the interaction endpoints are authorised by the interaction token in the path, not the bot token
        if ((matcher = CALLBACK.matcher(path)).matches() && method.equals("POST")) {
            return callback(matcher.group(1), matcher.group(2), body);
        }
        if ((matcher = ORIGINAL.matcher(path)).matches() && method.equals("PATCH")) {
            return editOriginal(matcher.group(1), matcher.group(2), body);
        }
        if ((matcher = FOLLOW_UP.matcher(path)).matches() && method.equals("POST")) {
            return followUp(matcher.group(1), matcher.group(2), body);
        }
        if (!("Bot " + TOKEN).equals(headers.get("authorization"))) {
            return error(401, 0, "401: Unauthorized");
        }
        Answer limited = rateLimited(method, path);
        if (limited != null) {
            return limited;
        }
        Map<String, String> rateHeaders = rateHeaders(method, path);
        Answer a = route(method, path, headers, body);
        a.headers.putAll(rateHeaders);
        return a;
    }

    private Answer route(String method, String path, Map<String, String> headers, byte[] body) {
        Matcher matcher;
        if (method.equals("GET") && path.equals("/users/@me")) {
            return ok(botUser().put("mfa_enabled", false).put("verified", true).put("flags", 0).put("locale", "en-US"));
        }
        // JDA asks for its application at /oauth2/applications/@me
        if (method.equals("GET") && (path.equals("/applications/@me") || path.equals("/oauth2/applications/@me"))) {
            return ok(application());
        }
        if (method.equals("GET") && (path.equals("/gateway") || path.equals("/gateway/bot"))) {
            return ok(gateway(path.endsWith("/bot")));
        }
        if (method.equals("POST") && path.equals("/users/@me/channels")) {
            return openDm(body);
        }
        if ((matcher = CHANNEL.matcher(path)).matches() && method.equals("GET")) {
            return getChannel(matcher.group(1));
        }
        if ((matcher = MESSAGES.matcher(path)).matches() && method.equals("POST")) {
            return postMessage(matcher.group(1), headers, body);
        }
        if ((matcher = MESSAGE.matcher(path)).matches() && method.equals("PATCH")) {
            return editMessage(matcher.group(1), matcher.group(2), body);
        }
        if ((matcher = COMMANDS.matcher(path)).matches()) {
            if (!APPLICATION_ID.equals(matcher.group(1))) {
                return error(403, 50001, "Missing Access");
            }
            if (method.equals("GET")) {
                return ok(commands());
            }
            if (method.equals("PUT")) {
                return overwriteCommands(body);
            }
        }
        return error(404, 0, "404: Not Found");
    }

    private Answer openDm(byte[] body) {
        JsonNode request = parse(body);
        String recipient = request == null ? "" : request.path("recipient_id").asText("");
        User u;
        synchronized (lock) {
            u = users.get(recipient);
        }
        if (u == null) {
            return error(404, 10013, "Unknown User");
        }
        Channel c = dm(u);
        ObjectNode channel = JSON.createObjectNode().put("id", c.id()).put("type", 1).put("flags", 0);
        channel.putNull("last_message_id");
        channel.putArray("recipients").add(u.json());
        return ok(channel);
    }

    private Answer postMessage(String channelId, Map<String, String> headers, byte[] body) {
        Answer refused = refusedChannel(channelId);
        if (refused != null) {
            return refused;
        }
        String contentType = headers.getOrDefault("content-type", "");
        JsonNode payload;
        List<Upload> files = new ArrayList<>();
        if (contentType.startsWith("multipart/form-data")) {
            Multipart form = Multipart.parse(contentType, body);
            if (form == null) {
                return invalid("", "the multipart body could not be read");
            }
            payload = form.payloadJson == null ? JSON.createObjectNode() : parse(form.payloadJson);
            files.addAll(form.files);
            if (form.payloadJson != null && payload == null) {
                return invalid("payload_json", "payload_json is not JSON");
            }
        } else {
            payload = parse(body);
        }
        if (payload == null || !payload.isObject()) {
            return error(400, 50109, "The request body contains invalid JSON.");
        }
        if (empty(payload) && files.isEmpty()) {
            return error(400, 50006, "Cannot send an empty message");
        }
        Answer problem = checkMessage((ObjectNode) payload, "");
        if (problem != null) {
            return problem;
        }
        ObjectNode message = message(channelId, (ObjectNode) payload, files);
        synchronized (lock) {
            messages.computeIfAbsent(channelId, k -> new ArrayList<>()).add(message);
            if (!files.isEmpty()) {
                uploads.put(message.get("id").asText(), List.copyOf(files));
            }
        }
        return ok(message.deepCopy());
    }

    private Answer editMessage(String channelId, String messageId, byte[] body) {
        Answer refused = refusedChannel(channelId);
        if (refused != null) {
            return refused;
        }
        JsonNode payload = parse(body);
        if (payload == null || !payload.isObject()) {
            return error(400, 50109, "The request body contains invalid JSON.");
        }
        Answer problem = checkMessage((ObjectNode) payload, "");
        if (problem != null) {
            return problem;
        }
        synchronized (lock) {
            ObjectNode message = find(channelId, messageId);
            if (message == null) {
                return error(404, 10008, "Unknown Message");
            }
            apply(message, (ObjectNode) payload);
            return ok(message.deepCopy());
        }
    }

    /** {@code GET /channels/{id}}: the channel, unless it is unknown (404 10003) or hidden from the bot (403 50001). */
    private Answer getChannel(String channelId) {
        synchronized (lock) {
            Channel c = channels.get(channelId);
            if (c == null) {
                return error(404, 10003, "Unknown Channel");
            }
            if (noAccess.contains(channelId)) {
                return error(403, 50001, "Missing Access");
            }
            ObjectNode channel = JSON.createObjectNode().put("id", c.id()).put("type", c.dm() ? 1 : 0);
            if (!c.dm()) {
                channel.put("guild_id", c.guildId()).put("name", c.name());
            }
            return ok(channel);
        }
    }

    /** Why the bot may not post in a channel (404 10003, 403 50001, 403 50013, 403 50007), or null. */
    private Answer refusedChannel(String channelId) {
        synchronized (lock) {
            Channel c = channels.get(channelId);
            if (c == null) {
                return error(404, 10003, "Unknown Channel");
            }
            if (noAccess.contains(channelId)) {
                return error(403, 50001, "Missing Access");
            }
            if (noPermission.contains(channelId)) {
                return error(403, 50013, "Missing Permissions");
            }
            if (c.dm() && dmsClosed.contains(c.dmWith().id())) {
                return error(403, 50007, "Cannot send messages to this user");
            }
            return null;
        }
    }

    private Answer overwriteCommands(byte[] body) {
        JsonNode list = parse(body);
        if (list == null || !list.isArray()) {
            return invalid("", "a bulk overwrite is an array of commands");
        }
        if (list.size() > 100) {
            return invalid("", "at most 100 commands");
        }
        ArrayNode stored = JSON.createArrayNode();
        Set<String> names = new HashSet<>();
        for (int c = 0; c < list.size(); c++) {
            JsonNode command = list.get(c);
            String at = Integer.toString(c);
            String problem = checkName(command, at);
            if (problem == null && !names.add(command.path("name").asText())) {
                problem = at + ".name: Application command names must be unique";
            }
            if (problem == null && command.path("type").asInt(1) == 1) {
                problem = checkDescription(command, at);
            }
            if (problem == null) {
                problem = checkOptions(command.path("options"), at + ".options", 0);
            }
            if (problem != null) {
                return violation(problem);
            }
            ObjectNode s = ((ObjectNode) command).deepCopy();
            s.put("id", snowflake()).put("application_id", APPLICATION_ID).put("version", snowflake());
            if (!s.has("type")) {
                s.put("type", 1);
            }
            stored.add(s);
        }
        synchronized (lock) {
            commands = stored;
        }
        return ok(stored.deepCopy());
    }

    private static String checkOptions(JsonNode options, String at, int depth) {
        if (options.isMissingNode() || options.isNull()) {
            return null;
        }
        if (!options.isArray() || options.size() > 25) {
            return at + ": Must be 25 or fewer in length.";
        }
        boolean optionalSeen = false;
        Set<String> names = new HashSet<>();
        for (int o = 0; o < options.size(); o++) {
            JsonNode option = options.get(o);
            String here = at + "." + o;
            String problem = checkName(option, here);
            if (problem == null) {
                problem = checkDescription(option, here);
            }
            if (problem != null) {
                return problem;
            }
            if (!names.add(option.path("name").asText())) {
                return here + ".name: Option names must be unique";
            }
            int type = option.path("type").asInt(0);
            if (type < 1 || type > 11) {
                return here + ".type: Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.";
            }
            if (type == 1 || type == 2) {
                if (depth >= (type == 2 ? 1 : 2)) {
                    return here + ".type: subcommands nest at most sub-command group → sub-command";
                }
                String inner = checkOptions(option.path("options"), here + ".options", depth + 1);
                if (inner != null) {
                    return inner;
                }
                continue;
            }
            boolean required = option.path("required").asBoolean(false);
            if (required && optionalSeen) {
                return here + ".required: Required options must be placed before non-required options";
            }
            optionalSeen |= !required;
            boolean autocomplete = option.path("autocomplete").asBoolean(false);
            JsonNode choices = option.path("choices");
            if (autocomplete && !(type == 3 || type == 4 || type == 10)) {
                return here + ".autocomplete: Autocomplete is only for string, integer and number options";
            }
            if (autocomplete && choices.isArray() && choices.size() > 0) {
                return here + ".autocomplete: Autocomplete cannot be set with choices";
            }
            if (choices.isArray() && choices.size() > 25) {
                return here + ".choices: Must be 25 or fewer in length.";
            }
        }
        return null;
    }

    private static String checkName(JsonNode node, String at) {
        String name = node.path("name").asText("");
        if (!COMMAND_NAME.matcher(name).matches()) {
            return at + ".name: names are 1-32 lower-case letters, digits, '-' or '_'";
        }
        return null;
    }

    private static String checkDescription(JsonNode node, String at) {
        int length = node.path("description").asText("").length();
        if (length < 1 || length > 100) {
            return at + ".description: Must be between 1 and 100 in length.";
        }
        return null;
    }

    // ---- interaction responses

    private Answer callback(String interactionId, String token, byte[] body) {
        JsonNode response = parse(body);
        synchronized (lock) {
            Issued i = interactions.get(interactionId);
            if (i == null || !i.token.equals(token)) {
                return error(404, 10062, "Unknown interaction");
            }
            return respond(i, response);
        }
    }

    /**
     * An initial response to an issued interaction, by REST callback or (HTTP mode) as the answer to the delivery:
     * once, within 3 s, checked like a message; it becomes the original response. Called holding the lock.
     */
    private Answer respond(Issued i, JsonNode response) {
        if (i.response != null) {
            violations.add("a second initial response to one interaction");
            return error(400, 40060, "Interaction has already been acknowledged.");
        }
        Duration after = Duration.between(i.at, clock.instant());
        if (after.compareTo(RESPONSE_WINDOW) > 0) {
            violations.add("an initial response " + after.toMillis() + " ms after the interaction (Discord allows 3 s)");
            return error(404, 10062, "Unknown interaction");
        }
        if (response == null || !response.isObject()) {
            return error(400, 50109, "The request body contains invalid JSON.");
        }
        String problem = checkResponse(i, (ObjectNode) response);
        if (problem != null) {
            return violation(problem);
        }
        i.response = ((ObjectNode) response).deepCopy();
        int type = response.path("type").asInt();
        ObjectNode data = response.path("data").isObject() ? (ObjectNode) response.get("data") : JSON.createObjectNode();
        if (type == 4 || type == 5) {
            i.original = message(i.channelId, data, List.of());
            i.original.put("interaction_pending", type == 5);
        } else if (type == 7 && i.messageId != null) {
            ObjectNode message = find(i.channelId, i.messageId);
            if (message != null) {
                apply(message, data);
                i.original = message;
            }
        } else if (type == 6 && i.messageId != null) {
            i.original = find(i.channelId, i.messageId);
        }
        return new Answer(204, null, "application/json", new LinkedHashMap<>());
    }

    /** What is wrong with an initial response to {@code i}, or null. */
    private String checkResponse(Issued i, ObjectNode response) {
        int type = response.path("type").asInt(0);
        JsonNode data = response.path("data");
        switch (type) {
            case 4:
            case 7:
                if (type == 7 && i.messageId == null) {
                    return "type: UPDATE_MESSAGE (7) is only for an interaction on a message";
                }
                if (i.type == 4) {
                    return "type: an autocomplete interaction takes only type 8";
                }
                if (!data.isObject()) {
                    return "data: a message response needs data";
                }
                if (type == 4 && empty(data)) {
                    return "data: Cannot send an empty message";
                }
                return messageProblem((ObjectNode) data, "data");
            case 5:
                return i.type == 4 ? "type: an autocomplete interaction takes only type 8" : null;
            case 6:
                return i.messageId == null ? "type: DEFERRED_UPDATE_MESSAGE (6) is only for an interaction on a message" : null;
            case 8:
                if (i.type != 4) {
                    return "type: APPLICATION_COMMAND_AUTOCOMPLETE_RESULT (8) answers only autocomplete";
                }
                JsonNode choices = data.path("choices");
                if (!choices.isArray() || choices.size() > 25) {
                    return "data.choices: Must be an array of 25 or fewer.";
                }
                for (int c = 0; c < choices.size(); c++) {
                    int length = choices.get(c).path("name").asText("").length();
                    if (length < 1 || length > 100 || !choices.get(c).has("value")) {
                        return "data.choices." + c + ": a choice has a name of 1-100 characters and a value";
                    }
                }
                return null;
            case 9:
                if (i.type == 4 || i.type == 5) {
                    return "type: a MODAL (9) cannot answer an autocomplete or a modal submit";
                }
                return modalProblem(data);
            default:
                return "type: Value must be one of {4, 5, 6, 7, 8, 9}.";
        }
    }

    private Answer editOriginal(String applicationId, String token, byte[] body) {
        JsonNode payload = parse(body);
        synchronized (lock) {
            Issued i = byToken.get(token);
            Answer refused = refusedWebhook(applicationId, i);
            if (refused != null) {
                return refused;
            }
            if (i.original == null) {
                return error(404, 10008, "Unknown Message");
            }
            if (payload == null || !payload.isObject()) {
                return error(400, 50109, "The request body contains invalid JSON.");
            }
            String problem = messageProblem((ObjectNode) payload, "");
            if (problem != null) {
                return violation(problem);
            }
            apply(i.original, (ObjectNode) payload);
            i.original.put("interaction_pending", false);
            return ok(i.original.deepCopy());
        }
    }

    private Answer followUp(String applicationId, String token, byte[] body) {
        JsonNode payload = parse(body);
        synchronized (lock) {
            Issued i = byToken.get(token);
            Answer refused = refusedWebhook(applicationId, i);
            if (refused != null) {
                return refused;
            }
            if (i.response == null) {
                return error(404, 10015, "Unknown Webhook");
            }
            if (payload == null || !payload.isObject()) {
                return error(400, 50109, "The request body contains invalid JSON.");
            }
            if (empty(payload)) {
                return error(400, 50006, "Cannot send an empty message");
            }
            String problem = messageProblem((ObjectNode) payload, "");
            if (problem != null) {
                return violation(problem);
            }
            ObjectNode message = message(i.channelId, (ObjectNode) payload, List.of());
            i.followUps.add(message);
            return ok(message.deepCopy());
        }
    }

    private Answer refusedWebhook(String applicationId, Issued i) {
        if (i == null || !APPLICATION_ID.equals(applicationId)) {
            return error(404, 10015, "Unknown Webhook");
        }
        if (Duration.between(i.at, clock.instant()).compareTo(TOKEN_LIFETIME) > 0) {
            return error(401, 50027, "Invalid Webhook Token");
        }
        return null;
    }

    // ---- limits

    /** A 400 50035 naming the field when a message body breaks a limit, else null. */
    private Answer checkMessage(ObjectNode payload, String at) {
        String problem = messageProblem(payload, at);
        return problem == null ? null : violation(problem);
    }

    /** The first breach in a message body ({@code embeds.0.title: Must be 256 or fewer in length.}), or null. */
    static String messageProblem(ObjectNode m, String at) {
        String prefix = at.isEmpty() ? "" : at + ".";
        JsonNode mentions = m.path("allowed_mentions");
        if (!mentions.isObject()) {
            return prefix + "allowed_mentions: required on every message (with parse: []), so that nothing pings";
        }
        JsonNode parse = mentions.path("parse");
        if (!parse.isMissingNode() && !(parse.isArray() && parse.size() == 0)) {
            return prefix + "allowed_mentions.parse: must be empty, so that nothing pings";
        }
        if (m.path("content").asText("").length() > 2000) {
            return prefix + "content: Must be 2000 or fewer in length.";
        }
        String embeds = embedsProblem(m.path("embeds"), prefix + "embeds");
        if (embeds != null) {
            return embeds;
        }
        return componentsProblem(m.path("components"), prefix + "components");
    }

    private static String embedsProblem(JsonNode embeds, String at) {
        if (embeds.isMissingNode() || embeds.isNull()) {
            return null;
        }
        if (!embeds.isArray() || embeds.size() > 10) {
            return at + ": Must be 10 or fewer in length.";
        }
        int total = 0;
        for (int e = 0; e < embeds.size(); e++) {
            JsonNode embed = embeds.get(e);
            String here = at + "." + e;
            String p = max(embed.path("title"), 256, here + ".title");
            p = p != null ? p : max(embed.path("description"), 4096, here + ".description");
            p = p != null ? p : max(embed.path("footer").path("text"), 2048, here + ".footer.text");
            p = p != null ? p : max(embed.path("author").path("name"), 256, here + ".author.name");
            if (p != null) {
                return p;
            }
            total += length(embed.path("title")) + length(embed.path("description")) + length(embed.path("footer").path("text"))
                    + length(embed.path("author").path("name"));
            JsonNode fields = embed.path("fields");
            if (fields.isArray()) {
                if (fields.size() > 25) {
                    return here + ".fields: Must be 25 or fewer in length.";
                }
                for (int f = 0; f < fields.size(); f++) {
                    JsonNode field = fields.get(f);
                    String fat = here + ".fields." + f;
                    if (length(field.path("name")) < 1 || length(field.path("value")) < 1) {
                        return fat + ": a field needs a name and a value";
                    }
                    p = max(field.path("name"), 256, fat + ".name");
                    p = p != null ? p : max(field.path("value"), 1024, fat + ".value");
                    if (p != null) {
                        return p;
                    }
                    total += length(field.path("name")) + length(field.path("value"));
                }
            }
        }
        return total > 6000 ? at + ": Embed size exceeds maximum size of 6000" : null;
    }

    private static String componentsProblem(JsonNode rows, String at) {
        if (rows.isMissingNode() || rows.isNull()) {
            return null;
        }
        if (!rows.isArray() || rows.size() > 5) {
            return at + ": Must be 5 or fewer in length.";
        }
        Set<String> customIds = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String here = at + "." + r;
            if (row.path("type").asInt() != 1) {
                return here + ".type: top-level components must be action rows (type 1)";
            }
            JsonNode children = row.path("components");
            if (!children.isArray() || children.size() < 1 || children.size() > 5) {
                return here + ".components: an action row holds 1 to 5 components";
            }
            for (int c = 0; c < children.size(); c++) {
                JsonNode child = children.get(c);
                String cat = here + ".components." + c;
                int type = child.path("type").asInt();
                String p;
                if (type == 2) {
                    p = buttonProblem(child, cat);
                } else if (SELECT_TYPES.contains(type)) {
                    p = children.size() != 1 ? cat + ": a select menu must be alone in its action row" : selectProblem(child, cat);
                } else {
                    p = cat + ".type: a message's action row holds buttons (2) or one select menu (3, 5-8)";
                }
                if (p != null) {
                    return p;
                }
                String customId = child.path("custom_id").asText(null);
                if (customId != null && !customIds.add(customId)) {
                    return cat + ".custom_id: Component custom id cannot be duplicated";
                }
            }
        }
        return null;
    }

    private static String buttonProblem(JsonNode b, String at) {
        int style = b.path("style").asInt(0);
        if (style < 1 || style > 6) {
            return at + ".style: Value must be one of {1, 2, 3, 4, 5, 6}.";
        }
        String p = max(b.path("label"), 80, at + ".label");
        if (p != null) {
            return p;
        }
        if (style == 5) {
            return b.path("url").asText("").isEmpty() || b.has("custom_id") ? at + ": a link button has a url and no custom_id" : null;
        }
        if (style == 6) {
            return null;
        }
        if (!b.has("label") && !b.has("emoji")) {
            return at + ": a button needs a label or an emoji";
        }
        return customIdProblem(b, at);
    }

    private static String selectProblem(JsonNode s, String at) {
        String p = customIdProblem(s, at);
        p = p != null ? p : max(s.path("placeholder"), 150, at + ".placeholder");
        if (p != null) {
            return p;
        }
        if (s.path("type").asInt() == 3) {
            JsonNode options = s.path("options");
            if (!options.isArray() || options.size() < 1 || options.size() > 25) {
                return at + ".options: a select menu has 1 to 25 options";
            }
            for (int o = 0; o < options.size(); o++) {
                JsonNode option = options.get(o);
                String oat = at + ".options." + o;
                if (length(option.path("label")) < 1 || length(option.path("value")) < 1) {
                    return oat + ": an option needs a label and a value";
                }
                p = max(option.path("label"), 100, oat + ".label");
                p = p != null ? p : max(option.path("value"), 100, oat + ".value");
                p = p != null ? p : max(option.path("description"), 100, oat + ".description");
                if (p != null) {
                    return p;
                }
            }
        }
        int min = s.path("min_values").asInt(1);
        int maxValues = s.path("max_values").asInt(1);
        if (min < 0 || min > 25 || maxValues < 1 || maxValues > 25 || min > maxValues) {
            return at + ".max_values: min_values and max_values must be within 0-25 and in order";
        }
        return null;
    }

    private static String customIdProblem(JsonNode c, String at) {
        int length = length(c.path("custom_id"));
        if (length < 1 || length > 100) {
            return at + ".custom_id: Must be between 1 and 100 in length.";
        }
        return null;
    }

    /** A modal's data: custom_id, title ≤ 45, 1-5 rows, each a text input in an action row or in a label. */
    private static String modalProblem(JsonNode data) {
        String p = customIdProblem(data, "data");
        if (p != null) {
            return p;
        }
        if (length(data.path("title")) < 1 || length(data.path("title")) > 45) {
            return "data.title: Must be between 1 and 45 in length.";
        }
        JsonNode rows = data.path("components");
        if (!rows.isArray() || rows.size() < 1 || rows.size() > 5) {
            return "data.components: a modal has 1 to 5 components";
        }
        Set<String> customIds = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String at = "data.components." + r;
            JsonNode input;
            if (row.path("type").asInt() == 1) {
                JsonNode inner = row.path("components");
                if (!inner.isArray() || inner.size() != 1 || inner.get(0).path("type").asInt() != 4) {
                    return at + ".components: a modal's action row holds exactly one text input (type 4)";
                }
                input = inner.get(0);
                if (length(input.path("label")) < 1 || length(input.path("label")) > 45) {
                    return at + ".components.0.label: Must be between 1 and 45 in length.";
                }
            } else if (row.path("type").asInt() == 18) {
                if (length(row.path("label")) < 1 || length(row.path("label")) > 45) {
                    return at + ".label: Must be between 1 and 45 in length.";
                }
                input = row.path("component");
                int type = input.path("type").asInt();
                if (type != 4 && !SELECT_TYPES.contains(type)) {
                    return at + ".component: a label holds a text input or a select menu";
                }
                if (input.has("label")) {
                    return at + ".component.label: a text input in a label has no label of its own";
                }
            } else {
                return at + ".type: a modal holds action rows (1) or labels (18)";
            }
            p = customIdProblem(input, at + ".input");
            if (p != null) {
                return p;
            }
            if (!customIds.add(input.path("custom_id").asText())) {
                return at + ": Component custom id cannot be duplicated";
            }
            int style = input.path("style").asInt(1);
            if (input.path("type").asInt() == 4 && style != 1 && style != 2) {
                return at + ".style: a text input is short (1) or paragraph (2)";
            }
            p = max(input.path("value"), 4000, at + ".value");
            p = p != null ? p : max(input.path("placeholder"), 100, at + ".placeholder");
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String max(JsonNode text, int limit, String at) {
        return length(text) > limit ? at + ": Must be " + limit + " or fewer in length." : null;
    }

    private static int length(JsonNode text) {
        return text.isTextual() ? text.asText().length() : 0;
    }

    private static boolean empty(JsonNode m) {
        return m.path("content").asText("").isEmpty() && (!m.path("embeds").isArray() || m.path("embeds").size() == 0)
                && (!m.path("components").isArray() || m.path("components").size() == 0)
                && !m.path("poll").isObject() && !m.path("sticker_ids").isArray();
    }

    // ---- rate limits

    private record RateRule(String method, String pathPrefix, int limit, Duration window, String bucket) {
    }

    private Answer rateLimited(String method, String path) {
        Instant now = clock.instant();
        synchronized (lock) {
            for (RateRule rule : rateRules) {
                if (!rule.method().equals(method) || !path.startsWith(rule.pathPrefix())) {
                    continue;
                }
                Deque<Instant> used = rateUse.computeIfAbsent(rule, k -> new ArrayDeque<>());
                while (!used.isEmpty() && !used.peekFirst().plus(rule.window()).isAfter(now)) {
                    used.pollFirst();
                }
                if (used.size() >= rule.limit()) {
                    double wait = Math.max(0.001, Duration.between(now, used.peekFirst().plus(rule.window())).toMillis() / 1000.0);
                    Answer a = tooMany(wait, false);
                    a.headers.put("X-RateLimit-Limit", Integer.toString(rule.limit()));
                    a.headers.put("X-RateLimit-Remaining", "0");
                    a.headers.put("X-RateLimit-Reset-After", seconds(wait));
                    a.headers.put("X-RateLimit-Reset", seconds(now.toEpochMilli() / 1000.0 + wait));
                    a.headers.put("X-RateLimit-Bucket", rule.bucket());
                    return a;
                }
                used.addLast(now);
            }
            return null;
        }
    }

    private Map<String, String> rateHeaders(String method, String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        Instant now = clock.instant();
        synchronized (lock) {
            for (RateRule rule : rateRules) {
                if (rule.method().equals(method) && path.startsWith(rule.pathPrefix())) {
                    Deque<Instant> used = rateUse.getOrDefault(rule, new ArrayDeque<>());
                    double resetAfter = used.isEmpty() ? rule.window().toMillis() / 1000.0
                            : Duration.between(now, used.peekFirst().plus(rule.window())).toMillis() / 1000.0;
                    headers.put("X-RateLimit-Limit", Integer.toString(rule.limit()));
                    headers.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, rule.limit() - used.size())));
                    headers.put("X-RateLimit-Reset-After", seconds(resetAfter));
                    headers.put("X-RateLimit-Reset", seconds(now.toEpochMilli() / 1000.0 + resetAfter));
                    headers.put("X-RateLimit-Bucket", rule.bucket());
                }
            }
        }
        return headers;
    }

    private static Answer tooMany(double retryAfter, boolean global) {
        ObjectNode body = JSON.createObjectNode().put("message", "You are being rate limited.")
                .put("retry_after", retryAfter).put("global", global);
        Answer a = new Answer(429, body.toString(), "application/json", new LinkedHashMap<>());
        a.headers.put("Retry-After", Long.toString((long) Math.ceil(retryAfter)));
        a.headers.put("X-RateLimit-Scope", global ? "global" : "user");
        if (global) {
            a.headers.put("X-RateLimit-Global", "true");
        }
        return a;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private record Misbehaviour(int status, int code, double retryAfter, boolean global, Duration delay, boolean notJson) {
        Answer answer() {
            if (status == 429 && notJson) {
                Answer a = new Answer(429, "<html><body>error code: 1015</body></html>", "text/html", new LinkedHashMap<>());
                a.headers.put("Retry-After", Long.toString((long) Math.ceil(retryAfter)));
                return a;
            }
            if (status == 429) {
                return tooMany(retryAfter, global);
            }
            return error(status, code, status >= 500 ? "Internal Server Error" : "Refused by the test");
        }
    }

    private FakeDiscord misbehave(Misbehaviour m) {
        synchronized (lock) {
            misbehaviours.add(m);
        }
        return this;
    }

    // ---- state

    /** An interaction the fake sent: what its token may do, and what planbot answered. */
    private static final class Issued {
        final String token;
        final int type;
        final Instant at;
        final String channelId;
        final String messageId;
        ObjectNode response;
        ObjectNode original;
        final List<ObjectNode> followUps = new ArrayList<>();

        Issued(String token, int type, Instant at, String channelId, String messageId) {
            this.token = token;
            this.type = type;
            this.at = at;
            this.channelId = channelId;
            this.messageId = messageId;
        }
    }

    private ObjectNode interaction(int type, User from, Channel where, String messageId) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(where, "where");
        String id = snowflake();
        String token = interactionToken();
        ObjectNode i = JSON.createObjectNode().put("id", id).put("application_id", APPLICATION_ID).put("type", type)
                .put("token", token).put("version", 1).put("locale", "en-GB").put("app_permissions", "562949953421311");
        i.putArray("entitlements");
        ObjectNode channel = i.putObject("channel").put("id", where.id());
        i.put("channel_id", where.id());
        if (where.dm()) {
            channel.put("type", 1);
            channel.putArray("recipients").add(from.json());
            i.set("user", from.json());
            i.put("context", 1);
            i.putObject("authorizing_integration_owners").put("0", GUILD_ID);
        } else {
            channel.put("type", 0).put("guild_id", GUILD_ID).put("name", where.name());
            i.put("guild_id", GUILD_ID).put("guild_locale", "en-GB").put("context", 0);
            i.putObject("guild").put("id", GUILD_ID).put("locale", "en-GB").putArray("features");
            ObjectNode member = i.putObject("member");
            member.set("user", from.json());
            member.putArray("roles");
            member.put("permissions", "2248473465835073").put("joined_at", "2025-01-06T09:00:00.000000+00:00")
                    .put("deaf", false).put("mute", false).put("pending", false).put("flags", 0);
            member.putNull("nick");
            i.putObject("authorizing_integration_owners").put("0", GUILD_ID);
        }
        if (messageId != null) {
            ObjectNode message;
            synchronized (lock) {
                message = find(where.id(), messageId);
            }
            if (message == null) {
                throw new IllegalArgumentException("the bot posted no message " + messageId + " in channel " + where.id());
            }
            i.set("message", message.deepCopy());
        }
        synchronized (lock) {
            Issued issued = new Issued(token, type, clock.instant(), where.id(), messageId);
            interactions.put(id, issued);
            byToken.put(token, issued);
        }
        return i;
    }

    private ObjectNode commandData(JsonNode options, Channel where) {
        ObjectNode data = JSON.createObjectNode().put("id", commandId()).put("name", "plan").put("type", 1);
        if (!where.dm()) {
            data.put("guild_id", GUILD_ID);
        }
        data.set("options", options);
        return data;
    }

    private static ArrayNode subcommand(String name, ArrayNode options) {
        ArrayNode top = JSON.createArrayNode();
        ObjectNode sub = top.addObject().put("name", name).put("type", 1);
        sub.set("options", options);
        return top;
    }

    /** The registered {@code plan} command's id, or a made-up one before registration. */
    private String commandId() {
        synchronized (lock) {
            for (JsonNode c : commands) {
                if ("plan".equals(c.path("name").asText())) {
                    return c.path("id").asText();
                }
            }
        }
        return "1300000000000000000";
    }

    private ObjectNode message(String channelId, ObjectNode payload, List<Upload> files) {
        ObjectNode m = JSON.createObjectNode().put("id", snowflake()).put("channel_id", channelId).put("type", 0)
                .put("content", payload.path("content").asText(""))
                .put("timestamp", clock.instant().toString()).put("flags", payload.path("flags").asInt(0))
                .put("tts", false).put("mention_everyone", false).put("pinned", false);
        m.putNull("edited_timestamp");
        m.set("author", botUser());
        m.set("embeds", payload.path("embeds").isArray() ? payload.get("embeds").deepCopy() : JSON.createArrayNode());
        m.set("components", payload.path("components").isArray() ? payload.get("components").deepCopy() : JSON.createArrayNode());
        m.set("allowed_mentions", payload.path("allowed_mentions").deepCopy());
        m.putArray("mentions");
        m.putArray("mention_roles");
        ArrayNode attachments = m.putArray("attachments");
        for (Upload u : files) {
            String id = snowflake();
            attachments.addObject().put("id", id).put("filename", u.fileName()).put("size", u.bytes().length)
                    .put("content_type", u.contentType()).put("url", url() + "/attachments/" + channelId + "/" + id + "/" + u.fileName());
        }
        return m;
    }

    /** An edit: the fields given replace the message's; {@code edited_timestamp} is set. */
    private void apply(ObjectNode message, ObjectNode edit) {
        for (String field : List.of("content", "embeds", "components", "flags", "allowed_mentions")) {
            if (edit.has(field)) {
                message.set(field, edit.get(field).deepCopy());
            }
        }
        message.put("edited_timestamp", clock.instant().toString());
    }

    private ObjectNode find(String channelId, String messageId) {
        for (ObjectNode m : messages.getOrDefault(channelId, List.of())) {
            if (m.path("id").asText().equals(messageId)) {
                return m;
            }
        }
        return null;
    }

    private static ObjectNode botUser() {
        ObjectNode u = JSON.createObjectNode().put("id", BOT_USER_ID).put("username", BOT_NAME).put("discriminator", "0")
                .put("bot", true).put("system", false).put("public_flags", 0);
        u.putNull("avatar");
        u.putNull("global_name");
        return u;
    }

    private ObjectNode application() {
        ObjectNode app = JSON.createObjectNode().put("id", APPLICATION_ID).put("name", BOT_NAME).put("description", "")
                .put("bot_public", false).put("bot_require_code_grant", false).put("verify_key", publicKeyHex())
                .put("flags", 0).put("summary", "");
        app.putNull("icon");
        app.putNull("team");
        app.set("owner", JSON.createObjectNode().put("id", "1000000000000000001").put("username", "owner")
                .put("discriminator", "0").put("public_flags", 0).putNull("avatar"));
        app.set("bot", botUser());
        app.putArray("tags");
        app.putArray("redirect_uris");
        return app;
    }

    private ObjectNode gateway(boolean bot) {
        ObjectNode g = JSON.createObjectNode();
        synchronized (lock) {
            g.put("url", gatewayUrl);
        }
        if (bot) {
            g.put("shards", 1);
            g.putObject("session_start_limit").put("total", 1000).put("remaining", 999).put("reset_after", 14_400_000)
                    .put("max_concurrency", 1);
        }
        return g;
    }

    // ---- answers

    private static final class Answer {
        final int status;
        final String body;
        final String contentType;
        final Map<String, String> headers;

        Answer(int status, String body, String contentType, Map<String, String> headers) {
            this.status = status;
            this.body = body;
            this.contentType = contentType;
            this.headers = headers;
        }
    }

    private static Answer ok(JsonNode body) {
        return new Answer(200, body.toString(), "application/json", new LinkedHashMap<>());
    }

    private static Answer error(int status, int code, String message) {
        ObjectNode body = JSON.createObjectNode().put("message", message).put("code", code);
        return new Answer(status, body.toString(), "application/json", new LinkedHashMap<>());
    }

    /** 400 50035 with Discord's nested {@code errors} for the field a problem names ({@code a.0.b: reason}). */
    private Answer violation(String problem) {
        synchronized (lock) {
            violations.add(problem);
        }
        return invalid(problem.contains(": ") ? problem.substring(0, problem.indexOf(": ")) : "",
                problem.contains(": ") ? problem.substring(problem.indexOf(": ") + 2) : problem);
    }

    private static Answer invalid(String field, String reason) {
        ObjectNode body = JSON.createObjectNode().put("message", "Invalid Form Body").put("code", 50035);
        ObjectNode errors = body.putObject("errors");
        ObjectNode at = errors;
        if (!field.isEmpty()) {
            for (String part : field.split("\\.")) {
                at = at.putObject(part);
            }
        }
        at.putArray("_errors").addObject().put("code", "BASE_TYPE_INVALID").put("message", reason);
        return new Answer(400, body.toString(), "application/json", new LinkedHashMap<>());
    }

    // ---- multipart, keys, ids

    /** A {@code multipart/form-data} body as Discord reads it: {@code payload_json} and {@code files[n]}. */
    private static final class Multipart {
        String payloadJson;
        final List<Upload> files = new ArrayList<>();

        static Multipart parse(String contentType, byte[] body) {
            Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
            if (!b.find()) {
                return null;
            }
            String text = new String(body, StandardCharsets.ISO_8859_1);
            String delimiter = "--" + b.group(1);
            Multipart form = new Multipart();
            String[] parts = text.split(Pattern.quote(delimiter));
            if (parts.length < 2 || !parts[parts.length - 1].startsWith("--")) {
                return null;
            }
            for (int p = 1; p < parts.length - 1; p++) {
                String part = parts[p];
                int split = part.indexOf("\r\n\r\n");
                if (!part.startsWith("\r\n") || split < 0 || !part.endsWith("\r\n")) {
                    return null;
                }
                String head = part.substring(2, split);
                String content = part.substring(split + 4, part.length() - 2);
                Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(head);
                Matcher file = Pattern.compile("filename=\"([^\"]+)\"").matcher(head);
                Matcher type = Pattern.compile("(?i)content-type:\\s*([^\\r\\n]+)").matcher(head);
                if (!name.find()) {
                    return null;
                }
                if (name.group(1).equals("payload_json")) {
                    form.payloadJson = new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                } else if (name.group(1).matches("files\\[\\d+]") && file.find()) {
                    form.files.add(new Upload(file.group(1), type.find() ? type.group(1).strip() : "application/octet-stream",
                            content.getBytes(StandardCharsets.ISO_8859_1)));
                }
            }
            return form;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException ex) {
            return null;
        }
    }

    private static JsonNode parse(String body) {
        return body == null ? null : parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(PrivateKey key, String timestamp, byte[] body) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(timestamp.getBytes(StandardCharsets.UTF_8));
            s.update(body);
            return HexFormat.of().formatHex(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32-byte public key: the X.509 encoding's last 32 bytes. */
    private static String rawHex(KeyPair pair) {
        byte[] der = pair.getPublic().getEncoded();
        return HexFormat.of().formatHex(der, der.length - 32, der.length);
    }

    private String snowflake() {
        return Long.toString(ids.incrementAndGet());
    }

    private String interactionToken() {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        StringBuilder b = new StringBuilder("aW50ZXJhY3Rpb246");
        for (int i = 0; i < 80; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static <T> T await(Supplier<T> read, Predicate<T> done, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " within " + timeout + "; have " + value);
            }
            Thread.sleep(10);
            value = read.get();
        }
        return value;
    }
}
