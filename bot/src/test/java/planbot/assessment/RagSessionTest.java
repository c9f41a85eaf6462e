package planbot.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.assessment.AssessSessions.FACILITATOR;
import static planbot.assessment.AssessSessions.OLIVIA;
import static planbot.assessment.AssessSessions.OSCAR;
import static planbot.assessment.AssessSessions.PRIYA;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.assess.Scale;
import planbot.assess.Template;
import planbot.assess.read.TemplateReader;
import planbot.reply.AssessCard;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.storage.JdbiTemplateRepository;
import planbot.testing.TestBot;

/**
 * A session on the red/amber/green example in samples (FM Code style), on the console with three voters, through the
 * whole stack: colour choices, hidden votes, the reveal in colours, outcomes, a score of the wrong scale, movement.
 */
class RagSessionTest {
    private static final String NAME = "Financial management standards";

    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() throws Exception {
        bot = AssessSessions.open(dir);
        Template rag = TemplateReader.read(Path.of("../samples/assessments/fm-code-example.yaml")).template();
        assertThat(rag.scale()).isEqualTo(Scale.RAG);
        new JdbiTemplateRepository(bot.app().database(), bot.clock()).save(TestBot.TENANT, rag);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private AssessCard start() {
        return (AssessCard) bot.send(FACILITATOR, "assess start \"" + NAME + "\"");
    }

    private String failure(String who, String text) {
        Reply reply = bot.send(who, text);
        assertThat(reply).as(text).isInstanceOf(Failure.class);
        return ((Failure) reply).message();
    }

    @Test
    void GIVEN_a_rag_template_WHEN_a_session_starts_THEN_the_standard_is_shown_with_red_amber_green_and_abstain_choices() {
        AssessCard card = start();

        assertThat(card.title()).endsWith("part 1 of 5: Leadership owns financial sustainability. Rate it red, amber or green, or abstain.");
        assertThat(card.lines()).anyMatch(l -> l.startsWith("Standard: The leadership team takes responsibility"));
        assertThat(card.lines()).anyMatch(l -> l.startsWith("Green looks like: Members and senior officers"));
        assertThat(card.lines()).noneMatch(l -> l.startsWith("Poor (1)"));
        assertThat(card.choices()).extracting(c -> c.label()).containsExactly("Red", "Amber", "Green", "Abstain");
        assertThat(card.choices()).extracting(c -> c.command()).containsExactly("assess vote red", "assess vote amber",
                "assess vote green", "assess vote abstain");
    }

    @Test
    void GIVEN_three_voters_WHEN_they_vote_in_colours_THEN_hidden_until_the_reveal_which_counts_colours_and_flags_red_to_green() {
        start();
        Reply first = bot.send(OLIVIA, "assess vote red");
        bot.send(OSCAR, "assess vote A");
        bot.send(PRIYA, "assess vote g");

        assertThat(first).isInstanceOf(Confirmation.class);
        assertThat(((Confirmation) first).text()).doesNotContain("red");
        String status = bot.sendText(OSCAR, "assess status");
        assertThat(status).contains("3 votes in, hidden until the reveal").doesNotContain("Olivia").doesNotContain("red");

        AssessCard reveal = (AssessCard) bot.send(FACILITATOR, "assess reveal");

        assertThat(reveal.lines()).contains("3 scores: lowest red, highest green.", "Red: 1 · Amber: 1 · Green: 1",
                "⚠ Votes run from red to green: discuss why before agreeing a rating.",
                "Votes: Olivia Officer red, Oscar Other amber, Priya Planner green.",
                "Next: `assess agree red|amber|green because …`, then `assess target red|amber|green because …`.");
        Map<String, Object> outcome = AssessSessions.rows(bot, "assess_outcome").get(0);
        assertThat(outcome).containsEntry("counts", "1:1 2:1 3:1");

        assertThat(((Confirmation) bot.send(FACILITATOR, "assess agree Amber because the plan exists but is not tested")).text())
                .isEqualTo("Part 1 agreed at amber because the plan exists but is not tested.");
        assertThat(failure(FACILITATOR, "assess target amber")).startsWith("Say why the target is not green: `assess target amber because …`.");
        assertThat(((Confirmation) bot.send(FACILITATOR, "assess target amber because scenarios need a model we lack")).text())
                .isEqualTo("Part 1 target: amber, not green because scenarios need a model we lack.");
        assertThat(((Confirmation) bot.send(FACILITATOR, "assess target green")).text()).isEqualTo("Part 1 target: green.");
        Map<String, Object> recorded = AssessSessions.rows(bot, "assess_outcome").get(0);
        assertThat(((Number) recorded.get("agreed_score")).intValue()).isEqualTo(2);
        assertThat(((Number) recorded.get("target_score")).intValue()).isEqualTo(3);
    }

    @Test
    void GIVEN_a_rag_session_WHEN_a_number_is_given_or_on_a_1_to_5_session_a_colour_THEN_one_sentence_names_what_fits_and_nothing_changes() {
        start();
        bot.send(OLIVIA, "assess vote amber");
        var before = bot.dump();

        assertThat(failure(OSCAR, "assess vote 3")).isEqualTo(
                "This assessment is rated red, amber or green, not by number: `assess vote amber` (or `assess vote abstain`).");
        assertThat(failure(OSCAR, "assess vote purple")).startsWith("A score is a whole number from 1 to 5 (red, amber or green on a red/amber/green template), or abstain, not `purple`");
        bot.send(FACILITATOR, "assess reveal");
        before = bot.dump();
        assertThat(failure(FACILITATOR, "assess agree 4 because fine")).isEqualTo(
                "This assessment is rated red, amber or green, not by number: `assess agree amber because …`.");
        assertThat(bot.dump()).isEqualTo(before);

        bot.send(FACILITATOR, "assess end");
        bot.send(FACILITATOR, "assess start \"" + AssessSessions.TEMPLATE + "\"");
        before = bot.dump();
        assertThat(failure(OLIVIA, "assess vote amber")).isEqualTo(
                "This assessment is rated 1, 2, 3, 4 or 5, not in colours: `assess vote 3` (or `assess vote abstain`).");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void GIVEN_a_finished_rag_assessment_WHEN_it_is_run_again_THEN_last_time_and_the_movement_are_in_colours() {
        start();
        bot.send(OLIVIA, "assess vote amber");
        bot.send(FACILITATOR, "assess reveal");
        bot.send(FACILITATOR, "assess agree amber because the leadership agenda has no finance item");
        bot.send(FACILITATOR, "assess target green");
        AssessCard ended = (AssessCard) bot.send(FACILITATOR, "assess end");
        assertThat(ended.lines()).contains("Part 1: agreed amber, target green.");

        AssessCard again = start();

        assertThat(again.lines()).contains("Last time: amber, target green.");
        bot.send(OLIVIA, "assess vote green");
        AssessCard reveal = (AssessCard) bot.send(FACILITATOR, "assess reveal");
        assertThat(reveal.lines()).contains("Last time: amber (target green).");
        assertThat(((Confirmation) bot.send(FACILITATOR, "assess agree green because finance is on every agenda")).text())
                .endsWith("Last time amber → now green.");
    }
}
