package planbot.slack.interact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import planbot.App;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.ReminderNotice;
import planbot.domain.Role;
import planbot.scheduler.digest.DigestSource;
import planbot.slack.PlanSlashCommand;
import planbot.slack.SlackConnector;
import planbot.slack.SlackSettings;
import planbot.slack.SlackSignature;
import planbot.slack.fake.FakeSlack;
import planbot.slack.render.NoticeBlocks;
import planbot.slack.render.SlackMessage;
import planbot.storage.ChatIdentity;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * The interactive Slack handlers as Slack sees them, for tests: the sample plan in a {@link TestBot} (real App, SQLite
 * file, clock at Monday 15 May 2023 09:00), a {@link FakeSlack} for the Web API, and the real Slack edge
 * ({@link SlackConnector}) listening on a random port with {@code /plan} and {@link SlackInteractions}. Requests are
 * signed with the real HMAC. A reminder is sent the way the dispatcher sends one: claimed from the outbox, built,
 * rendered, posted with {@code chat.postMessage}, and marked sent with its {@code channel:ts}.
 *
 * <p>The fake's workspace is bound to the test tenant. People: Olivia (officer, Slack U0OLIVIA) owns EN003/01, EN003/02 and the overdue EN005/03; Oscar (officer, not
 * linked). One per test; close it.
 */
final class InteractFixture implements AutoCloseable {
    static final String TOKEN = "xoxb-interact-token";
    static final String SECRET = "interact-signing-secret";
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String CHANNEL = "C0PLANS";
    static final String OLIVIA = "Olivia Officer";
    static final String OLIVIA_ID = "U0OLIVIA";
    static final String OSCAR = "Oscar Other";
    static final String GUEST_ID = "U0GUEST";
    private static final ObjectMapper JSON = new ObjectMapper();

    final TestBot bot;
    final FakeSlack slack;
    final SlackConnector connector;
    final OutboxRepository outbox;
    private final SlackSignature signer;
    private final HttpClient http = HttpClient.newHttpClient();

    private InteractFixture(Path dir) throws Exception {
        this.bot = TestBot.start(dir).importPlan(PlanEdits.sample()
                .owner("EN003/01", OLIVIA).owner("EN003/02", OLIVIA).owner("EN005/03", OLIVIA).owner("EN003/03", OSCAR)
                .plan());
        bot.app().people().link(bot.tenant(), OLIVIA, new ChatIdentity("slack", TEAM, OLIVIA_ID));
        bot.app().workspaces().bind(bot.tenant(), "slack", "", TEAM, bot.now());
        this.slack = FakeSlack.start(TOKEN).channel(CHANNEL).user(OLIVIA_ID, "olivia").user(GUEST_ID, "guest");
        this.outbox = new JdbiOutboxRepository(bot.app().database());
        SlackSettings settings = new SlackSettings(TOKEN, SECRET, null, slack.apiUrl());
        App app = bot.app();
        this.connector = new SlackConnector(settings, app.platformServices(), PlanSlashCommand.DEFAULT_FAST_PATH, List.of());
        app.startPlatforms(List.of(connector), 0);
        this.signer = new SlackSignature(SECRET, app.clock());
    }

    static InteractFixture start(Path dir) throws Exception {
        return new InteractFixture(dir);
    }

    InteractFixture person(String name, Role role) {
        bot.person(name, role);
        return this;
    }

    // ---- reminders

    /**
     * Runs the reminder sweep now and sends the reminder about {@code taskRef} to {@link #CHANNEL} as the dispatcher
     * would; returns its ts.
     */
    String sendReminder(String taskRef) throws Exception {
        return sendReminder(bot.taskRow(taskRef).id());
    }

    /** As {@link #sendReminder(String)}, for the task with this id (of whichever plan). */
    String sendReminder(long taskId) throws Exception {
        bot.app().remind(TestBot.TENANT, bot.now(), false);
        OutboxMessage row = null;
        for (OutboxMessage m : outbox.claim(100, bot.now(), Duration.ofMinutes(5))) {
            if (m.entry().taskId() != null && m.entry().taskId() == taskId) {
                row = m;
            }
        }
        if (row == null) {
            throw new IllegalStateException("the sweep wrote no reminder about task " + taskId);
        }
        ReminderNotice notice = (ReminderNotice) new NoticeBuilder(bot.app().tasks(), bot.app().snoozes(),
                bot.app().policies(), new DigestSource(bot.app().database()))
                .build(bot.tenant(), row, bot.now());
        SlackMessage message = new NoticeBlocks().reminder(notice);
        ChatPostMessageResponse posted = client().chatPostMessage(b -> b.channel(CHANNEL).text(message.text()).blocks(message.blocks()));
        if (!posted.isOk()) {
            throw new IllegalStateException("posting the reminder failed: " + posted.getError());
        }
        outbox.markSent(row.id(), CHANNEL + ":" + posted.getTs(), bot.now());
        return posted.getTs();
    }

    /**
     * Runs the reminder sweep now and sends the reminders about {@code taskRefs} to {@link #CHANNEL} as one message, as
     * the dispatcher sends a recipient's reminders of one moment: every row SENT with the one message id. Returns its ts.
     */
    String sendReminders(String... taskRefs) throws Exception {
        bot.app().remind(TestBot.TENANT, bot.now(), false);
        List<Long> wanted = new java.util.ArrayList<>();
        for (String ref : taskRefs) {
            wanted.add(bot.taskRow(ref).id());
        }
        NoticeBuilder notices = new NoticeBuilder(bot.app().tasks(), bot.app().snoozes(), bot.app().policies(),
                new DigestSource(bot.app().database()));
        List<OutboxMessage> rows = new java.util.ArrayList<>();
        List<ReminderNotice> reminders = new java.util.ArrayList<>();
        for (OutboxMessage m : outbox.claim(100, bot.now(), Duration.ofMinutes(5))) {
            if (m.entry().taskId() != null && wanted.remove(m.entry().taskId())) {
                rows.add(m);
                reminders.add((ReminderNotice) notices.build(bot.tenant(), m, bot.now()));
            }
        }
        if (!wanted.isEmpty()) {
            throw new IllegalStateException("the sweep wrote no reminder about the tasks " + wanted);
        }
        SlackMessage message = new NoticeBlocks().group(planbot.delivery.ReminderGroup.of(reminders));
        ChatPostMessageResponse posted = client().chatPostMessage(b -> b.channel(CHANNEL).text(message.text()).blocks(message.blocks()));
        if (!posted.isOk()) {
            throw new IllegalStateException("posting the reminders failed: " + posted.getError());
        }
        for (OutboxMessage row : rows) {
            outbox.markSent(row.id(), CHANNEL + ":" + posted.getTs(), bot.now());
        }
        return posted.getTs();
    }

    /** The value of the button {@code actionId} about task {@code taskId} on the message {@code ts} of {@link #CHANNEL}. */
    String buttonValue(String ts, String actionId, long taskId) {
        for (ObjectNode m : slack.messages(CHANNEL)) {
            if (m.path("ts").asText().equals(ts)) {
                for (var block : m.path("blocks")) {
                    for (var element : block.path("elements")) {
                        String value = element.path("value").asText();
                        if (element.path("action_id").asText().equals(actionId) && value.contains("|" + taskId + "|")) {
                            return value;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no button " + actionId + " about task " + taskId + " on message " + ts);
    }

    /** The value of the button {@code actionId} on the message {@code ts} of {@link #CHANNEL}, as the fake holds it. */
    String buttonValue(String ts, String actionId) {
        for (ObjectNode m : slack.messages(CHANNEL)) {
            if (m.path("ts").asText().equals(ts)) {
                for (var block : m.path("blocks")) {
                    for (var element : block.path("elements")) {
                        if (element.path("action_id").asText().equals(actionId)) {
                            return element.path("value").asText();
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no button " + actionId + " on message " + ts);
    }

    /** The message {@code ts} of {@link #CHANNEL} as the fake holds it now. */
    ObjectNode message(String ts) {
        return slack.messages(CHANNEL).stream().filter(m -> m.path("ts").asText().equals(ts)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no message " + ts));
    }

    // ---- payloads

    /** A block_actions payload for a click on a button of message {@code ts} (null for the App Home). */
    String click(String userId, String actionId, String value, String ts) {
        ObjectNode p = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A1").put("token", "legacy")
                .put("trigger_id", slack.triggerId()).put("response_url", slack.responseUrl());
        p.putObject("team").put("id", TEAM).put("domain", "fake");
        p.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("name", userId.toLowerCase())
                .put("team_id", TEAM);
        if (ts != null) {
            p.putObject("container").put("type", "message").put("message_ts", ts).put("channel_id", CHANNEL)
                    .put("is_ephemeral", false);
            p.putObject("channel").put("id", CHANNEL).put("name", "plans");
            p.putObject("message").put("type", "message").put("ts", ts).put("text", "reminder");
        } else {
            p.putObject("container").put("type", "view").put("view_id", "V0HOME");
            p.putObject("view").put("id", "V0HOME").put("type", "home");
        }
        p.putArray("actions").addObject().put("action_id", actionId).put("block_id", "b1").put("type", "button")
                .put("value", value).put("action_ts", "1684141200.000001");
        return "payload=" + URLEncoder.encode(p.toString(), StandardCharsets.UTF_8);
    }

    /** A view_submission payload of the new-date modal with this metadata, date (ISO; null for none) and reason. */
    String submitNewDate(String userId, String metadata, String isoDate, String reason) {
        ObjectNode p = JSON.createObjectNode().put("type", "view_submission").put("api_app_id", "A1").put("token", "legacy")
                .put("trigger_id", slack.triggerId());
        p.putObject("team").put("id", TEAM).put("domain", "fake");
        p.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("name", userId.toLowerCase())
                .put("team_id", TEAM);
        ObjectNode view = p.putObject("view").put("id", "V0MODAL").put("team_id", TEAM).put("type", "modal")
                .put("callback_id", NewDateModal.CALLBACK_ID).put("private_metadata", metadata).put("hash", "h1");
        view.putObject("title").put("type", "plain_text").put("text", "New target date");
        ObjectNode values = view.putObject("state").putObject("values");
        ObjectNode date = values.putObject(NewDateModal.DATE_BLOCK).putObject(NewDateModal.DATE_ACTION).put("type", "datepicker");
        if (isoDate != null) {
            date.put("selected_date", isoDate);
        } else {
            date.putNull("selected_date");
        }
        ObjectNode why = values.putObject(NewDateModal.REASON_BLOCK).putObject(NewDateModal.REASON_ACTION).put("type", "plain_text_input");
        if (reason != null) {
            why.put("value", reason);
        }
        p.putArray("response_urls");
        return "payload=" + URLEncoder.encode(p.toString(), StandardCharsets.UTF_8);
    }

    /** An event_callback of a message in the thread of {@code threadTs}. */
    String threadReply(String eventId, String userId, String threadTs, String text) {
        ObjectNode p = JSON.createObjectNode().put("token", "legacy").put("team_id", TEAM).put("api_app_id", "A1")
                .put("type", "event_callback").put("event_id", eventId).put("event_time", bot.now().getEpochSecond());
        p.putObject("event").put("type", "message").put("channel", CHANNEL).put("user", userId).put("text", text)
                .put("ts", bot.now().getEpochSecond() + ".000200").put("thread_ts", threadTs)
                .put("event_ts", bot.now().getEpochSecond() + ".000200").put("channel_type", "channel");
        p.putArray("authorizations").addObject().putNull("enterprise_id").put("team_id", TEAM).put("user_id", FakeSlack.BOT_USER_ID)
                .put("is_bot", true);
        return p.toString();
    }

    /** An event_callback of app_home_opened by {@code userId}. */
    String homeOpened(String userId) {
        ObjectNode p = JSON.createObjectNode().put("token", "legacy").put("team_id", TEAM).put("api_app_id", "A1")
                .put("type", "event_callback").put("event_id", "EvHome" + userId).put("event_time", bot.now().getEpochSecond());
        p.putObject("event").put("type", "app_home_opened").put("user", userId).put("channel", "D0HOME").put("tab", "home")
                .put("event_ts", bot.now().getEpochSecond() + ".000300");
        p.putArray("authorizations").addObject().putNull("enterprise_id").put("team_id", TEAM).put("user_id", FakeSlack.BOT_USER_ID)
                .put("is_bot", true);
        return p.toString();
    }

    // ---- HTTP

    /** POSTs a body to the Slack edge, signed for now, with extra headers (e.g. X-Slack-Retry-Num). */
    HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        String ts = String.valueOf(bot.now().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.app().httpPort() + SlackConnector.EVENTS_PATH))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String body) throws Exception {
        return post(body, Map.of());
    }

    /** Polls until {@code found} gives something non-null, or fails after {@code within} of real time. */
    static <T> T await(String what, Supplier<T> found) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 10 s for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** The calls of {@code method} once there are {@code n} of them. */
    List<FakeSlack.Call> awaitCalls(String method, int n) {
        return await(n + " calls of " + method, () -> slack.calls(method).size() >= n ? slack.calls(method) : null);
    }

    private com.slack.api.methods.MethodsClient client() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        return Slack.getInstance(config).methods(TOKEN);
    }

    @Override
    public void close() {
        slack.close();
        bot.close();
    }
}
