package planbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.assess.Part;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.domain.Role;
import planbot.storage.ChatIdentity;
import planbot.teams.fake.FakeBotConnector;
import planbot.testing.TestBot;

/**
 * An assessment on Teams through the real activity endpoint: the part comes as a card with an Action.Submit per score;
 * a click runs that vote as the clicker; a forged button value runs nothing else.
 */
class AssessTeamsTest {
    @TempDir
    Path dir;
    TeamsFixture f;
    FakeBotConnector.User liam;
    String chat;

    @BeforeEach
    void open() throws Exception {
        f = TeamsFixture.start(dir);
        f.bot.person("Liam Lead", Role.LEAD);
        liam = f.teams.user("Liam Lead", "liam@council.example");
        f.bot.app().people().link(f.bot.tenant(), "Liam Lead", new ChatIdentity("teams", FakeBotConnector.TENANT_ID, liam.aadObjectId()));
        f.bot.app().templates().save(TestBot.TENANT, new Template("Processes", "test", List.of(new Part(1, "Notes",
                "No notes.", "Notes kept up to date.", List.of(new Tip(1, "Write down each process.")), List.of()))));
        chat = f.teams.inPersonal(liam).conversationId();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void GIVEN_a_part_card_WHEN_a_score_button_is_submitted_THEN_that_vote_is_cast_and_a_forged_value_runs_nothing() throws Exception {
        f.deliver(f.teams.message(liam, f.teams.inPersonal(liam), "assess start \"Processes\""));
        ObjectNode card = f.awaitNew(chat, 0);
        List<JsonNode> data = new ArrayList<>();
        card.findValues("data").forEach(d -> {
            if (d.has("planbot_assess")) {
                data.add(d);
            }
        });
        assertThat(data).extracting(d -> d.path("planbot_assess").asText()).containsExactly("assess vote 1", "assess vote 2",
                "assess vote 3", "assess vote 4", "assess vote 5", "assess vote abstain");

        f.deliver(f.teams.submit(liam, f.teams.inPersonal(liam), card.path("id").asText(), (ObjectNode) data.get(2)));
        ObjectNode ack = f.awaitNew(chat, 1);
        var before = f.bot.dump();
        ObjectNode forged = f.teams.submit(liam, f.teams.inPersonal(liam), card.path("id").asText(),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("planbot_assess", "done EN003/01"));
        f.deliver(forged);
        Thread.sleep(300); // nothing is to happen; give the worker a moment to do it wrongly

        assertThat(ack.toString()).contains("Your vote on part 1 is in");
        assertThat(f.bot.dump().get("assess_vote")).hasSize(1);
        assertThat(((Number) f.bot.dump().get("assess_vote").get(0).get("score")).intValue()).isEqualTo(3);
        assertThat(f.bot.dump()).isEqualTo(before);
    }
}
