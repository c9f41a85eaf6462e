package planbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.command.Actor;
import planbot.command.ChatContext;
import planbot.command.CommandRequest;
import planbot.command.CommandService;
import planbot.delivery.Button;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Question;
import planbot.reply.Reply;
import planbot.storage.Tenant;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadResult;

/**
 * Answering a task by id, with no platform in the way: the answer changes that task with its audit entry, in the
 * caller's tenant only, as the caller's role allows; an event delivered again has one effect; an effect that failed on
 * our side leaves the event unmarked for the retry.
 */
class TaskAnswerServiceTest {
    static final String OLIVIA = "Olivia Officer";

    @TempDir
    Path dir;
    TestBot bot;
    TaskAnswerService answers;
    long task;

    @BeforeEach
    void open() {
        bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN005/03", OLIVIA).plan());
        answers = bot.app().taskAnswers();
        task = bot.taskRow("EN005/03").id();
    }

    @AfterEach
    void close() {
        bot.close();
    }

    private CommandRequest as(Actor actor) {
        return new CommandRequest(TestBot.TENANT, actor, Source.SLACK, "", new ChatContext("slack", "T0TEAM"));
    }

    private Reply answer(TaskAnswer answer, String eventId) {
        return answers.answer(as(bot.actor(OLIVIA)), task, answer, eventId).orElseThrow();
    }

    @Test
    void givenTheOwner_whenEachChoiceIsAnswered_thenTheTaskChangesAndEachChangeIsAuditedFromTheirPlatform() {
        assertThat(answer(new TaskAnswer.Choice(Button.Choice.AT_RISK), null)).isInstanceOf(Confirmation.class);
        assertThat(bot.task("EN005/03").status().word()).isEqualTo("At risk");
        assertThat(answer(new TaskAnswer.Choice(Button.Choice.ON_TARGET), null)).isInstanceOf(Confirmation.class);
        assertThat(bot.task("EN005/03").status().word()).isEqualTo("On target");
        assertThat(answer(new TaskAnswer.Choice(Button.Choice.SNOOZE), null)).isInstanceOf(Confirmation.class);
        int snooze = bot.app().policies().of(bot.tenant()).snoozeDays();
        assertThat(bot.snoozedUntil("EN005/03")).contains(bot.today().plusDays(snooze));
        assertThat(answer(new TaskAnswer.Choice(Button.Choice.DONE), null)).isInstanceOf(Confirmation.class);
        assertThat(bot.task("EN005/03").status().word()).isEqualTo("Completed");

        assertThat(bot.audit("EN005/03")).hasSize(4).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(OLIVIA);
            assertThat(e.source()).isEqualTo(Source.SLACK);
        });
    }

    @Test
    void givenANewDateANoteAndTypedText_whenAnswered_thenTheDateIsRevisedTheNoteAddedAndFreeTextAskedAbout() {
        answer(new TaskAnswer.NewDate(LocalDate.of(2024, 6, 30), " waiting on legal "), null);
        answer(new TaskAnswer.Note("draft sent"), null);
        Reply typed = answer(new TaskAnswer.Text("chasing the printers"), null);

        assertThat(bot.task("EN005/03").target().date()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(bot.revisions("EN005/03")).hasSize(1).allSatisfy(r -> assertThat(r.reason()).isEqualTo("waiting on legal"));
        assertThat(bot.task("EN005/03").notes()).endsWith(OLIVIA + ": draft sent");
        assertThat(typed).isInstanceOf(Question.class);
        assertThat(((Question) typed).choices().get(0).command()).isEqualTo("note EN005/03 chasing the printers");
    }

    @Test
    void givenAGuest_whenTheyAnswer_thenTheyAreRefusedAndNothingChanges() {
        Map<String, ?> before = bot.dump();

        Reply r = answers.answer(as(Actor.guest("somebody")), task, new TaskAnswer.Choice(Button.Choice.DONE), null).orElseThrow();

        assertThat(r).isInstanceOf(Failure.class);
        assertThat(((Failure) r).message()).contains("link");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenAnotherTenantsTask_whenItsIdOrAButtonNamingItIsAnswered_thenItIsUnknownAndNothingChanges() {
        Tenant other = bot.app().tenants().getOrCreate("other-council", bot.now());
        bot.app().imports().importPlan("other-council", new ReadResult(PlanEdits.sample().plan(), List.of(), List.of()),
                ImportMode.APPLY, "test", bot.clock());
        long theirs = bot.app().tasks().findTasksByKey(other, planbot.domain.RefKey.of("EN005/03")).get(0).task().id();
        bot.person("Ada Admin", Role.ADMIN);
        Map<String, ?> before = bot.dump();

        Reply r = answers.answer(as(bot.actor("Ada Admin")), theirs, new TaskAnswer.Choice(Button.Choice.DONE), null).orElseThrow();

        assertThat(((Failure) r).message()).isEqualTo(TaskAnswerService.UNKNOWN_TASK);
        assertThat(answers.task(as(bot.actor("Ada Admin")), new ButtonValue("other-council", theirs, 0, Button.Choice.DONE))).isEmpty();
        assertThat(answers.task(as(bot.actor("Ada Admin")), new ButtonValue(TestBot.TENANT, theirs, 0, Button.Choice.DONE))).isEmpty();
        assertThat(answers.task(as(bot.actor("Ada Admin")), new ButtonValue(TestBot.TENANT, task, 0, Button.Choice.DONE))).isPresent();
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenTheSameEventTwice_whenAnswered_thenItHasOneEffectAndTheRetryIsReportedAsHandled() {
        TaskAnswer date = new TaskAnswer.Text("new date 30/06/2024");

        Optional<Reply> first = answers.answer(as(bot.actor(OLIVIA)), task, date, "Ev7");
        Optional<Reply> again = answers.answer(as(bot.actor(OLIVIA)), task, date, "Ev7");

        assertThat(first).containsInstanceOf(Confirmation.class);
        assertThat(again).isEmpty();
        assertThat(bot.revisions("EN005/03")).hasSize(1);
    }

    @Test
    void givenAnEffectThatFailsOnOurSide_whenTheEventIsRetried_thenTheFailureLeftNoMarkAndTheRetryTakesEffect() {
        bot.app().database().jdbi().useHandle(h -> h.execute(
                "CREATE TRIGGER refuse_task_update BEFORE UPDATE ON task BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"));
        Map<String, ?> before = bot.dump();

        Reply failed = answer(new TaskAnswer.Choice(Button.Choice.DONE), "Ev9");

        assertThat(CommandService.failedOnOurSide(failed)).isTrue();
        assertThat(bot.dump()).isEqualTo(before);
        bot.app().database().jdbi().useHandle(h -> h.execute("DROP TRIGGER refuse_task_update"));
        assertThat(answer(new TaskAnswer.Choice(Button.Choice.DONE), "Ev9")).isInstanceOf(Confirmation.class);
        assertThat(bot.task("EN005/03").status().word()).isEqualTo("Completed");
    }
}
