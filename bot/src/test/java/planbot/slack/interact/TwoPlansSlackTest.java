package planbot.slack.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.slack.interact.InteractFixture.OLIVIA;
import static planbot.slack.interact.InteractFixture.OLIVIA_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.answer.ButtonValue;
import planbot.delivery.Button;
import planbot.domain.Plan;
import planbot.domain.RefKey;
import planbot.domain.Task;
import planbot.storage.TaskInAction;
import planbot.testing.PlanEdits;

/**
 * A tenant with two plans that share refs (the sample imported again as "south", EN005/03 owned by Olivia in both):
 * a reminder's buttons, the new-date modal, a thread reply, "add this as a note?" and the App Home each answer the one
 * task they are about, by id, and leave the other plan's task alone.
 */
class TwoPlansSlackTest {
    static final String DONE = ButtonValue.actionId(Button.Choice.DONE);
    static final String NEW_DATE = ButtonValue.actionId(Button.Choice.NEW_DATE);

    @TempDir
    Path dir;
    InteractFixture f;
    String north;

    @BeforeEach
    void open() throws Exception {
        f = InteractFixture.start(dir);
        north = f.bot.taskRow("EN005/03").planName();
        Plan sample = PlanEdits.sample().owner("EN005/03", OLIVIA).plan();
        f.bot.importPlan(new Plan("south", sample.layout(), sample.sections()));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Task task(String plan) {
        for (TaskInAction t : f.bot.app().tasks().findTasksByKey(f.bot.tenant(), RefKey.of("EN005/03"))) {
            if (t.task().planName().equals(plan)) {
                return t.task().task();
            }
        }
        throw new AssertionError("no EN005/03 in " + plan);
    }

    private long id(String plan) {
        for (TaskInAction t : f.bot.app().tasks().findTasksByKey(f.bot.tenant(), RefKey.of("EN005/03"))) {
            if (t.task().planName().equals(plan)) {
                return t.task().id();
            }
        }
        throw new AssertionError("no EN005/03 in " + plan);
    }

    @Test
    void givenTwoPlansWithTheSameRef_whenDoneIsClickedOnTheSouthReminder_thenOnlyTheSouthTaskIsCompletedAndRedrawn() throws Exception {
        String ts = f.sendReminder(id("south"));

        f.post(f.click(OLIVIA_ID, DONE, f.buttonValue(ts, DONE), ts));

        f.awaitCalls("chat.update", 1);
        assertThat(task("south").status().word()).isEqualTo("Completed");
        assertThat(task(north).status().word()).isNotEqualTo("Completed");
        assertThat(f.message(ts).toString()).contains("EN005/03 in south is now Completed");
        assertThat(f.slack.calls("chat.postEphemeral")).isEmpty();
        assertThat(f.slack.violations()).isEmpty();
    }

    @Test
    void givenTwoPlans_whenANewDateIsPickedInTheModalOfTheSouthReminder_thenOnlyTheSouthTaskMoves() throws Exception {
        String ts = f.sendReminder(id("south"));
        f.post(f.click(OLIVIA_ID, NEW_DATE, f.buttonValue(ts, NEW_DATE), ts));
        JsonNode view = f.awaitCalls("views.open", 1).get(0).params().get("view");

        f.post(f.submitNewDate(OLIVIA_ID, view.path("private_metadata").asText(), "2024-06-30", "waiting on legal"));

        assertThat(task("south").target().date()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(task(north).target().date()).isNotEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void givenTwoPlans_whenTheOwnerRepliesInTheSouthReminderThread_thenOnlyTheSouthTaskChanges() throws Exception {
        String ts = f.sendReminder(id("south"));

        f.post(f.threadReply("EvTwo1", OLIVIA_ID, ts, "new date 30/06/2024 waiting on legal"));

        assertThat(task("south").target().date()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(task(north).target().date()).isNotEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(f.awaitCalls("chat.postMessage", 2).get(1).param("text")).contains("30/06/2024");
    }

    @Test
    void givenTwoPlans_whenFreeTextInTheSouthThreadIsConfirmedAsANote_thenOnlyTheSouthTaskGetsIt() throws Exception {
        String ts = f.sendReminder(id("south"));
        f.post(f.threadReply("EvTwo2", OLIVIA_ID, ts, "draft went to legal"));
        String questionTs = InteractFixture.await("the question", () -> f.slack.messages(InteractFixture.CHANNEL).stream()
                .filter(m -> m.path("blocks").toString().contains(NoteQuestion.YES)).map(m -> m.path("ts").asText())
                .findFirst().orElse(null));
        assertThat(f.message(questionTs).toString()).contains("EN005/03 in south");

        f.post(f.click(OLIVIA_ID, NoteQuestion.YES, f.buttonValue(questionTs, NoteQuestion.YES), questionTs));

        f.awaitCalls("chat.update", 1);
        assertThat(task("south").notes()).endsWith("Olivia Officer: draft went to legal");
        assertThat(task(north).notes()).isNull();
    }

    @Test
    void givenTwoPlans_whenTheOwnerOpensTheAppHome_thenBothTasksAreListedAndDoneOnOneChangesOnlyThatOne() throws Exception {
        f.post(f.homeOpened(OLIVIA_ID));
        String view = f.awaitCalls("views.publish", 1).get(0).params().get("view").toString();
        String south = new ButtonValue("test-council", id("south"), 0, Button.Choice.DONE).encode();
        assertThat(view).contains(south).contains(new ButtonValue("test-council", id(north), 0, Button.Choice.DONE).encode());

        f.post(f.click(OLIVIA_ID, DONE, south, null));

        f.awaitCalls("views.publish", 2);
        assertThat(task("south").status().word()).isEqualTo("Completed");
        assertThat(task(north).status().word()).isNotEqualTo("Completed");
    }
}
