package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.command.Fixtures.failed;
import static planbot.command.Fixtures.parsed;

import java.time.LocalDate;
import planbot.assess.Scale;
import org.junit.jupiter.api.Test;

/** {@code assess …}: every line of the issue's grammar, its synonyms, quoting, and the sentences for bad input. */
class AssessGrammarTest {

    private static AssessStep step(String text) {
        Command c = parsed(text);
        assertThat(c).as(text).isInstanceOf(Command.Assess.class);
        return ((Command.Assess) c).step();
    }

    @Test
    void GIVEN_the_issues_lines_WHEN_parsed_THEN_each_is_its_step_with_what_was_typed() {
        assertThat(step("assess start \"Processes, IT and administration\"")).isEqualTo(
                new AssessStep.Start("Processes, IT and administration", false, null));
        assertThat(step("assess start \"Processes, IT and administration\" anonymous")).isEqualTo(
                new AssessStep.Start("Processes, IT and administration", true, null));
        assertThat(step("assess vote 3")).isEqualTo(new AssessStep.Vote(3));
        assertThat(step("assess vote abstain")).isEqualTo(new AssessStep.Vote(null));
        assertThat(step("assess reveal")).isEqualTo(new AssessStep.Reveal());
        assertThat(step("assess agree 3 because process notes exist but are out of date")).isEqualTo(
                new AssessStep.Agree(3, "process notes exist but are out of date"));
        assertThat(step("assess target 4 because IT is outside our control")).isEqualTo(
                new AssessStep.Target(4, "IT is outside our control"));
        assertThat(step("assess adopt 1 owner \"Officer 0001\" by 31/03/2027")).isEqualTo(
                new AssessStep.Adopt(1, "Officer 0001", LocalDate.of(2027, 3, 31), null));
        assertThat(step("assess dismiss 2 because we already do this")).isEqualTo(new AssessStep.Dismiss(2, "we already do this"));
        assertThat(step("assess action \"Review validation checklist\" owner \"HoP\" by 30/06/2027")).isEqualTo(
                new AssessStep.AddAction("Review validation checklist", "HoP", LocalDate.of(2027, 6, 30)));
        assertThat(step("assess next")).isEqualTo(new AssessStep.Next());
        assertThat(step("assess end")).isEqualTo(new AssessStep.End());
        assertThat(step("assess status")).isEqualTo(new AssessStep.Status());
        assertThat(step("assess templates")).isEqualTo(new AssessStep.Templates());
    }

    @Test
    void GIVEN_synonyms_curly_quotes_unquoted_names_and_a_plan_WHEN_parsed_THEN_the_same_steps() {
        assertThat(step("/plan Assess Begin “Processes, IT and administration” plan \"North plan\" anonymous")).isEqualTo(
                new AssessStep.Start("Processes, IT and administration", true, "North plan"));
        assertThat(step("assess run Processes anonymous")).isEqualTo(new AssessStep.Start("Processes", true, null));
        assertThat(step("assess abstain")).isEqualTo(new AssessStep.Vote(null));
        assertThat(step("assess score 5")).isEqualTo(new AssessStep.Vote(5));
        assertThat(step("assess show")).isEqualTo(new AssessStep.Reveal());
        assertThat(step("assess target 5")).isEqualTo(new AssessStep.Target(5, null));
        assertThat(step("assess accept tip 3 owner Sam Jones by 1 April 2027 because quick win")).isEqualTo(
                new AssessStep.Adopt(3, "Sam Jones", LocalDate.of(2027, 4, 1), "quick win"));
        assertThat(step("assess reject 2 not for us")).isEqualTo(new AssessStep.Dismiss(2, "not for us"));
        assertThat(step("assess add Review the checklist owner HoP by 30/06/2027")).isEqualTo(
                new AssessStep.AddAction("Review the checklist", "HoP", LocalDate.of(2027, 6, 30)));
        assertThat(step("assess finish")).isEqualTo(new AssessStep.End());
    }

    @Test
    void GIVEN_colours_in_any_case_or_their_initials_WHEN_parsed_THEN_scores_on_the_rag_scale() {
        assertThat(step("assess vote red")).isEqualTo(new AssessStep.Vote(1, Scale.RAG));
        assertThat(step("assess vote A")).isEqualTo(new AssessStep.Vote(2, Scale.RAG));
        assertThat(step("assess score GREEN")).isEqualTo(new AssessStep.Vote(3, Scale.RAG));
        assertThat(step("assess agree Amber because untested")).isEqualTo(new AssessStep.Agree(2, Scale.RAG, "untested"));
        assertThat(step("assess target green")).isEqualTo(new AssessStep.Target(3, Scale.RAG, null));
        assertThat(step("assess target g")).isEqualTo(new AssessStep.Target(3, Scale.RAG, null));
        assertThat(failed("assess target amber").message()).startsWith("Say why the target is not green: `assess target amber because …`.");
        assertThat(failed("assess vote purple").message()).isEqualTo("A score is a whole number from 1 to 5 (red, amber or green"
                + " on a red/amber/green template), or abstain, not `purple`: `assess vote 3` (or `assess vote abstain`).");
    }

    @Test
    void GIVEN_bad_input_WHEN_parsed_THEN_one_sentence_says_what_is_wrong() {
        assertThat(failed("assess vote 7").message()).isEqualTo(
                "A score is a whole number from 1 to 5, or abstain, not `7`: `assess vote 3` (or `assess vote abstain`).");
        assertThat(failed("assess agree 0 because").message()).startsWith("A score is a whole number from 1 to 5, not `0`");
        assertThat(failed("assess agree 3").message()).startsWith("Say why the group agreed 3");
        assertThat(failed("assess target 4").message()).startsWith("Say why the target is not a 5");
        assertThat(failed("assess dismiss 2").message()).startsWith("Say why tip 2 is not for you");
        assertThat(failed("assess adopt 1 by 31/03/2027").message()).startsWith("Who owns it, and by when?");
        assertThat(failed("assess adopt one owner HoP by 31/03/2027").message()).startsWith("Which tip?");
        assertThat(failed("assess adopt 1 owner \"HoP by 31/03/2027").message()).startsWith("A quote opened at");
        assertThat(failed("assess adopt 1 owner HoP by 31/02/2027").message()).isEqualTo(failed("date EN3/1 31/02/2027").message());
        assertThat(failed("assess action \"Review\" owner HoP by 30/06/2027 and more").message()).startsWith("I don't know what to do with");
        assertThat(failed("assess vote 3 4").message()).startsWith("I don't know what to do with");
        ParseResult.Failed unknown = failed("assess revael");
        assertThat(unknown.message()).startsWith("I don't know `assess revael`. Did you mean `assess reveal`?");
        assertThat(unknown.suggestions()).containsExactly("assess reveal");
        assertThat(failed("assess").message()).startsWith("Say what to do");
    }
}
