package planbot.teams.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Microsoft Teams for tests: the Bot Connector, Microsoft Entra's token endpoint and both OpenID metadata
 * documents, on one Javalin server on a random loopback port, keeping the contract planbot relies on.
 * {@link #settings()} gives the {@code TEAMS_*} values that point planbot at it.
 *
 * <p>What it serves:
 * <ul>
 *   <li>the Bot Framework OpenID metadata ({@link #openIdMetadataUrl()}) and its JWKS: an RSA key of its own with
 *       {@code endorsements:["msteams"]} (plus one endorsed only for {@code webchat}); {@link #rotateKey()} replaces
 *       the first, {@link #jwksFetches()} counts fetches;</li>
 *   <li>the single-tenant bot's Entra metadata ({@code /{tenant}/v2.0/.well-known/openid-configuration}, next to the
 *       token endpoint, as at login.microsoftonline.com) and its JWKS, a key without endorsements;</li>
 *   <li>the token endpoint ({@code /{tenant}/oauth2/v2.0/token}): a form POST with {@code grant_type=client_credentials},
 *       the right client id, secret and scope {@code https://api.botframework.com/.default} gets an opaque token
 *       valid for {@link #tokenLifetime} ({@code expires_in}); anything else gets Entra's error
 *       ({@code invalid_client}, {@code unauthorized_client}, {@code invalid_scope}, …);</li>
 *   <li>the Connector API under {@link #serviceUrl()}, which carries a path like real ones
 *       ({@code http://127.0.0.1:PORT/amer/<tenant>/}) and also at the root: {@code POST /v3/conversations},
 *       {@code POST|PUT …/conversations/{id}/activities[/{activityId}]}, {@code GET …/members/{user}},
 *       {@code GET …/pagedmembers}.</li>
 * </ul>
 *
 * <p>What the Connector enforces, answering as Teams does: a bearer token it issued and that is neither expired nor
 * {@linkplain #revokeTokens() revoked} (401); known conversations (404 {@code ConversationNotFound}), including
 * those {@linkplain #gone marked gone}; users who {@linkplain #uninstall uninstalled} the app (403
 * {@code BotNotInConversationRoster}) or {@linkplain #block blocked} it (403 {@code ConversationBlockedByUser});
 * activities of type {@code message} with text or attachments, Adaptive Card attachments
 * ({@code application/vnd.microsoft.card.adaptive}) of version ≤ 1.5 whose elements and actions are of known
 * types, mention entities whose {@code text} is in the message (400 {@code BadArgument}, and a
 * {@linkplain #violations() violation}); the whole activity ≤ 28 KB (413 {@code MessageSizeTooBig}); per
 * conversation at most {@link #rateLimit} messages per window (429 with {@code Retry-After}). It records every call
 * ({@link #calls()}) with the fake's clock, keeps the activities that stand in each conversation
 * ({@link #activities}), and waits for them ({@link #awaitActivities}).
 *
 * <p>It also plays Teams towards planbot: builders for the activities real Teams sends ({@link #message},
 * {@link #mention}, {@link #submit}, {@link #execute}, {@link #botAdded}, {@link #memberJoined},
 * {@link #installationUpdate}) and {@link #deliver}, which signs a JWT for an activity and POSTs it, genuine or
 * with a {@link Token forgery}.
 *
 * <p>Thread-safe; one per test, closed after it.
 */
public final class FakeBotConnector implements AutoCloseable {
    public static final String APP_ID = "5f2b1c3e-7a4d-4e8f-9b6a-0c1d2e3f4a5b";
    public static final String APP_PASSWORD = "fake~bot~client~secret~Q8xT";
    public static final String TENANT_ID = "8d6f0b9e-1c2a-4b3d-9e8f-7a6b5c4d3e2f";
    /** The bot as Teams names it in activities (recipient, mentions). */
    public static final String BOT_ID = "28:" + APP_ID;
    /** The bot's display name in mentions: not "planbot", as a council may name the app anything. */
    public static final String BOT_NAME = "planbot dev";
    public static final String SCOPE = "https://api.botframework.com/.default";
    public static final String BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
    public static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";
    /** Teams refuses activities larger than this. */
    public static final int MAX_ACTIVITY_BYTES = 28 * 1024;

    static final Set<String> ELEMENTS = Set.of("TextBlock", "RichTextBlock", "FactSet", "ColumnSet", "Container",
            "Image", "ImageSet", "ActionSet", "Table", "Input.Text", "Input.Date", "Input.Time", "Input.Number",
            "Input.Toggle", "Input.ChoiceSet");
    static final Set<String> ACTIONS = Set.of("Action.Submit", "Action.ShowCard", "Action.Execute", "Action.OpenUrl",
            "Action.ToggleVisibility");
    private static final Pattern VERSION = Pattern.compile("1\\.[0-5]");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONNECTOR = Pattern.compile("^(?:/amer/[^/]+)?/v3/conversations(?:/([^/]+)(/.*)?)?$");

    /** Keys are slow to make: one set per test JVM. */
    private static final RSAKey WEBCHAT_KEY = rsa("fake-webchat-key");
    private static final RSAKey ENTRA_KEY = rsa("fake-entra-key");
    private static final RSAKey FORGER_KEY = rsa("fake-forger-key");

    /** How {@link #deliver(URI, ObjectNode, Token)} signs: genuinely, or with one thing wrong. */
    public enum Token {
        /** As the Bot Connector signs: its key, issuer api.botframework.com, audience our app id, serviceurl claim. */
        VALID,
        /** As Entra signs for a single-tenant bot: the tenant's Entra key and v2.0 issuer. */
        ENTRA,
        /** Our key id, someone else's key: the signature does not verify. */
        FORGED_SIGNATURE,
        /** A key id the JWKS does not have (someone else's key). */
        UNKNOWN_KEY,
        /** Expired ten minutes ago (beyond the five minutes' skew). */
        EXPIRED,
        /** Not valid for another ten minutes. */
        NOT_YET_VALID,
        /** For another bot. */
        WRONG_AUDIENCE,
        /** Signed with the real key, but issued as someone else. */
        WRONG_ISSUER,
        /** The serviceurl claim names another service than the activity's serviceUrl. */
        SERVICE_URL_MISMATCH,
        /** Signed with a published key that is endorsed for webchat, not msteams. */
        NOT_ENDORSED,
        /** {@code alg: none}. */
        UNSIGNED,
        /** No Authorization header at all. */
        NO_HEADER
    }

    /** A Teams user: the per-bot id ({@code 29:…}), the Entra object id, and what the members API tells. */
    public record User(String id, String aadObjectId, String name, String email, String userPrincipalName) {
        public User {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(aadObjectId, "aadObjectId");
            Objects.requireNonNull(name, "name");
        }

        ObjectNode account() {
            return JSON.createObjectNode().put("id", id).put("name", name).put("aadObjectId", aadObjectId);
        }
    }

    /** A channel of a team; a team's General channel has the team's id. */
    public record Channel(String teamId, String id, String name) {
        public Channel {
            Objects.requireNonNull(teamId, "teamId");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Where an activity happens: its {@code conversation} and {@code channelData}. */
    public record Where(ObjectNode conversation, ObjectNode channelData) {
        public String conversationId() {
            return conversation.get("id").asText();
        }
    }

    /**
     * One request as the fake received it.
     *
     * @param method  GET, POST or PUT
     * @param path    the path, URL-decoded, with the query string if any
     * @param body    the raw body
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

    /** The bot's answer to a {@link #deliver delivered} activity. */
    public record Delivery(int status, String body) {
    }

    private final Clock clock;
    private final Javalin server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Object lock = new Object();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong(1_700_000_000_000L);
    private final List<Call> calls = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Instant> tokens = new HashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, String> personal = new HashMap<>();
    private final Map<String, List<User>> rosters = new HashMap<>();
    private final Map<String, String> teamOfChannel = new HashMap<>();
    private final Set<String> uninstalled = new HashSet<>();
    private final Set<String> blocked = new HashSet<>();
    private final Set<String> gone = new HashSet<>();
    private final Map<String, List<ObjectNode>> activities = new LinkedHashMap<>();
    private final Map<String, Deque<Instant>> sends = new HashMap<>();
    private final Deque<Misbehaviour> misbehaviours = new ArrayDeque<>();
    private RSAKey key = rsa("fake-bf-key-1");
    private int keyVersion = 1;
    private int jwksFetches;
    private int tokensIssued;
    private Duration tokenLifetime = Duration.ofHours(1);
    private int perWindow = 7;
    private Duration window = Duration.ofSeconds(1);

    private FakeBotConnector(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/botframework/v1/.well-known/openidconfiguration", this::botFrameworkMetadata);
            cfg.routes.get("/botframework/v1/.well-known/keys", this::botFrameworkKeys);
            cfg.routes.get("/{tenant}/v2.0/.well-known/openid-configuration", this::entraMetadata);
            cfg.routes.get("/{tenant}/discovery/v2.0/keys", this::entraKeys);
            cfg.routes.post("/{tenant}/oauth2/v2.0/token", this::token);
            cfg.routes.error(404, ctx -> {
                // the Connector's routes are matched by hand: ids are URL-encoded and contain ':' ';' '@'
                if (CONNECTOR.matcher(ctx.path()).matches()) {
                    connector(ctx);
                }
            });
        }).start("127.0.0.1", 0);
    }

    /** A fake timing tokens, rate limits and records by the system clock. */
    public static FakeBotConnector start() {
        return new FakeBotConnector(Clock.systemUTC());
    }

    /** A fake timing tokens, rate limits, signed JWTs and records by {@code clock}. */
    public static FakeBotConnector start(Clock clock) {
        return new FakeBotConnector(clock);
    }

    // ---- where it is

    /** {@code http://127.0.0.1:port}, no trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The serviceUrl activities carry: with a region path and a trailing slash, as real ones. */
    public String serviceUrl() {
        return url() + "/amer/" + TENANT_ID + "/";
    }

    public String openIdMetadataUrl() {
        return url() + "/botframework/v1/.well-known/openidconfiguration";
    }

    public String tokenUrl() {
        return url() + "/" + TENANT_ID + "/oauth2/v2.0/token";
    }

    /** The {@code TEAMS_*} settings of a single-tenant bot pointed at this fake. */
    public Map<String, String> settings() {
        return Map.of("TEAMS_APP_ID", APP_ID, "TEAMS_APP_PASSWORD", APP_PASSWORD, "TEAMS_TENANT_ID", TENANT_ID,
                "TEAMS_OPENID_METADATA_URL", openIdMetadataUrl(), "TEAMS_TOKEN_URL", tokenUrl());
    }

    // ---- set-up: people, teams, trouble

    /** Registers a user of the tenant, with fresh ids; the members API knows them. */
    public User user(String name, String email) {
        User u = new User("29:1" + token(24), UUID.randomUUID().toString(), name, email, email);
        synchronized (lock) {
            users.put(u.id(), u);
        }
        return u;
    }

    /** The 1:1 conversation of the bot and a user ({@code a:…}): what createConversation answers for them. */
    public String personalConversation(User u) {
        synchronized (lock) {
            return personal.computeIfAbsent(u.id(), id -> {
                String conversation = "a:1" + token(40);
                rosters.put(conversation, List.of(u));
                return conversation;
            });
        }
    }

    /** A new team with its General channel (whose id is the team's), members as given. */
    public Channel team(User... members) {
        String id = "19:" + token(32) + "@thread.tacv2";
        synchronized (lock) {
            rosters.put(id, new ArrayList<>(List.of(members)));
            teamOfChannel.put(id, id);
        }
        return new Channel(id, id, "General");
    }

    /** Another channel of a team: its roster is the team's. */
    public Channel channel(Channel team, String name) {
        String id = "19:" + token(32) + "@thread.tacv2";
        synchronized (lock) {
            teamOfChannel.put(id, team.teamId());
        }
        return new Channel(team.teamId(), id, name);
    }

    /** Adds a user to a team's roster. */
    public FakeBotConnector join(Channel team, User u) {
        synchronized (lock) {
            rosters.computeIfAbsent(team.teamId(), k -> new ArrayList<>()).add(u);
        }
        return this;
    }

    /** A group chat with these members ({@code 19:…@thread.v2}). */
    public String groupChat(User... members) {
        String id = "19:" + token(32) + "@thread.v2";
        synchronized (lock) {
            rosters.put(id, new ArrayList<>(List.of(members)));
        }
        return id;
    }

    /** The user removed the app: createConversation and posts to their 1:1 chat answer 403 BotNotInConversationRoster. */
    public FakeBotConnector uninstall(User u) {
        synchronized (lock) {
            uninstalled.add(u.id());
        }
        return this;
    }

    /** The user blocked the bot: posts to their 1:1 chat answer 403 ConversationBlockedByUser. */
    public FakeBotConnector block(User u) {
        synchronized (lock) {
            blocked.add(u.id());
        }
        return this;
    }

    /** The conversation was deleted (or the bot removed from the team): every call about it answers 404. */
    public FakeBotConnector gone(String conversationId) {
        synchronized (lock) {
            gone.add(base(conversationId));
        }
        return this;
    }

    /** At most {@code messages} posts per conversation within any {@code per}; then 429 with Retry-After. */
    public FakeBotConnector rateLimit(int messages, Duration per) {
        if (messages < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one message per positive window");
        }
        synchronized (lock) {
            perWindow = messages;
            window = per;
        }
        return this;
    }

    /** The next Connector call answers 429 with {@code Retry-After: header} (seconds or an HTTP date). */
    public FakeBotConnector rateLimitNext(String retryAfterHeader) {
        return misbehave(new Misbehaviour(429, retryAfterHeader, null));
    }

    /** The next Connector call answers HTTP {@code status} with {@code {"error":{"code":code}}}. */
    public FakeBotConnector failNext(int status, String code) {
        return misbehave(new Misbehaviour(status, null, code));
    }

    /** The next Connector call is answered only after {@code delay} of real time (to trip client timeouts). */
    public FakeBotConnector delayNext(Duration delay) {
        return misbehave(new Misbehaviour(0, null, null, delay));
    }

    /** How long the tokens it issues live (default an hour). */
    public FakeBotConnector tokenLifetime(Duration lifetime) {
        synchronized (lock) {
            tokenLifetime = lifetime;
        }
        return this;
    }

    /** Every token issued so far stops working (401), as when a secret is rotated. */
    public FakeBotConnector revokeTokens() {
        synchronized (lock) {
            tokens.clear();
        }
        return this;
    }

    /** Replaces the Bot Framework signing key with a new one (new kid); the old one is no longer published. */
    public FakeBotConnector rotateKey() {
        synchronized (lock) {
            keyVersion++;
            key = rsa("fake-bf-key-" + keyVersion);
        }
        return this;
    }

    /** The kid of the current Bot Framework signing key. */
    public String keyId() {
        synchronized (lock) {
            return key.getKeyID();
        }
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

    /** The calls made to the Connector API (not to the token or metadata endpoints). */
    public List<Call> connectorCalls() {
        List<Call> out = new ArrayList<>();
        for (Call c : calls()) {
            if (c.path().contains("/v3/")) {
                out.add(c);
            }
        }
        return out;
    }

    /** Breaches of the contract the fake noticed, whatever it answered. */
    public List<String> violations() {
        synchronized (lock) {
            return List.copyOf(violations);
        }
    }

    /** The activities that stand in a conversation (posted, as last updated), each with its {@code id}. */
    public List<ObjectNode> activities(String conversationId) {
        synchronized (lock) {
            List<ObjectNode> out = new ArrayList<>();
            for (ObjectNode a : activities.getOrDefault(conversationId, List.of())) {
                out.add(a.deepCopy());
            }
            return out;
        }
    }

    /**
     * Waits (real time) until a conversation holds at least {@code count} activities, and returns them.
     *
     * @throws AssertionError when they do not come within {@code timeout}
     */
    public List<ObjectNode> awaitActivities(String conversationId, int count, Duration timeout) throws InterruptedException {
        return await(() -> activities(conversationId), l -> l.size() >= count, timeout,
                "expected " + count + " activities in " + conversationId);
    }

    /** Waits (real time) until an activity matching {@code test} stands in the conversation, and returns it. */
    public ObjectNode awaitActivity(String conversationId, Predicate<ObjectNode> test, Duration timeout) throws InterruptedException {
        List<ObjectNode> found = await(() -> {
            List<ObjectNode> matching = new ArrayList<>();
            for (ObjectNode a : activities(conversationId)) {
                if (test.test(a)) {
                    matching.add(a);
                }
            }
            return matching;
        }, l -> !l.isEmpty(), timeout, "expected a matching activity in " + conversationId);
        return found.get(0);
    }

    public int jwksFetches() {
        synchronized (lock) {
            return jwksFetches;
        }
    }

    public int tokensIssued() {
        synchronized (lock) {
            return tokensIssued;
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- activities as Teams sends them

    /** A 1:1 chat between the bot and {@code u}. */
    public Where inPersonal(User u) {
        ObjectNode conversation = JSON.createObjectNode().put("conversationType", "personal").put("tenantId", TENANT_ID)
                .put("id", personalConversation(u));
        return new Where(conversation, channelData());
    }

    /** A channel's conversation (a new post in it). */
    public Where inChannel(Channel c) {
        return channelWhere(c, c.id());
    }

    /** A reply in a channel thread: {@code conversation.id} is the channel's with {@code ;messageid=<root>}. */
    public Where inThread(Channel c, String rootMessageId) {
        return channelWhere(c, c.id() + ";messageid=" + rootMessageId);
    }

    /** A group chat made by {@link #groupChat}. */
    public Where inGroupChat(String chatId) {
        ObjectNode conversation = JSON.createObjectNode().put("isGroup", true).put("conversationType", "groupChat")
                .put("tenantId", TENANT_ID).put("id", chatId);
        return new Where(conversation, channelData());
    }

    /** A message typed by {@code from}, as is (no mention). */
    public ObjectNode message(User from, Where where, String text) {
        ObjectNode a = activity("message", from, where);
        a.put("text", text).put("textFormat", "plain");
        return a;
    }

    /**
     * A message that @mentions the bot, then {@code command}: {@code <at>planbot dev</at> status ENF003}, or glued
     * ({@code <at>planbot dev</at>status ENF003}) as Teams sometimes sends it; with the {@code mention} entity
     * whose {@code mentioned.id} is the bot.
     */
    public ObjectNode mention(User from, Where where, String command, boolean glued) {
        String at = "<at>" + BOT_NAME + "</at>";
        ObjectNode a = message(from, where, at + (glued ? "" : " ") + command);
        ObjectNode mention = a.withArray("entities").addObject().put("type", "mention").put("text", at);
        mention.putObject("mentioned").put("id", BOT_ID).put("name", BOT_NAME);
        return a;
    }

    /** A message that mentions another user too ({@code <at>Name</at>} plus its entity), after the bot's mention. */
    public ObjectNode mentionWithUser(User from, Where where, String commandBefore, User mentioned, String after) {
        ObjectNode a = mention(from, where, commandBefore + " <at>" + mentioned.name() + "</at>" + after, false);
        ObjectNode m = a.withArray("entities").addObject().put("type", "mention").put("text", "<at>" + mentioned.name() + "</at>");
        m.putObject("mentioned").put("id", mentioned.id()).put("name", mentioned.name()).put("aadObjectId", mentioned.aadObjectId());
        return a;
    }

    /** An Action.Submit click: a message with {@code value} and no {@code text}, replying to the card's activity. */
    public ObjectNode submit(User from, Where where, String cardActivityId, ObjectNode value) {
        ObjectNode a = activity("message", from, where);
        a.put("replyToId", cardActivityId);
        a.set("value", value.deepCopy());
        return a;
    }

    /** An Action.Execute click: an {@code invoke} named {@code adaptiveCard/action}; {@code verb} may be null. */
    public ObjectNode execute(User from, Where where, String cardActivityId, ObjectNode data, String verb) {
        ObjectNode a = activity("invoke", from, where);
        a.put("name", "adaptiveCard/action").put("replyToId", cardActivityId);
        ObjectNode value = a.putObject("value");
        ObjectNode action = value.putObject("action").put("type", "Action.Execute");
        if (verb != null) {
            action.put("verb", verb);
        }
        action.set("data", data.deepCopy());
        value.put("trigger", "manual");
        return a;
    }

    /** The app installed where {@code where} is: {@code conversationUpdate} whose {@code membersAdded} is the bot. */
    public ObjectNode botAdded(User by, Where where) {
        ObjectNode a = activity("conversationUpdate", by, where);
        a.putArray("membersAdded").addObject().put("id", BOT_ID);
        if (where.channelData().has("team")) {
            ((ObjectNode) a.get("channelData")).put("eventType", "teamMemberAdded");
        }
        return a;
    }

    /** A person joined a team the bot is in: {@code conversationUpdate} whose {@code membersAdded} is not the bot. */
    public ObjectNode memberJoined(User joined, Channel team) {
        join(team, joined);
        Where where = inChannel(new Channel(team.teamId(), team.teamId(), "General"));
        ObjectNode a = activity("conversationUpdate", joined, where);
        a.putArray("membersAdded").addObject().put("id", joined.id()).put("aadObjectId", joined.aadObjectId());
        ((ObjectNode) a.get("channelData")).put("eventType", "teamMemberAdded");
        return a;
    }

    /** {@code installationUpdate} with {@code action} as given ({@code add}, {@code remove}, or Teams' other cases). */
    public ObjectNode installationUpdate(User by, Where where, String action) {
        ObjectNode a = activity("installationUpdate", by, where);
        a.put("action", action);
        return a;
    }

    // ---- delivering to planbot

    /** POSTs a genuinely signed activity to planbot's endpoint ({@code …/api/messages}). */
    public Delivery deliver(URI endpoint, ObjectNode activity) throws IOException, InterruptedException {
        return deliver(endpoint, activity, Token.VALID);
    }

    /** POSTs an activity to planbot's endpoint with a token signed as {@code token} says. */
    public Delivery deliver(URI endpoint, ObjectNode activity, Token token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString(), StandardCharsets.UTF_8));
        String authorization = authorization(activity, token);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Delivery(r.statusCode(), r.body());
    }

    /** The {@code Authorization} header Teams would send with an activity, or a forgery of it; null for NO_HEADER. */
    public String authorization(ObjectNode activity, Token token) {
        if (token == Token.NO_HEADER) {
            return null;
        }
        Instant now = clock.instant();
        String serviceUrl = activity.path("serviceUrl").asText();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(BOT_FRAMEWORK_ISSUER).audience(APP_ID)
                .notBeforeTime(Date.from(now)).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("serviceurl", serviceUrl);
        RSAKey signer;
        synchronized (lock) {
            signer = key;
        }
        switch (token) {
            case ENTRA:
                claims.issuer("https://login.microsoftonline.com/" + TENANT_ID + "/v2.0").claim("tid", TENANT_ID);
                signer = ENTRA_KEY;
                break;
            case FORGED_SIGNATURE:
                signer = new RSAKey.Builder(FORGER_KEY).keyID(signer.getKeyID()).build();
                break;
            case UNKNOWN_KEY:
                signer = FORGER_KEY;
                break;
            case EXPIRED:
                claims.notBeforeTime(Date.from(now.minus(Duration.ofMinutes(70))))
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(10))));
                break;
            case NOT_YET_VALID:
                claims.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10))));
                break;
            case WRONG_AUDIENCE:
                claims.audience("0b0b0b0b-1111-2222-3333-444444444444");
                break;
            case WRONG_ISSUER:
                claims.issuer("https://api.botframework.com.example.net");
                break;
            case SERVICE_URL_MISMATCH:
                claims.claim("serviceurl", "https://smba.trafficmanager.net/emea/someone-else/");
                break;
            case NOT_ENDORSED:
                signer = WEBCHAT_KEY;
                break;
            case UNSIGNED:
                return "Bearer " + new PlainJWT(claims.build()).serialize();
            default:
                break;
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(signer.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(signer));
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        return "Bearer " + jwt.serialize();
    }

    // ---- HTTP: metadata and tokens

    private void botFrameworkMetadata(Context ctx) {
        ObjectNode doc = JSON.createObjectNode().put("issuer", BOT_FRAMEWORK_ISSUER)
                .put("authorization_endpoint", "https://invalid.botframework.com")
                .put("jwks_uri", url() + "/botframework/v1/.well-known/keys");
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        doc.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
        json(ctx, 200, doc);
        record(ctx, 200);
    }

    private void botFrameworkKeys(Context ctx) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode keys = doc.putArray("keys");
        synchronized (lock) {
            jwksFetches++;
            publish(keys, key, "msteams", "emulator");
        }
        publish(keys, WEBCHAT_KEY, "webchat");
        json(ctx, 200, doc);
        record(ctx, 200);
    }

    private void entraMetadata(Context ctx) {
        String tenant = ctx.pathParam("tenant");
        if (!TENANT_ID.equals(tenant)) {
            json(ctx, 400, JSON.createObjectNode().put("error", "invalid_tenant"));
            record(ctx, 400);
            return;
        }
        ObjectNode doc = JSON.createObjectNode().put("issuer", "https://login.microsoftonline.com/" + tenant + "/v2.0")
                .put("token_endpoint", tokenUrl()).put("jwks_uri", url() + "/" + tenant + "/discovery/v2.0/keys");
        json(ctx, 200, doc);
        record(ctx, 200);
    }

    private void entraKeys(Context ctx) {
        ObjectNode doc = JSON.createObjectNode();
        publish(doc.putArray("keys"), ENTRA_KEY);
        json(ctx, 200, doc);
        record(ctx, 200);
    }

    private static void publish(ArrayNode keys, RSAKey key, String... endorsements) {
        try {
            ObjectNode k = (ObjectNode) JSON.readTree(key.toPublicJWK().toJSONString());
            k.put("use", "sig");
            if (endorsements.length > 0) {
                ArrayNode e = k.putArray("endorsements");
                for (String s : endorsements) {
                    e.add(s);
                }
            }
            keys.add(k);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void token(Context ctx) {
        String type = Objects.requireNonNullElse(ctx.contentType(), "").toLowerCase(Locale.ROOT);
        int status;
        ObjectNode answer;
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            status = 400;
            answer = entraError("invalid_request", "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
        } else if (!TENANT_ID.equals(ctx.pathParam("tenant"))) {
            status = 400;
            answer = entraError("invalid_request", "AADSTS90002: Tenant not found.");
        } else if (!"client_credentials".equals(ctx.formParam("grant_type"))) {
            status = 400;
            answer = entraError("unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
        } else if (!APP_ID.equals(ctx.formParam("client_id"))) {
            status = 400;
            answer = entraError("unauthorized_client", "AADSTS700016: Application not found in the directory.");
        } else if (!APP_PASSWORD.equals(ctx.formParam("client_secret"))) {
            status = 401;
            answer = entraError("invalid_client", "AADSTS7000215: Invalid client secret provided.");
        } else if (!SCOPE.equals(ctx.formParam("scope"))) {
            status = 400;
            answer = entraError("invalid_scope", "AADSTS1002012: The provided value for scope is not valid.");
        } else {
            status = 200;
            String issued = "fake." + token(48);
            long lifetime;
            synchronized (lock) {
                tokens.put(issued, clock.instant().plus(tokenLifetime));
                tokensIssued++;
                lifetime = tokenLifetime.toSeconds();
            }
            answer = JSON.createObjectNode().put("token_type", "Bearer").put("expires_in", lifetime)
                    .put("ext_expires_in", lifetime).put("access_token", issued);
        }
        json(ctx, status, answer);
        record(ctx, status);
    }

    private static ObjectNode entraError(String error, String description) {
        return JSON.createObjectNode().put("error", error).put("error_description", description);
    }

    // ---- HTTP: the Connector

    private void connector(Context ctx) throws InterruptedException {
        Misbehaviour m;
        synchronized (lock) {
            m = misbehaviours.poll();
        }
        if (m != null && m.delay != null) {
            Thread.sleep(m.delay.toMillis());
        }
        int status = answerConnector(ctx, m);
        record(ctx, status);
    }

    private int answerConnector(Context ctx, Misbehaviour m) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !validToken(auth.substring(7))) {
            return json(ctx, 401, JSON.createObjectNode().put("message", "Authorization has been denied for this request."));
        }
        if (m != null && m.status != 0) {
            if (m.retryAfter != null) {
                ctx.header("Retry-After", m.retryAfter);
            }
            return error(ctx, m.status, m.code == null ? (m.status == 429 ? "TooManyRequests" : "ServiceError") : m.code,
                    "as the test asked");
        }
        Matcher match = CONNECTOR.matcher(ctx.path());
        if (!match.matches()) {
            return error(ctx, 404, "NotFound", "no such route");
        }
        String conversation = match.group(1) == null ? null : decode(match.group(1));
        String rest = match.group(2) == null ? "" : match.group(2);
        String method = ctx.method().name();
        if (conversation == null) {
            return "POST".equals(method) ? createConversation(ctx) : error(ctx, 405, "BadArgument", "method not allowed");
        }
        synchronized (lock) {
            if (gone.contains(base(conversation)) || !known(base(conversation))) {
                return error(ctx, 404, "ConversationNotFound", "Conversation not found.");
            }
        }
        if ("/activities".equals(rest) && "POST".equals(method)) {
            return post(ctx, conversation, null);
        }
        if (rest.startsWith("/activities/") && "PUT".equals(method)) {
            return post(ctx, conversation, decode(rest.substring("/activities/".length())));
        }
        if (rest.startsWith("/members/") && "GET".equals(method)) {
            return member(ctx, conversation, decode(rest.substring("/members/".length())));
        }
        if ("/pagedmembers".equals(rest) && "GET".equals(method)) {
            return pagedMembers(ctx, conversation);
        }
        return error(ctx, 404, "NotFound", "no such route");
    }

    private int createConversation(Context ctx) {
        JsonNode body = parse(ctx.body());
        if (body == null) {
            return error(ctx, 400, "BadArgument", "the body is not JSON");
        }
        String bot = body.path("bot").path("id").asText("");
        if (!bot.equals(BOT_ID) && !bot.equals(APP_ID)) {
            return violation(ctx, "createConversation names another bot: " + bot);
        }
        String tenant = body.path("tenantId").asText(body.path("channelData").path("tenant").path("id").asText(""));
        if (!TENANT_ID.equals(tenant) || !TENANT_ID.equals(body.path("channelData").path("tenant").path("id").asText(TENANT_ID))) {
            return violation(ctx, "createConversation without the tenant (tenantId / channelData.tenant.id)");
        }
        if (body.path("isGroup").asBoolean(false) || body.path("members").size() != 1) {
            return violation(ctx, "createConversation for a 1:1 chat needs isGroup false and exactly one member");
        }
        String userId = body.path("members").get(0).path("id").asText("");
        User u;
        synchronized (lock) {
            u = users.get(userId);
            if (u == null) {
                return error(ctx, 404, "MemberNotFound", "The member is not in the tenant.");
            }
            if (uninstalled.contains(userId)) {
                return error(ctx, 403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
            }
        }
        return json(ctx, 201, JSON.createObjectNode().put("id", personalConversation(u)));
    }

    private int post(Context ctx, String conversation, String replacing) {
        String raw = ctx.body();
        JsonNode body = parse(raw);
        if (!(body instanceof ObjectNode)) {
            return error(ctx, 400, "BadArgument", "the body is not a JSON object");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_ACTIVITY_BYTES) {
            return error(ctx, 413, "MessageSizeTooBig", "Message size too big.");
        }
        synchronized (lock) {
            User owner = ownerOf(base(conversation));
            if (owner != null && uninstalled.contains(owner.id())) {
                return error(ctx, 403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
            }
            if (owner != null && blocked.contains(owner.id())) {
                return error(ctx, 403, "ConversationBlockedByUser", "User blocked the conversation with the bot.");
            }
        }
        String problem = checkActivity((ObjectNode) body);
        if (problem != null) {
            return violation(ctx, problem);
        }
        ObjectNode stored = ((ObjectNode) body).deepCopy();
        synchronized (lock) {
            if (replacing != null) {
                List<ObjectNode> standing = activities.getOrDefault(conversation, List.of());
                for (int i = 0; i < standing.size(); i++) {
                    if (standing.get(i).path("id").asText().equals(replacing)) {
                        stored.put("id", replacing);
                        standing.set(i, stored);
                        return json(ctx, 200, JSON.createObjectNode().put("id", replacing));
                    }
                }
                return error(ctx, 404, "ActivityNotFound", "The activity does not exist.");
            }
            Integer wait = rateLimited(base(conversation));
            if (wait != null) {
                ctx.header("Retry-After", Integer.toString(wait));
                return error(ctx, 429, "TooManyRequests", "Too many requests.");
            }
            String id = Long.toString(ids.incrementAndGet());
            stored.put("id", id);
            activities.computeIfAbsent(conversation, k -> new ArrayList<>()).add(stored);
            return json(ctx, 201, JSON.createObjectNode().put("id", id));
        }
    }

    /** Null when the activity keeps the contract, else what is wrong. */
    static String checkActivity(ObjectNode a) {
        String type = a.path("type").asText("");
        if (!"message".equals(type)) {
            return "an activity of type '" + type + "' (planbot sends messages)";
        }
        String text = a.path("text").asText("");
        JsonNode attachments = a.path("attachments");
        if (text.isEmpty() && attachments.size() == 0) {
            return "a message with neither text nor attachments";
        }
        for (JsonNode att : attachments) {
            String contentType = att.path("contentType").asText("");
            if (ADAPTIVE_CARD.equals(contentType)) {
                String problem = checkCard(att.path("content"));
                if (problem != null) {
                    return problem;
                }
            } else if (!contentType.startsWith("image/") && !contentType.startsWith("application/vnd.microsoft.card.")) {
                return "an attachment of content type '" + contentType + "'";
            }
        }
        for (JsonNode e : a.path("entities")) {
            if ("mention".equals(e.path("type").asText())) {
                String mentionText = e.path("text").asText("");
                if (mentionText.isEmpty() || !text.contains(mentionText)) {
                    return "a mention entity whose text '" + mentionText + "' is not in the message";
                }
                if (!e.path("mentioned").path("id").isTextual()) {
                    return "a mention entity without mentioned.id";
                }
            }
        }
        return null;
    }

    static String checkCard(JsonNode card) {
        if (!"AdaptiveCard".equals(card.path("type").asText())) {
            return "an adaptive card attachment whose content is not {\"type\":\"AdaptiveCard\"}";
        }
        if (!VERSION.matcher(card.path("version").asText("")).matches()) {
            return "adaptive card version '" + card.path("version").asText("") + "' (Teams renders 1.0 to 1.5)";
        }
        if (!card.path("body").isArray()) {
            return "an adaptive card without a body array";
        }
        String problem = checkElements(card.path("body"));
        return problem != null ? problem : checkActions(card.path("actions"));
    }

    private static String checkElements(JsonNode elements) {
        for (JsonNode e : elements) {
            String type = e.path("type").asText("");
            if (!ELEMENTS.contains(type)) {
                return "an adaptive card element of unknown type '" + type + "'";
            }
            String problem = null;
            switch (type) {
                case "TextBlock":
                    problem = e.path("text").isTextual() ? null : "a TextBlock without text";
                    break;
                case "Image":
                    problem = e.path("url").isTextual() ? null : "an Image without url";
                    break;
                case "FactSet":
                    for (JsonNode f : e.path("facts")) {
                        if (!f.path("title").isTextual() || !f.path("value").isTextual()) {
                            problem = "a FactSet fact without title and value";
                        }
                    }
                    break;
                case "ColumnSet":
                    for (JsonNode c : e.path("columns")) {
                        if (!"Column".equals(c.path("type").asText("Column"))) {
                            problem = "a ColumnSet column of type '" + c.path("type").asText() + "'";
                        } else if (problem == null) {
                            problem = checkElements(c.path("items"));
                        }
                    }
                    break;
                case "Container":
                    problem = checkElements(e.path("items"));
                    break;
                case "ImageSet":
                    problem = checkElements(e.path("images"));
                    break;
                case "ActionSet":
                    problem = checkActions(e.path("actions"));
                    break;
                case "RichTextBlock":
                    for (JsonNode inline : e.path("inlines")) {
                        if (!inline.isTextual() && !"TextRun".equals(inline.path("type").asText())) {
                            problem = "a RichTextBlock inline of type '" + inline.path("type").asText() + "'";
                        }
                    }
                    break;
                default:
                    if (type.startsWith("Input.") && !e.path("id").isTextual()) {
                        problem = "an " + type + " without id";
                    }
                    break;
            }
            if (problem != null) {
                return problem;
            }
            if (e.has("selectAction")) {
                problem = checkActions(JSON.createArrayNode().add(e.get("selectAction")));
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String checkActions(JsonNode actions) {
        for (JsonNode action : actions) {
            String type = action.path("type").asText("");
            if (!ACTIONS.contains(type)) {
                return "an adaptive card action of unknown type '" + type + "'";
            }
            if ("Action.OpenUrl".equals(type) && !action.path("url").isTextual()) {
                return "an Action.OpenUrl without url";
            }
            if ("Action.ShowCard".equals(type)) {
                JsonNode card = action.path("card");
                if (!card.has("version")) {
                    // a ShowCard's card may omit the version: it inherits the parent's
                    card = ((ObjectNode) card.deepCopy()).put("version", "1.5");
                }
                String problem = card.isObject() ? checkCard(card) : "an Action.ShowCard without card";
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private int member(Context ctx, String conversation, String who) {
        synchronized (lock) {
            for (User u : roster(base(conversation))) {
                if (u.id().equals(who) || u.aadObjectId().equalsIgnoreCase(who) || who.equalsIgnoreCase(u.email())
                        || who.equalsIgnoreCase(u.userPrincipalName())) {
                    return json(ctx, 200, memberJson(u));
                }
            }
        }
        return error(ctx, 404, "MemberNotFoundInConversation", "The member is not found in the conversation.");
    }

    private int pagedMembers(Context ctx, String conversation) {
        int pageSize = Math.max(1, Math.min(500, parseInt(ctx.queryParam("pageSize"), 200)));
        int from = parseInt(ctx.queryParam("continuationToken") == null ? null
                : ctx.queryParam("continuationToken").replace("page-", ""), 0);
        List<User> all;
        synchronized (lock) {
            all = List.copyOf(roster(base(conversation)));
        }
        ObjectNode page = JSON.createObjectNode();
        ArrayNode members = page.putArray("members");
        for (int i = from; i < Math.min(all.size(), from + pageSize); i++) {
            members.add(memberJson(all.get(i)));
        }
        if (from + pageSize < all.size()) {
            page.put("continuationToken", "page-" + (from + pageSize));
        }
        return json(ctx, 200, page);
    }

    private static ObjectNode memberJson(User u) {
        ObjectNode m = u.account();
        if (u.email() != null) {
            m.put("email", u.email());
        }
        if (u.userPrincipalName() != null) {
            m.put("userPrincipalName", u.userPrincipalName());
        }
        String[] names = u.name().split(" ", 2);
        m.put("givenName", names[0]).put("surname", names.length > 1 ? names[1] : "").put("tenantId", TENANT_ID)
                .put("userRole", "user");
        return m;
    }

    // ---- state helpers (callers hold the lock)

    private boolean known(String conversation) {
        return rosters.containsKey(conversation) || teamOfChannel.containsKey(conversation);
    }

    private List<User> roster(String conversation) {
        String team = teamOfChannel.get(conversation);
        return rosters.getOrDefault(team == null ? conversation : team, List.of());
    }

    private User ownerOf(String conversation) {
        for (Map.Entry<String, String> e : personal.entrySet()) {
            if (e.getValue().equals(conversation)) {
                return users.get(e.getKey());
            }
        }
        return null;
    }

    /** Seconds to wait when the conversation has had its fill in the current window, else null (and counted). */
    private Integer rateLimited(String conversation) {
        Instant now = clock.instant();
        Deque<Instant> recent = sends.computeIfAbsent(conversation, k -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.pollFirst();
        }
        if (recent.size() >= perWindow) {
            long millis = Duration.between(now, recent.peekFirst().plus(window)).toMillis();
            return (int) Math.max(1, (millis + 999) / 1000);
        }
        recent.addLast(now);
        return null;
    }

    private boolean validToken(String token) {
        synchronized (lock) {
            Instant expires = tokens.get(token);
            return expires != null && clock.instant().isBefore(expires);
        }
    }

    // ---- plumbing

    private record Misbehaviour(int status, String retryAfter, String code, Duration delay) {
        Misbehaviour(int status, String retryAfter, String code) {
            this(status, retryAfter, code, null);
        }
    }

    private FakeBotConnector misbehave(Misbehaviour m) {
        synchronized (lock) {
            misbehaviours.add(m);
        }
        return this;
    }

    private ObjectNode activity(String type, User from, Where where) {
        ObjectNode a = JSON.createObjectNode().put("type", type).put("id", "f:" + token(20))
                .put("timestamp", clock.instant().toString()).put("localTimestamp", clock.instant().toString())
                .put("serviceUrl", serviceUrl()).put("channelId", "msteams");
        a.set("from", from.account());
        a.set("conversation", where.conversation().deepCopy());
        a.putObject("recipient").put("id", BOT_ID).put("name", BOT_NAME);
        a.set("channelData", where.channelData().deepCopy());
        a.put("locale", "en-GB");
        return a;
    }

    private Where channelWhere(Channel c, String conversationId) {
        ObjectNode conversation = JSON.createObjectNode().put("isGroup", true).put("conversationType", "channel")
                .put("tenantId", TENANT_ID).put("id", conversationId);
        ObjectNode data = channelData().put("teamsChannelId", c.id()).put("teamsTeamId", c.teamId());
        data.putObject("channel").put("id", c.id()).put("name", c.name());
        data.putObject("team").put("id", c.teamId());
        return new Where(conversation, data);
    }

    private static ObjectNode channelData() {
        ObjectNode data = JSON.createObjectNode();
        data.putObject("tenant").put("id", TENANT_ID);
        return data;
    }

    private int violation(Context ctx, String problem) {
        synchronized (lock) {
            violations.add(problem);
        }
        return error(ctx, 400, "BadArgument", problem);
    }

    private static int error(Context ctx, int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        return json(ctx, status, body);
    }

    private static int json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(body.toString());
        return status;
    }

    private void record(Context ctx, int status) {
        Map<String, String> headers = new HashMap<>();
        ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        String path = decode(ctx.path()) + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        Call call = new Call(ctx.method().name(), path, ctx.body(), headers, clock.instant(), status);
        synchronized (lock) {
            calls.add(call);
        }
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done, Duration timeout, String what)
            throws InterruptedException {
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

    /** A conversation id without the thread suffix: rate limits, rosters and gone-ness are the channel's. */
    private static String base(String conversationId) {
        int thread = conversationId.indexOf(";messageid=");
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException ex) {
            return null;
        }
    }

    private static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException ex) {
            return fallback;
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private String token(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
