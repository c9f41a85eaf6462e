package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.command.SamplePeople.ADA;
import static planbot.command.SamplePeople.OLIVIA;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.RefKey;
import planbot.domain.Role;
import planbot.domain.Task;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.HistoryReply;
import planbot.reply.Question;
import planbot.reply.Reply;
import planbot.reply.TaskCard;
import planbot.storage.TaskInAction;
import planbot.storage.TaskRow;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * Two plans of one tenant that share every ref (the sample imported as "north" and as "south", as councils with
 * generic trackers numbered 1, R1, 1.1 do): every candidate planbot offers can be typed back, and a plan can be
 * named in every ref-taking command, before the ref or after it.
 */
class TwoPlansTest {
    @TempDir
    Path dir;
    TestBot bot;

    @BeforeEach
    void open() {
        Plan sample = PlanEdits.sample().owner("EN003/01", OLIVIA).plan();
        bot = TestBot.start(dir)
                .importPlan(new Plan("north", sample.layout(), sample.sections()))
                .importPlan(new Plan("south", sample.layout(), sample.sections()))
                .person(ADA, Role.ADMIN);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private TaskRow task(String plan, String ref) {
        for (TaskInAction t : bot.app().tasks().findTasksByKey(bot.tenant(), RefKey.of(ref))) {
            if (t.task().planName().equals(plan)) {
                return t.task();
            }
        }
        throw new AssertionError("no " + ref + " in " + plan);
    }

    @Test
    void givenTwoPlansWithTheSameRef_whenItIsAskedForBare_thenEachCandidateTypedBackGivesThatPlansTask() {
        Failure f = (Failure) bot.send(ADA, "status EN003/01");
        assertThat(f.suggestions()).containsExactlyInAnyOrder("EN003/01 in north", "EN003/01 in south");

        bot.send(ADA, "note EN003/01 in south only the south one");

        for (String candidate : f.suggestions()) {
            Reply r = bot.send(ADA, "status " + candidate);
            assertThat(r).as(candidate).isInstanceOf(TaskCard.class);
            boolean noted = ((TaskCard) r).task().notes() != null && ((TaskCard) r).task().notes().contains("only the south one");
            assertThat(noted).as(candidate).isEqualTo(candidate.endsWith("south"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"done EN003/01 in south", "done south:EN003/01", "complete EN3/1 in South",
            "done \"south\":EN3/1", "done EN003/01 in \"south\"", "update EN003/01 in south completed",
            "update south:EN003/01 completed", "done ENF003/01 in south", "done EN003/01 in south: signed off"})
    void givenAPlanNamedBeforeOrAfterTheRef_whenATaskIsCompleted_thenOnlyThatPlansTaskChanges(String command) {
        Reply r = bot.send(ADA, command);

        assertThat(r).as(command).isInstanceOf(Confirmation.class);
        assertThat(((Confirmation) r).text()).as(command).startsWith("EN003/01 in south is now Completed");
        assertThat(task("south", "EN003/01").task().status().word()).isEqualTo("Completed");
        assertThat(task("north", "EN003/01").task().status().word()).isNotEqualTo("Completed");
    }

    @Test
    void givenTwoPlans_whenUpdateNamesThePlanAndStatusInProgress_thenInIsStillReadAsAStatusWhenNoPlanFollows() {
        Reply r = bot.send(ADA, "update EN003/01 in south in progress");

        assertThat(r).isInstanceOf(Confirmation.class);
        assertThat(task("south", "EN003/01").task().status().word()).isEqualTo("In progress");
        // "in progress" straight after the ref is a status, not a plan called "progress"
        assertThat(((Failure) bot.send(ADA, "update EN003/01 in progress")).message()).contains("More than one plan has EN003/01");
    }

    @Test
    void givenAMistypedStatusForARefNamingItsPlan_whenTheSuggestionIsTypedBack_thenItChangesThatPlansTask() {
        Failure f = (Failure) bot.send(ADA, "update south:EN003/01 on targt");

        assertThat(f.suggestions()).containsExactly("update EN003/01 in south on target");
        assertThat(bot.send(ADA, f.suggestions().get(0))).isInstanceOf(Confirmation.class);
        assertThat(task("south", "EN003/01").task().status().word()).isEqualTo("On target");
    }

    @Test
    void givenTwoPlans_whenANoteDateAssignAndSnoozeNameThePlan_thenEachChangesThatPlansTaskOnly() {
        assertThat(bot.send(ADA, "note EN003/01 in south in time for committee")).isInstanceOf(Confirmation.class);
        assertThat(task("south", "EN003/01").task().notes()).endsWith("Ada Admin: in time for committee");
        assertThat(task("north", "EN003/01").task().notes()).isNull();

        assertThat(bot.send(ADA, "date south:EN003/01 30/06/2024 waiting on legal")).isInstanceOf(Confirmation.class);
        assertThat(task("south", "EN003/01").task().target()).isEqualTo(PlanDate.of(LocalDate.of(2024, 6, 30)));
        assertThat(task("north", "EN003/01").task().target()).isNotEqualTo(PlanDate.of(LocalDate.of(2024, 6, 30)));

        assertThat(bot.send(ADA, "assign EN003/01 in south Sam Jones")).isInstanceOf(Confirmation.class);
        assertThat(task("south", "EN003/01").task().owner()).isEqualTo("Sam Jones");
        assertThat(task("north", "EN003/01").task().owner()).isEqualTo(OLIVIA);

        assertThat(bot.send(ADA, "snooze EN003/01 in south 1w")).isInstanceOf(Confirmation.class);
        assertThat(bot.app().snoozes().snoozedUntil(bot.tenant(), task("south", "EN003/01").id())).isPresent();
        assertThat(bot.app().snoozes().snoozedUntil(bot.tenant(), task("north", "EN003/01").id())).isEmpty();
    }

    @Test
    void givenAChangeToTheSouthTask_whenEachPlansHistoryAndCardAreAsked_thenOnlyTheSouthOnesShowIt() {
        bot.send(ADA, "done EN003/01 in south signed off");
        assertThat(bot.send(ADA, "history EN003/01")).isInstanceOf(Failure.class);

        HistoryReply south = (HistoryReply) bot.send(ADA, "history EN003/01 in south");
        HistoryReply north = (HistoryReply) bot.send(ADA, "history north:EN3/1");
        String northCard = bot.sendText(ADA, "status EN003/01 in north");
        String northAction = bot.sendText(ADA, "history EN003 in north");

        assertThat(south.lines()).anySatisfy(l -> assertThat(l.what()).contains("Completed (signed off)"));
        assertThat(north.lines()).noneSatisfy(l -> assertThat(l.what()).contains("signed off"));
        assertThat(northCard).doesNotContain("signed off");
        assertThat(northAction).doesNotContain("signed off");
        assertThat(bot.sendText(ADA, "history EN003 in south")).contains("signed off");
    }

    @Test
    void givenTwoPlansWithTheSameAction_whenTheActionIsAskedFor_thenEachCandidateTypedBackIsThatPlansAction() {
        Failure f = (Failure) bot.send(ADA, "status EN003");

        assertThat(f.suggestions()).containsExactlyInAnyOrder("EN003 in north", "EN003 in south");
        for (String candidate : f.suggestions()) {
            assertThat(bot.send(ADA, "status " + candidate)).as(candidate).isInstanceOf(planbot.reply.ActionCard.class);
        }
    }

    @Test
    void givenTwoPlans_whenATypoIsMade_thenTheSuggestionsNameTheirPlanAndWorkTypedBack() {
        Failure f = (Failure) bot.send(ADA, "status EN003/1O");

        assertThat(f.suggestions()).contains("EN003/01 in north", "EN003/01 in south");
        for (String candidate : f.suggestions()) {
            assertThat(bot.send(ADA, "status " + candidate)).as(candidate).isNotInstanceOf(Failure.class);
        }
    }

    @Test
    void givenLettersThatStartSeveralActionsInBothPlans_whenUsed_thenEachCandidateNamesItsPlanAndWorksTypedBack() {
        Failure f = (Failure) bot.send(ADA, "status CO1");

        assertThat(f.suggestions()).isNotEmpty().allSatisfy(s -> assertThat(s).matches(".* in (north|south)"));
        for (String candidate : f.suggestions()) {
            assertThat(bot.send(ADA, "status " + candidate)).as(candidate).isInstanceOf(planbot.reply.ActionCard.class);
        }
        assertThat(((Failure) bot.send(ADA, "status CO1 in south")).suggestions()).allSatisfy(s -> assertThat(s).endsWith(" in south"));
    }

    @Test
    void givenAPlanThatDoesNotExist_whenNamed_thenTheRealPlansAreOfferedAndNothingChanges() {
        var before = bot.dump();

        Failure f = (Failure) bot.send(ADA, "done EN003/01 in \"west\"");

        assertThat(f.message()).contains("no plan called `west`").contains("north, south");
        assertThat(f.suggestions()).containsExactly("EN003/01 in north", "EN003/01 in south");
        assertThat(bot.dump()).isEqualTo(before);
        assertThat(((Failure) bot.send(ADA, "status EN003/01 in west")).suggestions()).contains("EN003/01 in south");
    }

    @Test
    void givenAPlanWhoseNameHasSpaces_whenNamedQuotedOrBare_thenItIsFound() {
        Plan sample = PlanEdits.sample().plan();
        bot.importPlan(new Plan("north east", sample.layout(), sample.sections()));

        Failure f = (Failure) bot.send(ADA, "status EN003/01");
        assertThat(f.suggestions()).contains("EN003/01 in north east");

        for (String command : List.of("done EN003/01 in north east", "done EN003/01 in \"North  East\" finally",
                "done \"north east\":EN003/01")) {
            assertThat(bot.send(ADA, command)).as(command).isInstanceOf(Confirmation.class);
            assertThat(task("north east", "EN003/01").task().status().word()).isEqualTo("Completed");
            assertThat(task("north", "EN003/01").task().status().word()).isNotEqualTo("Completed");
        }
    }

    @Test
    void givenTwoPlans_whenAReminderIsAnsweredByItsTaskId_thenThatTaskChangesWhateverOtherPlansHold() {
        TaskRow south = task("south", "EN003/01");
        CommandRequest asAda = new CommandRequest(TestBot.TENANT, bot.actor(ADA), planbot.domain.Source.CONSOLE, "done");

        Reply r = bot.app().reminderReplies().replyOnTask(asAda, south.id());

        assertThat(r).isInstanceOf(Confirmation.class);
        assertThat(task("south", "EN003/01").task().status().word()).isEqualTo("Completed");
        assertThat(task("north", "EN003/01").task().status().word()).isNotEqualTo("Completed");
    }

    @Test
    void givenTwoPlans_whenFreeTextAnswersAReminder_thenTheNoteCommandOfferedNamesThePlanAndWorks() {
        TaskRow south = task("south", "EN003/01");
        CommandRequest asAda = new CommandRequest(TestBot.TENANT, bot.actor(ADA), planbot.domain.Source.CONSOLE, "waiting on legal");

        Question q = (Question) bot.app().reminderReplies().replyOnTask(asAda, south.id());

        assertThat(q.choices().get(0).command()).isEqualTo("note EN003/01 in south waiting on legal");
        assertThat(bot.send(ADA, q.choices().get(0).command())).isInstanceOf(Confirmation.class);
        assertThat(task("south", "EN003/01").task().notes()).contains("waiting on legal");
    }

    @Test
    void givenTwoPlans_whenTheConsoleRepliesToAReminderNamingThePlan_thenThatTaskChanges() {
        Reply r = bot.replyToReminder(ADA, "south:EN003/01", "done");

        assertThat(r).isInstanceOf(Confirmation.class);
        assertThat(task("south", "EN003/01").task().status().word()).isEqualTo("Completed");
        Task north = task("north", "EN003/01").task();
        assertThat(north.status().word()).isNotEqualTo("Completed");
    }

    @Test
    void givenWordsAfterARefThatNameNoPlan_whenParsed_thenTheyKeepTheirMeaningAndTheRefNamesNoPlan() {
        CommandParser parser = new CommandParser(new DateParser(bot.clock(), planbot.App.ZONE));
        java.util.function.Supplier<List<String>> plans = () -> List.of("north", "south");

        Command.Update update = (Command.Update) ((ParseResult.Parsed) parser.parse("update EN3/1 in progress", plans)).command();
        Command.Done done = (Command.Done) ((ParseResult.Parsed) parser.parse("done EN3/1 in time for committee", plans)).command();
        Command.Note note = (Command.Note) ((ParseResult.Parsed) parser.parse("note EN3/1: in south we wait", List::of)).command();
        Command.Status colon = (Command.Status) ((ParseResult.Parsed) parser.parse("status EN3/1:", plans)).command();

        assertThat(update.ref()).isEqualTo(new RefText("EN3/1"));
        assertThat(update.kind()).isEqualTo(planbot.domain.StatusKind.IN_PROGRESS);
        assertThat(done.ref().plan()).isNull();
        assertThat(done.note()).isEqualTo("in time for committee");
        assertThat(note.ref().plan()).isNull();
        assertThat(note.text()).isEqualTo("in south we wait");
        assertThat(colon.ref()).isEqualTo(new RefText("EN3/1"));
    }

    @Test
    void givenAPlanNamedAroundARef_whenParsed_thenTheRefCarriesThePlanAndTheRestIsKept() {
        CommandParser parser = new CommandParser(new DateParser(bot.clock(), planbot.App.ZONE));
        java.util.function.Supplier<List<String>> plans = () -> List.of("north", "north east");

        Command.Done bare = (Command.Done) ((ParseResult.Parsed) parser.parse("done EN3/1 in north east: at last", plans)).command();
        Command.Done quoted = (Command.Done) ((ParseResult.Parsed) parser.parse("done EN3/1 in \u201Cwest\u201D at last", List::of)).command();
        Command.Done first = (Command.Done) ((ParseResult.Parsed) parser.parse("done \"north east\":ENFORCEMENT 003/01 at last", List::of)).command();

        assertThat(bare.ref()).isEqualTo(new RefText("EN3/1", "north east"));
        assertThat(bare.note()).isEqualTo("at last");
        assertThat(quoted.ref()).isEqualTo(new RefText("EN3/1", "west"));
        assertThat(quoted.note()).isEqualTo("at last");
        assertThat(first.ref()).isEqualTo(new RefText("ENFORCEMENT 003/01", "north east"));
        assertThat(first.note()).isEqualTo("at last");
    }
}
