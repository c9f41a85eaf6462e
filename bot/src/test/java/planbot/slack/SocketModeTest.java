package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.slack.fake.FakeSlack;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/** Socket Mode drives the same Bolt app and /plan handler as HTTP: an envelope in, an ack back, the answer at response_url. */
class SocketModeTest {
    static final String APP_TOKEN = "xapp-1-A1-1234-test-app-token";
    @TempDir
    Path dir;

    @Test
    void aSlashCommandOverSocketModeIsAckedAndAnswered() throws Exception {
        try (TestBot bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN003/01", "Olivia").plan());
             FakeSocketMode slack = new FakeSocketMode(SlackFixture.TOKEN, APP_TOKEN);
             FakeSlack hooks = FakeSlack.start(SlackFixture.TOKEN)) {
            // GIVEN planbot connected over Socket Mode, every answer left to response_url
            App app = bot.app();
            SlackSettings settings = new SlackSettings(SlackFixture.TOKEN, SlackFixture.SECRET, APP_TOKEN, slack.apiUrl());
            try (SlackConnector connector = new SlackConnector(settings, app.platformServices(), Duration.ZERO, List.of())) {
                assertThat(connector.start()).isEqualTo("Slack over Socket Mode");
                SlackFixture.await(Duration.ofSeconds(10), "the WebSocket connection", () -> slack.connected() ? true : null);
                // WHEN Slack sends /plan status EN003/01 down the socket
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("token", "legacy");
                fields.put("team_id", SlackFixture.TEAM);
                fields.put("team_domain", "fake");
                fields.put("channel_id", "C1");
                fields.put("user_id", "UGUEST");
                fields.put("user_name", "guest");
                fields.put("command", "/plan");
                fields.put("text", "status EN003/01");
                fields.put("api_app_id", "A1");
                fields.put("response_url", hooks.responseUrl());
                fields.put("trigger_id", hooks.triggerId());
                String envelope = slack.slashCommand(fields);
                // THEN the envelope is acked within 3 s, and the card arrives at response_url
                FakeSocketMode.Ack ack = SlackFixture.await(Duration.ofSeconds(5), "the ack",
                        () -> slack.acks.isEmpty() ? null : slack.acks.get(0));
                assertThat(ack.envelopeId()).isEqualTo(envelope);
                assertThat(ack.millis()).isBetween(0L, 3000L);
                FakeSlack.Call answer = SlackFixture.await(Duration.ofSeconds(10), "the answer at response_url",
                        () -> hooks.calls("response_url").isEmpty() ? null : hooks.calls("response_url").get(0));
                assertThat(answer.params().path("blocks").toString()).contains("EN003/01").contains("Olivia");
                assertThat(slack.refused).isEmpty();
            }
        }
    }
}
