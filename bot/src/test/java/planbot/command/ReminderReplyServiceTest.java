package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.command.SamplePeople.OLIVIA;
import static planbot.command.SamplePeople.OSCAR;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.DateRevision;
import planbot.domain.PlanDate;
import planbot.reply.Confirmation;
import planbot.reply.Failure;
import planbot.reply.Question;
import planbot.reply.Reply;
import planbot.testing.TestBot;

/** Replies typed in a reminder's thread act on the reminder's task, with the same permissions and audit. */
class ReminderReplyServiceTest {
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

    @Test
    void givenAReminder_whenTheOwnerRepliesDone_thenTheTaskIsCompletedAndAudited() {
        Reply reply = bot.replyToReminder(OLIVIA, "EN003/01", "done");

        assertThat(reply).isInstanceOf(Confirmation.class);
        assertThat(bot.task("EN003/01").status().word()).isEqualTo("Completed");
        assertThat(bot.audit("EN003/01")).singleElement().satisfies(e -> {
            assertThat(e.after()).isEqualTo("Completed");
            assertThat(e.actor()).isEqualTo(OLIVIA);
        });
    }

    @Test
    void givenAReminder_whenTheOwnerRepliesOnTarget_thenTheStatusIsOnTarget() {
        bot.replyToReminder(OLIVIA, "EN003/01", "On target.");

        assertThat(bot.task("EN003/01").status().word()).isEqualTo("On target");
    }

    @Test
    void givenAReminder_whenTheOwnerRepliesAtRiskWithWords_thenTheStatusIsAtRiskAndTheWordsAreTheNote() {
        bot.replyToReminder(OLIVIA, "EN003/01", "at risk waiting on legal");

        assertThat(bot.task("EN003/01").status().word()).isEqualTo("At risk");
        assertThat(bot.audit("EN003/01").get(0).note()).isEqualTo("waiting on legal");
    }

    @Test
    void givenAReminder_whenTheOwnerRepliesANewDateWithAReason_thenTheDateIsRevisedWithHistory() {
        Reply reply = bot.replyToReminder(OLIVIA, "EN003/01", "new date 30/06/2023 waiting on legal");

        assertThat(reply).isInstanceOf(Confirmation.class);
        assertThat(bot.task("EN003/01").target()).isEqualTo(PlanDate.of(LocalDate.of(2023, 6, 30)));
        java.util.List<DateRevision> revisions = bot.revisions("EN003/01");
        assertThat(revisions.get(revisions.size() - 1).reason()).isEqualTo("waiting on legal");
        assertThat(bot.audit("EN003/01").get(0).change()).isEqualTo("target-date");
    }

    @Test
    void givenAReminder_whenTheOwnerRepliesSnoozeOneWeek_thenRemindersPauseForAWeek() {
        bot.replyToReminder(OLIVIA, "EN003/01", "snooze 1w");

        assertThat(bot.snoozedUntil("EN003/01")).contains(bot.today().plusWeeks(1));
    }

    @Test
    void givenAReminder_whenTheOwnerRepliesFreeText_thenTheyAreAskedBeforeItBecomesANoteAndNothingIsWrittenYet() {
        var before = bot.dump();

        Reply reply = bot.replyToReminder(OLIVIA, "EN003/01", "spoke to legal, they'll reply Friday");

        assertThat(reply).isInstanceOf(Question.class);
        Question q = (Question) reply;
        assertThat(q.text()).isEqualTo("Add this as a note on EN003/01? `spoke to legal, they'll reply Friday`");
        assertThat(q.choices()).extracting(Question.Choice::command)
                .containsExactly("note EN003/01 spoke to legal, they'll reply Friday", "cancel");
        assertThat(bot.dump()).isEqualTo(before);

        bot.send(OLIVIA, q.choices().get(0).command());
        assertThat(bot.task("EN003/01").notes()).endsWith("Olivia Officer: spoke to legal, they'll reply Friday");
    }

    @Test
    void givenAReminder_whenTheOwnerRepliesAnImpossibleDate_thenItIsRefusedAndTheTaskIsUnchanged() {
        var before = bot.dump();

        Reply reply = bot.replyToReminder(OLIVIA, "EN003/01", "new date 31/02/2023");

        assertThat(reply).isInstanceOf(Failure.class);
        assertThat(((Failure) reply).message()).contains("not a real date");
        assertThat(bot.dump()).isEqualTo(before);
    }

    @Test
    void givenAReminderAboutSomeoneElsesTask_whenAnotherOfficerRepliesDone_thenItIsRefusedAndNothingChanges() {
        var before = bot.dump();

        Reply reply = bot.replyToReminder(OSCAR, "EN003/01", "done");

        assertThat(reply).isInstanceOf(Failure.class);
        assertThat(((Failure) reply).message()).startsWith("You can't change EN003/01");
        assertThat(bot.dump()).isEqualTo(before);
    }
}
