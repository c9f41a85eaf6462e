package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.storage.ChatIdentity;
import planbot.testing.PlanEdits;

/**
 * {@code /plan admin claim CODE} through the real Slack edge: the first request binds the workspace, every Slack user
 * is a guest, and a code from the terminal makes one of them the admin who can then link people.
 */
class AdminClaimSlackTest {
    @TempDir
    Path dir;

    @Test
    void givenAWorkspaceOfGuests_whenOneClaimsACodeFromTheTerminal_thenTheyAreAnAdminAndCanLinkPeople() throws Exception {
        try (SlackFixture f = SlackFixture.slowPath(dir, PlanEdits.sample().owner("EN003/01", "HoP").plan())) {
            // GIVEN a guest who cannot link people
            f.post(f.slashCommand("U0SAM", "people link \"HoP\" <@U0HOP|hop>"));
            assertThat(PlanSlashCommandTest.answer(f, 1).toString()).contains("Only an admin can link");
            String code = f.bot.app().admin().claimCode(f.bot.tenant().slug(), "cli", Source.CLI).code();
            // WHEN they claim a code from the terminal
            f.post(f.slashCommand("U0SAM", "admin claim " + code));
            JsonNode claimed = PlanSlashCommandTest.answer(f, 2);
            // THEN they are an admin linked to their Slack account, and the next link works
            assertThat(claimed.toString()).contains("is now an admin");
            // AND the answer is theirs alone: an in-channel answer would show the command, code and all, to the channel
            assertThat(claimed.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(f.bot.app().people().findByIdentity(f.bot.tenant(), new ChatIdentity("slack", SlackFixture.TEAM, "U0SAM")))
                    .map(p -> p.role()).contains(Role.ADMIN);
            f.post(f.slashCommand("U0SAM", "people link \"HoP\" <@U0HOP|hop>"));
            assertThat(PlanSlashCommandTest.answer(f, 3).toString()).contains("HoP is now linked");
            // AND a second claim of the same code, by anyone, is refused for them only
            f.post(f.slashCommand("U0KIM", "admin claim " + code));
            JsonNode again = PlanSlashCommandTest.answer(f, 4);
            assertThat(again.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(again.toString()).contains("used already");
        }
    }
}
