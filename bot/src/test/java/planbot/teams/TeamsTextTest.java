package planbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Teams text in and out: mentions by entity, Teams' HTML undone, user text that cannot mention anyone. */
class TeamsTextTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOT = "28:bot-app-id";

    static JsonNode entities(String json) throws Exception {
        return JSON.readTree(json);
    }

    static String mention(String id, String name, String text) {
        return "{\"type\":\"mention\",\"text\":\"" + text + "\",\"mentioned\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}}";
    }

    @Test
    void theBotsMentionGluedToTheCommandIsRemovedByItsEntity() throws Exception {
        JsonNode e = entities("[" + mention(BOT, "planbot dev", "<at>planbot dev</at>") + "]");
        assertThat(TeamsText.neutral("<at>planbot dev</at>status ENF003", e, BOT)).isEqualTo("status ENF003");
        assertThat(TeamsText.neutral("<p><at>planbot dev</at>&nbsp;status ENF003</p>", e, BOT)).isEqualTo("status ENF003");
    }

    @Test
    void theBotIsFoundByItsIdWhateverItsDisplayName() throws Exception {
        // GIVEN a channel where the bot is called "Action Tracker" and someone is called "planbot"
        JsonNode e = entities("[" + mention(BOT, "Action Tracker", "<at>Action Tracker</at>") + ","
                + "{\"type\":\"mention\",\"text\":\"<at>planbot</at>\",\"mentioned\":{\"id\":\"29:person\",\"aadObjectId\":"
                + "\"6b1f-aad\",\"name\":\"planbot\"}}]");
        // THEN the bot's mention goes, and the person called planbot stays as a mention of them
        assertThat(TeamsText.neutral("<at>Action Tracker</at> assign EN003/02 <at>planbot</at>", e, BOT))
                .isEqualTo("assign EN003/02 <@6b1f-aad|planbot>");
    }

    @Test
    void someoneElsesMentionBecomesTheNeutralFormByTheirEntraIdOrTheirTeamsId() throws Exception {
        JsonNode e = entities("[" + mention(BOT, "planbot", "<at>planbot</at>") + ","
                + "{\"type\":\"mention\",\"text\":\"<at>Sam Jones</at>\",\"mentioned\":{\"id\":\"29:1sam\",\"aadObjectId\":"
                + "\"a1b2c3d4-0000-1111-2222-333344445555\",\"name\":\"Sam Jones\"}}]");
        assertThat(TeamsText.neutral("<at>planbot</at> assign EN003/02 <at>Sam Jones</at>", e, BOT))
                .isEqualTo("assign EN003/02 <@a1b2c3d4-0000-1111-2222-333344445555|Sam Jones>");
        JsonNode noAad = entities("[" + mention("29:1sam", "Sam Jones", "<at>Sam Jones</at>") + "]");
        assertThat(TeamsText.neutral("people link \"HoP\" <at>Sam Jones</at>", noAad, BOT))
                .isEqualTo("people link \"HoP\" <@29:1sam|Sam Jones>");
    }

    @Test
    void channelAndTagMentionsAreNotPeople() throws Exception {
        JsonNode e = entities("[{\"type\":\"mention\",\"text\":\"<at>General</at>\",\"mentioned\":{\"id\":\"19:abc@thread.tacv2\","
                + "\"name\":\"General\",\"conversationIdentityType\":\"channel\"}},"
                + "{\"type\":\"mention\",\"text\":\"<at>Planners</at>\",\"mentioned\":{\"id\":\"tag-1\",\"name\":\"Planners\","
                + "\"conversationIdentityType\":\"tag\"}}]");
        assertThat(TeamsText.neutral("channel manager <at>General</at> for <at>Planners</at>", e, BOT))
                .isEqualTo("channel manager <#19:abc@thread.tacv2|General> for @Planners");
    }

    @Test
    void teamsHtmlIsUndoneToPlainText() throws Exception {
        assertThat(TeamsText.neutral("<div><p>note EN3/1 R&amp;D&nbsp;&nbsp;said &quot;ok&quot; &lt;fine&gt; &#39;x&#39; &#x2713;</p>"
                + "<p>second&nbsp;line<br>third</p></div>", null, BOT))
                .isEqualTo("note EN3/1 R&D said \"ok\" <fine> 'x' ✓\nsecond line\nthird");
        // plain text keeps what looks like a tag but is not one of Teams' own
        assertThat(TeamsText.neutral("  note EN3/1 a <3 b > c &unknown; ", entities("[]"), BOT)).isEqualTo("note EN3/1 a <3 b > c &unknown;");
        assertThat(TeamsText.neutral(null, null, BOT)).isEmpty();
    }

    @Test
    void entitiesThatAreNotMentionsOrNotInTheTextAreIgnored() throws Exception {
        JsonNode e = entities("[{\"type\":\"clientInfo\",\"locale\":\"en-GB\"}," + mention("29:x", "Ghost", "<at>Ghost</at>") + "]");
        assertThat(TeamsText.neutral("status ENF003", e, BOT)).isEqualTo("status ENF003");
    }

    @Test
    void safeTextCannotMentionOrMarkUp() {
        assertThat(TeamsText.safe("<at>Sam</at> @General & <b>x</b> [click](https://evil.example) **loud**\u001b"))
                .isEqualTo("&lt;at&gt;Sam&lt;/at&gt; @General &amp; &lt;b&gt;x&lt;/b&gt; \\[click\\](https://evil.example) \\*\\*loud\\*\\*␛");
        assertThat(TeamsText.safe(null)).isEmpty();
    }
}
