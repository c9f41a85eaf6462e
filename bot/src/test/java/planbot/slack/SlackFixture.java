package planbot.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import planbot.App;
import planbot.domain.Plan;
import planbot.domain.Role;
import planbot.slack.fake.FakeSlack;
import planbot.storage.ChatIdentity;
import planbot.testing.TestBot;

/**
 * planbot's Slack edge as Slack sees it, for tests: a {@link TestBot} (the real App on a SQLite file), a
 * {@link FakeSlack} for the Web API and {@code response_url}s, and the {@link SlackConnector} listening over HTTP
 * on a random port. Requests are signed with the real HMAC by the fixture's clock (the TestBot's), so a test can
 * also sign with a wrong secret or an old timestamp. One per test; close it.
 */
final class SlackFixture implements AutoCloseable {
    static final String TOKEN = "xoxb-1234-5678-test-bot-token";
    static final String SECRET = "test-signing-secret";
    static final String TEAM = FakeSlack.TEAM_ID;

    final TestBot bot;
    final FakeSlack slack;
    final SlackConnector connector;
    final SlackSignature signer;
    private final HttpClient http = HttpClient.newHttpClient();

    private SlackFixture(TestBot bot, Duration fastPath) throws Exception {
        this(bot, fastPath, SECRET);
    }

    private SlackFixture(TestBot bot, Duration fastPath, String secret) throws Exception {
        this.bot = bot;
        this.slack = FakeSlack.start(TOKEN);
        App app = bot.app();
        SlackSettings settings = new SlackSettings(TOKEN, secret, null, slack.apiUrl());
        this.connector = new SlackConnector(settings, app.platformServices(), fastPath, List.of());
        app.startPlatforms(List.of(connector), 0);
        this.signer = new SlackSignature(secret, app.clock());
    }

    /** The sample plan (with these edits) behind a Slack edge that answers in the ack when it can. */
    static SlackFixture start(Path dir, Plan plan) throws Exception {
        return new SlackFixture(TestBot.start(dir).importPlan(plan), PlanSlashCommand.DEFAULT_FAST_PATH);
    }

    /** An empty tenant behind an edge with another signing secret. */
    static SlackFixture withSecret(Path dir, String secret) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        return new SlackFixture(TestBot.start(dir), PlanSlashCommand.DEFAULT_FAST_PATH, secret);
    }

    /** As {@link #start}, but every answer goes to response_url (the ack is always empty). */
    static SlackFixture slowPath(Path dir, Plan plan) throws Exception {
        return new SlackFixture(TestBot.start(dir).importPlan(plan), Duration.ZERO);
    }

    /** Makes {@code name} a person with this role whose Slack account (in the fake's team) is {@code userId}. */
    SlackFixture linked(String name, Role role, String userId) {
        bot.person(name, role);
        bot.app().people().link(bot.tenant(), name, new ChatIdentity("slack", TEAM, userId));
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + bot.app().httpPort() + path;
    }

    /** A slash command's form body, as Slack sends it, with a fresh response_url on the fake. */
    String slashCommand(String userId, String text) {
        return slashCommand(slack, "C1", userId, userId.toLowerCase(), text);
    }

    /** A slash command's form body, as Slack sends it from the fake's team, with a fresh response_url on the fake. */
    static String slashCommand(FakeSlack slack, String channelId, String userId, String userName, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", TEAM);
        form.put("team_domain", "fake");
        form.put("channel_id", channelId);
        form.put("channel_name", "planning");
        form.put("user_id", userId);
        form.put("user_name", userName);
        form.put("command", "/plan");
        form.put("text", text);
        form.put("api_app_id", "A1");
        form.put("response_url", slack.responseUrl());
        form.put("trigger_id", slack.triggerId());
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** POSTs a body to the events URL signed correctly for now. */
    HttpResponse<String> post(String body) {
        String ts = String.valueOf(bot.now().getEpochSecond());
        return post(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> post(String body, String timestamp, String signature) {
        return join(postAsync(body, timestamp, signature));
    }

    CompletableFuture<HttpResponse<String>> postAsync(String body) {
        String ts = String.valueOf(bot.now().getEpochSecond());
        return postAsync(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** POSTs a body with this content type to the events URL, signed correctly for now. */
    HttpResponse<String> post(String body, String contentType) {
        String ts = String.valueOf(bot.now().getEpochSecond());
        return join(postAsync(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)), contentType));
    }

    CompletableFuture<HttpResponse<String>> postAsync(String body, String timestamp, String signature) {
        return postAsync(body, timestamp, signature, body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String body, String timestamp, String signature, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(SlackHttp.EVENTS_PATH)))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) {
        return join(http.sendAsync(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Polls until {@code found} gives something non-null, or fails after {@code within} of real time. */
    static <T> T await(Duration within, String what, Supplier<T> found) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + within.toMillis() + " ms for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** The posts to response_url so far. */
    List<FakeSlack.Call> answers() {
        return slack.calls("response_url");
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException) {
                throw new UncheckedIOException((IOException) e.getCause());
            }
            throw e;
        }
    }

    @Override
    public void close() {
        slack.close();
        bot.close();
    }
}
