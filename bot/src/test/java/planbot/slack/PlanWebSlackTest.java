package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.Role;
import planbot.domain.Source;

/** {@code /plan web} through Slack end to end: signed request in, the link out at the fake Slack, for the asker only. */
class PlanWebSlackTest {
    static final Pattern LINK = Pattern.compile("<(http://localhost:\\d+/signin/[A-Za-z0-9_-]{43})\\|Open planbot>");

    @TempDir
    Path dir;

    @Test
    void aLinkedPersonGetsAPrivateLinkThatOpensTheSignInPage() throws Exception {
        try (SlackFixture f = SlackFixture.slowPath(dir, PlanSlashCommandTest.plan()).linked("Olivia", Role.OFFICER, "UOLIVIA")) {
            // WHEN Olivia types /plan web in a channel
            assertThat(f.post(f.slashCommand("UOLIVIA", "web")).statusCode()).isEqualTo(200);
            JsonNode a = PlanSlashCommandTest.answer(f, 1);
            // THEN she alone sees a link, as Slack's <url|label>
            assertThat(a.path("response_type").asText()).isEqualTo("ephemeral");
            Matcher m = LINK.matcher(a.path("blocks").toString());
            assertThat(m.find()).as(a.toString()).isTrue();
            assertThat(a.path("text").asText()).doesNotContain("/signin/");
            // AND the link works: it opens the sign-in page with its Continue button, on this server
            String path = m.group(1).replaceFirst("http://localhost:\\d+", "");
            HttpResponse<String> page = f.get(path);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Continue");
            assertThat(f.bot.audit("Olivia")).extracting(AuditEvent::source).contains(Source.SLACK);
            assertThat(f.slack.violations()).isEmpty();
        }
    }

    @Test
    void aGuestGetsOneSentenceAndNoLink() throws Exception {
        try (SlackFixture f = SlackFixture.slowPath(dir, PlanSlashCommandTest.plan())) {
            f.post(f.slashCommand("USTRANGER", "web"));
            JsonNode a = PlanSlashCommandTest.answer(f, 1);
            assertThat(a.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(a.path("blocks").toString()).contains("an admin must link your account first").doesNotContain("/signin/");
            assertThat(f.bot.dump().get("signin_link")).isEmpty();
        }
    }
}
