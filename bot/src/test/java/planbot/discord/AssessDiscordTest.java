package planbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.assess.Part;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.discord.fake.FakeDiscord;
import planbot.discord.rest.DiscordRest;
import planbot.domain.Role;
import planbot.storage.ChatIdentity;
import planbot.testing.TestBot;

/**
 * An assessment on Discord through the real interactions endpoint: {@code /plan assess} starts it in the channel with
 * score buttons; a click votes as the clicker, answered to them alone; the facilitator's reveal is for the channel.
 */
class AssessDiscordTest {
    @TempDir
    Path dir;
    DiscordFixture f;
    FakeDiscord.User liam;

    @BeforeEach
    void open() throws Exception {
        f = DiscordFixture.start(dir).bindGuild();
        f.bot.person("Liam Lead", Role.LEAD);
        liam = f.discord.user("Liam Lead");
        f.bot.app().people().link(f.bot.tenant(), "Liam Lead", new ChatIdentity("discord", FakeDiscord.GUILD_ID, liam.id()));
        f.bot.app().templates().save(TestBot.TENANT, new Template("Processes", "test", List.of(new Part(1, "Notes",
                "No notes.", "Notes kept up to date.", List.of(new Tip(1, "Write down each process.")), List.of()))));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void GIVEN_a_part_with_buttons_WHEN_a_voter_clicks_THEN_only_they_are_told_and_the_facilitators_reveal_is_for_the_channel() throws Exception {
        JsonNode part = f.respond(f.discord.slashCommand(liam, f.planChannel, "assess", Map.of("step", "start \"Processes\"")));
        assertThat(part.path("data").path("flags").asInt() & 64).isZero();
        List<String> ids = new ArrayList<>();
        part.path("data").path("components").forEach(row -> row.path("components").forEach(b -> ids.add(b.path("custom_id").asText())));
        assertThat(ids).containsExactly("as:assess vote 1", "as:assess vote 2", "as:assess vote 3", "as:assess vote 4",
                "as:assess vote 5", "as:assess vote abstain");

        // the part as the channel holds it (the fake knows a clicked message only if the bot posted it)
        ObjectNode body = (ObjectNode) part.path("data").deepCopy();
        String message = new DiscordRest(URI.create(f.discord.apiBaseUrl()),
                Optional.of(FakeDiscord.TOKEN), Duration.ofSeconds(5))
                .post("/channels/" + f.planChannel.id() + "/messages", body).path("id").asText();
        JsonNode vote = f.respond(f.discord.buttonClick(f.olivia, f.planChannel, message, "as:assess vote 4"));
        assertThat(vote.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(vote.path("data").toString()).contains("Your vote on part 1 is in");
        JsonNode forged = f.respond(f.discord.buttonClick(f.olivia, f.planChannel, message, "as:done EN003/01"));
        assertThat(forged.path("data").toString()).contains("I don't know what to do with that.");

        JsonNode reveal = f.respond(f.discord.slashCommand(liam, f.planChannel, "assess", Map.of("step", "reveal")));

        assertThat(reveal.path("data").path("flags").asInt() & 64).isZero();
        assertThat(reveal.path("data").toString()).contains("1 score: lowest 4, highest 4.");
        assertThat(f.bot.task("EN003/01").status().word()).isNotEqualTo("Completed");
    }
}
