package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.command.SamplePeople.ADA;
import static planbot.command.SamplePeople.VERA;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import planbot.reply.ActionCard;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Reply;
import planbot.reply.TaskCard;
import planbot.storage.testing.TestPlans;
import planbot.testing.TestBot;

/** Refs as people type them resolve to the one action or task they name, or to candidates; never to a guess. */
class RefResolutionTest {
    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        bot = SamplePeople.open(dir);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENF003", "ENFORCEMENT 003", "enforcement 3", "EN003", "EN3", "en3", "Enforcement 003",
            "ENFORCMENT 3", "EN 3", "/plan status EN3"})
    void givenAnyFormOfAnActionsRef_whenItsStatusIsAsked_thenThatActionsCardComes(String ref) {
        String text = ref.startsWith("/plan") ? ref : "status " + ref;

        Reply reply = bot.send(VERA, text);

        assertThat(reply).as(text).isInstanceOf(ActionCard.class);
        assertThat(((ActionCard) reply).key()).isEqualTo("EN003");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EN003/01", "EN3/1", "en3/1", "EN03/001", "EN 3/1", "ENF003/01", "ENFORCEMENT 003/01"})
    void givenAnyFormOfATasksRef_whenItsStatusIsAsked_thenThatTasksCardComes(String ref) {
        Reply reply = bot.send(VERA, "status " + ref);

        assertThat(reply).as(ref).isInstanceOf(TaskCard.class);
        assertThat(((TaskCard) reply).task().ref()).isEqualTo("EN003/01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EN003/01", "EN3/1", "ENF003/01"})
    void givenAnyFormOfATasksRef_whenItIsChanged_thenThatTaskChanges(String ref) {
        Reply reply = bot.send(ADA, "done " + ref);

        assertThat(reply).as(ref).isInstanceOf(Confirmation.class);
        assertThat(bot.task("EN003/01").status().word()).isEqualTo("Completed");
    }

    @Test
    void givenLettersThatStartTwoActionsKeys_whenUsedAsARef_thenBothAreOfferedAndNeitherChosen() {
        // CO abbreviates COM (COMMS), COMP (COMPLAINTS) and CON (CONSULTATION), all with a number 1.
        Failure f = (Failure) bot.send(VERA, "status CO1");

        assertThat(f.message()).isEqualTo("`CO1` could mean more than one thing; say which.");
        assertThat(f.suggestions()).containsExactlyInAnyOrder("COM001", "COMP001", "CON001");
    }

    @Test
    void givenALetterThatStartsEnforcementAndEngagement_whenUsedAsARef_thenBothAreOffered() {
        Failure f = (Failure) bot.send(VERA, "status E3");

        assertThat(f.suggestions()).containsExactlyInAnyOrder("EN003", "ENG003");
    }

    @Test
    void givenAnAmbiguousRef_whenAChangeIsAsked_thenNothingIsChanged() {
        var before = bot.dump();

        Reply reply = bot.send(ADA, "done CO1/1");

        assertThat(reply).isInstanceOf(Failure.class);
        assertThat(((Failure) reply).suggestions()).containsExactlyInAnyOrder("COM001/01", "COMP001/01", "CON001/01");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenARefNothingIsCalled_whenItsStatusIsAsked_thenTheClosestRefsAreOffered() {
        Failure f = (Failure) bot.send(VERA, "status XYZ999");

        assertThat(f.message()).isEqualTo("I can't find `XYZ999` in the plan.");
        assertThat(f.suggestions()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void givenATaskNumberTheActionDoesNotHave_whenAsked_thenItsActionsTasksAreOffered() {
        Failure f = (Failure) bot.send(VERA, "status EN3/9");

        assertThat(f.message()).isEqualTo("I can't find `EN3/9` in the plan.");
        assertThat(f.suggestions()).contains("EN003/01").allSatisfy(s -> assertThat(s).startsWith("EN003/"));
    }

    @Test
    void givenASmallTypoInARef_whenAsked_thenTheRefItWasMeantToBeIsOffered() {
        Failure f = (Failure) bot.send(VERA, "status EN003/1O");

        assertThat(f.suggestions()).contains("EN003/01");
    }

    @Test
    void givenTwoPlansWithTheSameTaskRef_whenThatRefIsUsed_thenBothPlansAreNamedAndNeitherChosen() {
        bot.importPlan(TestPlans.review("second plan"));

        Failure f = (Failure) bot.send(VERA, "status EN003/01");

        assertThat(f.message()).contains("More than one plan has EN003/01");
        assertThat(f.suggestions()).containsExactlyInAnyOrder("EN003/01 in planning-review-action-plan", "EN003/01 in second plan");
    }

    @Test
    void givenSomethingThatIsNotARef_whenAsked_thenItSaysWhatRefsLookLike() {
        Failure f = (Failure) bot.send(VERA, "status ---");

        assertThat(f.message()).contains("ENF003");
    }
}
