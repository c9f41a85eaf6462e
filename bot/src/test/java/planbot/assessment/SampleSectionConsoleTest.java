package planbot.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.assess.Template;
import planbot.assess.read.TemplateReader;
import planbot.chat.ConsoleChat;
import planbot.domain.Role;
import planbot.testing.TestBot;

/**
 * The bundled PAS section (4 parts, 15 tips) run from start to end on the console, each participant in their own
 * console chat as {@code ./planbot chat --as NAME} builds it: the state is only in the database they share.
 */
class SampleSectionConsoleTest {
    @TempDir
    Path dir;
    TestBot bot;
    Template template;

    @BeforeEach
    void open() throws Exception {
        bot = TestBot.withSample(dir).person(AssessSessions.FACILITATOR, Role.LEAD).person(AssessSessions.OLIVIA, Role.OFFICER)
                .person(AssessSessions.OSCAR, Role.OFFICER).person(AssessSessions.PRIYA, Role.OFFICER)
                .person(AssessSessions.MONA, Role.MANAGER).person(AssessSessions.VERA, Role.VIEWER);
        template = TemplateReader.read(Path.of("../samples/assessments/pas-dm-challenge-toolkit-processes-it.txt")).template();
        bot.app().templates().save(TestBot.TENANT, template);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void GIVEN_the_sample_section_WHEN_a_team_runs_it_on_the_console_THEN_every_part_is_voted_scored_and_its_first_tip_becomes_an_action() {
        ConsoleChat facilitator = bot.chat(AssessSessions.FACILITATOR);
        Map<String, ConsoleChat> team = new LinkedHashMap<>();
        AssessSessions.VOTERS.forEach(name -> team.put(name, bot.chat(name)));

        String opening = facilitator.respond("assess start \"" + template.name() + "\"");
        assertThat(opening).contains("part 1 of 4").contains("Poor (1): " + template.parts().get(0).poor());
        int adopted = 0;
        for (int p = 0; p < template.parts().size(); p++) {
            if (p > 0) {
                assertThat(facilitator.respond("assess next")).contains("part " + (p + 1) + " of 4");
            }
            int score = 2;
            for (ConsoleChat voter : team.values()) {
                String ack = voter.respond("assess vote " + score);
                score = score == 4 ? 2 : score + 1;
                if (p == 0 || voter != team.get(AssessSessions.VERA)) {
                    assertThat(ack).contains("Your vote on part " + (p + 1) + " is in");
                }
            }
            String reveal = p == 0 ? facilitator.respond("assess reveal") : facilitator.respond("assess status");
            if (p == 0) {
                assertThat(reveal).contains("5 scores: lowest 2, highest 4.").contains("A spread of 2");
            } else {
                assertThat(reveal).contains("votes revealed"); // the fifth vote revealed it: all invited had voted
            }
            facilitator.respond("assess agree 3 because process notes exist but are out of date");
            facilitator.respond("assess target 4 because IT is outside our control");
            int tip = template.parts().get(p).tips().get(0).number();
            assertThat(facilitator.respond("assess adopt " + tip + " owner \"Officer 0001\" by 31/03/2027"))
                    .contains("Tip " + tip + " adopted as AS00" + (++adopted) + "/01");
            int second = template.parts().get(p).tips().get(1).number();
            assertThat(facilitator.respond("assess dismiss " + second + " because we already do this"))
                    .contains("Tip " + second + " dismissed because we already do this.");
        }
        String ended = facilitator.respond("assess end");

        assertThat(ended).contains("4 tips adopted, 4 dismissed; 4 actions added to");
        assertThat(team.get(AssessSessions.OLIVIA).respond("assess status")).contains("No assessment is running here");
        assertThat(bot.task("AS004/01").description()).isEqualTo(template.parts().get(3).tips().get(0).text());
    }
}
