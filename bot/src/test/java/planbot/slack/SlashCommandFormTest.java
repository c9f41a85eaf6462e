package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edge's one-pass reading of a slash command's form gives exactly what Bolt's own parser gives. */
class SlashCommandFormTest {
    private static final String DOCUMENTED = new String(SlackSignatureTest.BODY, StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {
            // Slack's documented example: an empty text=
            "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
                    + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
                    + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
            // an Enterprise Grid org-wide install, text with spaces (+), escapes Slack added (&amp;) and a mention
            "token=t&enterprise_id=E1&enterprise_name=Big+Council&is_enterprise_install=true&team_id=&api_app_id=A1&channel_id=C1"
                    + "&user_id=U1&user_name=sam&command=%2Fplan&text=note+EN003%2F01+%26amp%3B+%3C%40U2%3E+%C3%A9t%C3%A9&trigger_id=1.2.3",
            "command=%2Fplan&text=status+EN003%2F01&is_enterprise_install=FALSE&unknown_field=x&&team_id=T1&",
    })
    void aSlashCommandReadsAsBoltReadsIt(String body) {
        // GIVEN a slash command's form body
        // WHEN the edge reads it
        SlashCommandPayload ours = SlashCommandForm.parse(body);
        // THEN every field is what Bolt's parser reads from it
        assertThat(ours).isNotNull().isEqualTo(new SlashCommandPayloadParser().parse(body));
    }

    @Test
    void theDocumentedExampleKeepsItsFieldsAndLeavesAnEmptyTextNull() {
        // GIVEN / WHEN Slack's documented example
        SlashCommandPayload p = SlashCommandForm.parse(DOCUMENTED);
        // THEN the fields are decoded, and the empty text is null as in Bolt
        assertThat(p.getCommand()).isEqualTo("/webhook-collect");
        assertThat(p.getResponseUrl()).isEqualTo("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN");
        assertThat(p.getText()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "payload=%7B%22type%22%3A%22block_actions%22%7D",
            "command=%2Fplan&payload=%7B%22type%22%3A%22block_actions%22%7D",
            "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\"}}",
            "  [1,2]",
            "ssl_check=1&token=t",
            "team_id=T1&text=hello",
            "",
            "   ",
            "command=%2Fplan&text=%zz",
    })
    void anythingElseIsLeftToBolt(String body) {
        // GIVEN a body that is not a well-formed slash command (an interaction, an event, an SSL check, a bad escape)
        // WHEN / THEN the edge does not read it: Bolt's parser decides what it is
        assertThat(SlashCommandForm.parse(body)).isNull();
    }
}
