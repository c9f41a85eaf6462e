package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the edge makes of a verified body, in-process: Slack's shapes become Bolt requests; anything else is refused
 * with a 4xx and a short reason that quotes nothing of the body, before Bolt sees it.
 */
class SlackInboundTest {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";
    static final String COMMAND = "token=t&team_id=T0001&user_id=U0001&user_name=sam&command=%2Fplan&text=status+EN003"
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&trigger_id=1.2.3";
    static final String CLICK = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0001\"},\"user\":{\"id\":\"U0001\"},"
            + "\"actions\":[{\"action_id\":\"reminder_done\",\"value\":\"v\"}]}";
    static final String EVENT = "{\"type\":\"event_callback\",\"team_id\":\"T0001\",\"event_id\":\"Ev1\","
            + "\"event\":{\"type\":\"app_home_opened\",\"user\":\"U0001\",\"tab\":\"home\"}}";

    final SlackInbound inbound = new SlackInbound(AppConfig.builder().singleTeamBotToken("xoxb-test").signingSecret("s").build());

    static Stream<Arguments> slacksShapes() {
        return Stream.of(
                Arguments.of("a slash command", FORM, COMMAND, RequestType.Command),
                Arguments.of("a button click", FORM, payload(CLICK), RequestType.BlockAction),
                Arguments.of("an event", JSON, EVENT, RequestType.Event),
                Arguments.of("an event of a type planbot does not handle", JSON, EVENT.replace("app_home_opened", "reaction_added"),
                        RequestType.Event),
                Arguments.of("a message event with no user", JSON, EVENT.replace("\"user\":\"U0001\",", "")
                        .replace("app_home_opened", "message"), RequestType.Event),
                Arguments.of("the URL check", JSON, "{\"type\":\"url_verification\",\"challenge\":\"abc\"}", RequestType.UrlVerification),
                Arguments.of("the SSL check", FORM, "ssl_check=1&token=t", RequestType.SSLCheck),
                Arguments.of("JSON with its charset named", JSON + "; charset=utf-8", EVENT, RequestType.Event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slacksShapes")
    void slacksOwnShapesBecomeBoltRequests(String what, String contentType, String body, RequestType type) {
        SlackInbound.Read read = read(contentType, body.getBytes(StandardCharsets.UTF_8));
        assertThat(read).isInstanceOf(SlackInbound.Accepted.class);
        assertThat(((SlackInbound.Accepted) read).request().getRequestType()).isEqualTo(type);
    }

    static Stream<Arguments> hostileBodies() {
        byte[] latin1 = "token=t&team_id=T0001&user_id=U0001&command=%2Fplan&text=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of("a payload that is not JSON", FORM, bytes(payload("not json")), 400),
                Arguments.of("a payload that is a JSON array", FORM, bytes(payload("[" + CLICK + "]")), 400),
                Arguments.of("a payload that is a JSON string", FORM, bytes(payload("\"payload\"")), 400),
                Arguments.of("a click with no team", FORM, bytes(payload(CLICK.replace("\"team\":{\"id\":\"T0001\"},", ""))), 400),
                Arguments.of("a click with no user", FORM, bytes(payload(CLICK.replace("\"user\":{\"id\":\"U0001\"},", ""))), 400),
                Arguments.of("a click whose team is a string", FORM, bytes(payload(CLICK.replace("{\"id\":\"T0001\"}", "\"T0001\""))), 400),
                Arguments.of("a slash command with no team_id", FORM, bytes(COMMAND.replace("team_id=T0001&", "")), 400),
                Arguments.of("a slash command with no user_id", FORM, bytes(COMMAND.replace("user_id=U0001&", "")), 400),
                Arguments.of("a team id that is not a Slack id", FORM, bytes(COMMAND.replace("T0001", "T" + "9".repeat(60_000))), 400),
                Arguments.of("a bad %-escape in a command", FORM, bytes(COMMAND + "%zz"), 400),
                Arguments.of("a trailing % in a payload", FORM, bytes(payload(CLICK) + "%"), 400),
                Arguments.of("an unknown payload type", FORM, bytes(payload(CLICK.replace("block_actions", "zz_unknown"))), 400),
                Arguments.of("a view payload with no view", FORM, bytes(payload("{\"type\":\"view_closed\",\"team\":{\"id\":\"T0001\"},"
                        + "\"user\":{\"id\":\"U0001\"}}")), 400),
                Arguments.of("an unknown JSON type", JSON, bytes(EVENT.replace("event_callback", "zz_unknown")), 400),
                Arguments.of("an event with no event type", JSON, bytes(EVENT.replace("\"type\":\"app_home_opened\",", "")), 400),
                Arguments.of("an event with no team", JSON, bytes(EVENT.replace("\"team_id\":\"T0001\",", "")), 400),
                Arguments.of("an event whose user is an object", JSON, bytes(EVENT.replace("\"U0001\"", "{\"id\":7}")), 400),
                Arguments.of("duplicate keys", JSON, bytes(EVENT.replace("{\"type\":\"event_callback\",",
                        "{\"type\":\"url_verification\",\"type\":\"event_callback\",")), 400),
                Arguments.of("a JSON body sent as a form", FORM, bytes(EVENT), 400),
                Arguments.of("a form sent as JSON", JSON, bytes(COMMAND), 400),
                Arguments.of("a truncated JSON body", JSON, bytes(EVENT.substring(0, EVENT.length() / 2)), 400),
                Arguments.of("a truncated form", FORM, bytes(payload(CLICK).substring(0, 40)), 400),
                Arguments.of("an empty body", FORM, new byte[0], 400),
                Arguments.of("bytes that are not UTF-8", FORM, latin1, 400),
                Arguments.of("a text/plain body", "text/plain", bytes(COMMAND), 415),
                Arguments.of("no content type", null, bytes(COMMAND), 415),
                Arguments.of("another charset", JSON + "; charset=ISO-8859-1", bytes(EVENT), 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void aBodySlackWouldNotSendIsRefusedWithAShortReason(String what, String contentType, byte[] body, int status) {
        SlackInbound.Read read = read(contentType, body);
        assertThat(read).isInstanceOf(SlackInbound.Malformed.class);
        SlackInbound.Malformed malformed = (SlackInbound.Malformed) read;
        assertThat(malformed.status()).isEqualTo(status);
        // a few words, quoting nothing the sender wrote
        assertThat(malformed.reason()).hasSizeLessThan(60).doesNotContain("T0001", "U0001", "EN003", "{");
    }

    @org.junit.jupiter.api.Test
    void appRateLimitedIsAcknowledgedAndIgnored() {
        SlackInbound.Read read = read(JSON, bytes("{\"type\":\"app_rate_limited\",\"team_id\":\"T0001\",\"minute_rate_limited\":1}"));
        assertThat(read).isInstanceOf(SlackInbound.Ignored.class);
    }

    private SlackInbound.Read read(String contentType, byte[] body) {
        return inbound.read(contentType, body, SlackHttp.EVENTS_PATH, Map.of(), new RequestHeaders(Map.of("Content-Type",
                contentType == null ? List.of() : List.of(contentType))), "127.0.0.1");
    }

    private static String payload(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
