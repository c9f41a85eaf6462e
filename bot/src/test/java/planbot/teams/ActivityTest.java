package planbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import planbot.storage.TeamsConversation;

/** Reading an activity: strictly, once, into what planbot needs. */
class ActivityTest {
    private static Activity parse(String json) throws Activity.Malformed {
        return Activity.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String THREAD = "{\"type\":\"message\",\"id\":\"1\",\"serviceUrl\":\"https://smba.example/amer/t/\","
            + "\"channelId\":\"msteams\",\"from\":{\"id\":\"29:1a\",\"aadObjectId\":\"aad-1\",\"name\":\"Sam\"},"
            + "\"recipient\":{\"id\":\"28:bot\"},\"conversation\":{\"id\":\"19:c@thread.tacv2;messageid=17\","
            + "\"conversationType\":\"channel\",\"tenantId\":\"T1\"},\"channelData\":{\"tenant\":{\"id\":\"%s\"},"
            + "\"team\":{\"id\":\"19:team@thread.tacv2\"},\"channel\":{\"id\":\"19:c@thread.tacv2\"}},\"text\":\"hi\"}";

    @Test
    void givenAReplyInAChannelThread_whenRead_thenTheChannelIsItsConversationWithoutTheThread() throws Exception {
        Activity a = parse(String.format(THREAD, "T1"));
        assertThat(a.conversationId()).isEqualTo("19:c@thread.tacv2;messageid=17");
        assertThat(a.baseConversationId()).isEqualTo("19:c@thread.tacv2");
        assertThat(a.kind()).isEqualTo(TeamsConversation.Kind.CHANNEL);
        assertThat(a.tenantsAgree()).isTrue();
        TeamsConversation ref = a.reference(true, java.time.Instant.EPOCH).orElseThrow();
        assertThat(ref.serviceUrl()).isEqualTo("https://smba.example/amer/t/");
        assertThat(ref.channelId()).isEqualTo("19:c@thread.tacv2");
        assertThat(ref.userAadObjectId()).isEmpty();
    }

    @Test
    void givenTwoDifferentTenants_whenRead_thenTheActivitySaysTheyDisagree() throws Exception {
        assertThat(parse(String.format(THREAD, "T2")).tenantsAgree()).isFalse();
    }

    @Test
    void givenBodiesThatAreNotActivities_whenRead_thenEachIsRefusedWithAShortReason() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(Activity.Malformed.class);
        assertThatThrownBy(() -> parse("[1]")).hasMessage("body is not one JSON object");
        assertThatThrownBy(() -> parse("{\"type\":\"message\",\"type\":\"invoke\"}")).isInstanceOf(Activity.Malformed.class);
        assertThatThrownBy(() -> parse("{\"type\":\"message\",\"serviceUrl\":\"https://x\"}")).hasMessage("no id");
        assertThatThrownBy(() -> parse(String.format(THREAD, "T1").replace("\"text\":\"hi\"", "\"text\":7")))
                .hasMessage("text is not a string");
    }

    @Test
    void givenAMemberJoining_whenRead_thenItIsNoInstallUnlessTheBotIsAdded() throws Exception {
        String joined = String.format(THREAD, "T1").replace("\"type\":\"message\"", "\"type\":\"conversationUpdate\"")
                .replace("\"text\":\"hi\"", "\"membersAdded\":[{\"id\":\"29:someone\"}]");
        assertThat(parse(joined).botAdded()).isFalse();
        assertThat(parse(joined.replace("29:someone", "28:bot")).botAdded()).isTrue();
    }
}
