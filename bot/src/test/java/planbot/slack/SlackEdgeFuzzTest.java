package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.answer.ButtonValue;
import planbot.delivery.Button;
import planbot.domain.Role;
import planbot.slack.fake.FakeSlack;
import planbot.storage.ChatIdentity;
import planbot.storage.testing.TestDatabases;
import planbot.testing.EdgeFuzzer;
import planbot.testing.EdgeFuzzer.Seed;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * {@code POST /slack/events} under thousands of correctly signed but malformed requests, over real HTTP, with every
 * Slack handler planbot has registered: none may get a 5xx (Slack retries those, and turns off event subscriptions
 * that keep failing), none may log at ERROR or print a stack trace, and none may change the database (the seeds are
 * a guest's, so nothing they could do legitimately writes either).
 */
class SlackEdgeFuzzTest {
    static final String TOKEN = "xoxb-fuzz-token";
    static final String SECRET = "fuzz-signing-secret";
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String CHANNEL = "C0PLANS";
    static final String OLIVIA = "U0OLIVIA";
    static final String GUEST = "U0GUEST";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestBot bot;
    FakeSlack slack;
    SlackConnector connector;
    SlackSignature signer;

    @BeforeEach
    void start() throws Exception {
        bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN003/01", "Olivia").plan());
        bot.person("Olivia", Role.OFFICER);
        bot.app().people().link(bot.tenant(), "Olivia", new ChatIdentity("slack", TEAM, OLIVIA));
        // an established install: the council's workspace is bound, so a made-up team id must not bind itself
        bot.app().workspaces().bind(bot.tenant(), "slack", "", TEAM, bot.now());
        slack = FakeSlack.start(TOKEN).channel(CHANNEL).user(OLIVIA, "olivia").user(GUEST, "guest");
        App app = bot.app();
        connector = new SlackConnector(new SlackSettings(TOKEN, SECRET, null, slack.apiUrl()), app.platformServices(),
                PlanSlashCommand.DEFAULT_FAST_PATH, List.of());
        app.startPlatforms(List.of(connector), 0);
        // established, so already welcomed: a fuzzed App Home opening must not be the workspace's first use
        app.platformServices().welcome().firstUse(bot.tenant(), planbot.domain.Source.SLACK, TEAM, OLIVIA).orElseThrow();
        signer = new SlackSignature(SECRET, app.clock());
    }

    @AfterEach
    void stop() {
        slack.close();
        bot.close();
    }

    @Test
    void twoThousandSignedMalformedRequestsGetNo5xxLogNoErrorAndChangeNothing() {
        // GIVEN valid payloads of every kind the edge takes, signed as Slack signs them
        EdgeFuzzer fuzzer = new EdgeFuzzer(URI.create("http://127.0.0.1:" + bot.app().httpPort() + SlackHttp.EVENTS_PATH),
                body -> {
                    String ts = String.valueOf(bot.now().getEpochSecond());
                    return Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", signer.sign(ts, body));
                }, seeds(), SlackHttp.MAX_BODY_BYTES, 20261207L);
        // WHEN 2,000 of them, mutated, are sent
        EdgeFuzzer.Report report = fuzzer.run(2_000, Duration.ofSeconds(30), () -> TestDatabases.dump(bot.app().database()));
        // THEN every one was answered below 500, nothing was logged at ERROR, no stack trace, no table changed
        System.out.println("Slack edge fuzz: " + report.summary());
        assertThat(report.sent()).isEqualTo(2_000);
        assertThat(report.serverErrors()).isEmpty();
        assertThat(report.errorLogs()).isEmpty();
        assertThat(report.stackTraces()).isZero();
        assertThat(report.changes()).isEmpty();
        assertThat(slack.violations()).isEmpty();
    }

    private List<Seed> seeds() {
        long taskId = bot.taskRow("EN003/01").id();
        String tenant = TestBot.TENANT;
        List<Seed> seeds = new ArrayList<>();
        seeds.add(Seed.form("/plan status", slashCommand(OLIVIA, "status EN003")));
        seeds.add(Seed.form("/plan help", slashCommand(GUEST, "help")));
        seeds.add(Seed.form("/plan update by a guest", slashCommand(GUEST, "update EN003/01 completed")));
        for (Button.Choice choice : List.of(Button.Choice.DONE, Button.Choice.NEW_DATE)) {
            String value = new ButtonValue(tenant, taskId, 1, choice).encode();
            seeds.add(Seed.form("click " + choice, click(GUEST, ButtonValue.actionId(choice), value)));
        }
        String metadata = new ButtonValue(tenant, taskId, 1, Button.Choice.NEW_DATE).encode() + "|" + CHANNEL + "|1684141200.000100";
        seeds.add(Seed.form("new date modal", submitNewDate(GUEST, metadata, "2023-06-30", "waiting on legal")));
        seeds.add(Seed.json("thread reply", event(JSON.createObjectNode().put("type", "message").put("channel", CHANNEL)
                .put("user", GUEST).put("text", "done").put("ts", "1684141300.000200").put("thread_ts", "1684141200.000100")
                .put("event_ts", "1684141300.000200").put("channel_type", "channel"))));
        seeds.add(Seed.json("home opened", event(JSON.createObjectNode().put("type", "app_home_opened").put("user", GUEST)
                .put("channel", "D0HOME").put("tab", "home").put("event_ts", "1684141300.000300"))));
        seeds.add(Seed.json("url verification", "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmd\",\"type\":\"url_verification\"}"));
        seeds.add(Seed.form("ssl check", "ssl_check=1&token=legacy"));
        return seeds;
    }

    private String slashCommand(String userId, String text) {
        return "token=legacy&team_id=" + TEAM + "&team_domain=fake&channel_id=C1&channel_name=planning&user_id=" + userId
                + "&user_name=" + userId.toLowerCase() + "&command=%2Fplan&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&api_app_id=A1&response_url=" + URLEncoder.encode(slack.responseUrl(), StandardCharsets.UTF_8)
                + "&trigger_id=" + URLEncoder.encode(slack.triggerId(), StandardCharsets.UTF_8);
    }

    private ObjectNode interaction(String type, String userId) {
        ObjectNode p = JSON.createObjectNode().put("type", type).put("api_app_id", "A1").put("token", "legacy")
                .put("trigger_id", slack.triggerId());
        p.putObject("team").put("id", TEAM).put("domain", "fake");
        p.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("name", userId.toLowerCase())
                .put("team_id", TEAM);
        return p;
    }

    private String click(String userId, String actionId, String value) {
        ObjectNode p = interaction("block_actions", userId).put("response_url", slack.responseUrl());
        p.putObject("container").put("type", "message").put("message_ts", "1684141200.000100").put("channel_id", CHANNEL)
                .put("is_ephemeral", false);
        p.putObject("channel").put("id", CHANNEL).put("name", "plans");
        p.putObject("message").put("type", "message").put("ts", "1684141200.000100").put("text", "reminder");
        p.putArray("actions").addObject().put("action_id", actionId).put("block_id", "b1").put("type", "button")
                .put("value", value).put("action_ts", "1684141200.000001");
        return "payload=" + URLEncoder.encode(p.toString(), StandardCharsets.UTF_8);
    }

    private String submitNewDate(String userId, String metadata, String isoDate, String reason) {
        ObjectNode p = interaction("view_submission", userId);
        ObjectNode view = p.putObject("view").put("id", "V0MODAL").put("team_id", TEAM).put("type", "modal")
                .put("callback_id", "reminder_new_date_modal").put("private_metadata", metadata).put("hash", "h1");
        ObjectNode values = view.putObject("state").putObject("values");
        values.putObject("new_date").putObject("date").put("type", "datepicker").put("selected_date", isoDate);
        values.putObject("reason").putObject("reason").put("type", "plain_text_input").put("value", reason);
        p.putArray("response_urls");
        return "payload=" + URLEncoder.encode(p.toString(), StandardCharsets.UTF_8);
    }

    private String event(ObjectNode event) {
        ObjectNode p = JSON.createObjectNode().put("token", "legacy").put("team_id", TEAM).put("api_app_id", "A1")
                .put("type", "event_callback").put("event_id", "Ev0FUZZ").put("event_time", bot.now().getEpochSecond());
        p.set("event", event);
        p.putArray("authorizations").addObject().putNull("enterprise_id").put("team_id", TEAM)
                .put("user_id", FakeSlack.BOT_USER_ID).put("is_bot", true);
        return p.toString();
    }
}
