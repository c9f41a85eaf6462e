package planbot.slack.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.slack.interact.InteractFixture.GUEST_ID;
import static planbot.slack.interact.InteractFixture.OLIVIA;
import static planbot.slack.interact.InteractFixture.OLIVIA_ID;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.delivery.Button;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.domain.StatusKind;
import planbot.answer.ButtonValue;
import planbot.answer.TaskAnswerService;
import planbot.slack.fake.FakeSlack;
import planbot.storage.Tenant;
import planbot.testing.PlanEdits;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadResult;

/**
 * A reminder's buttons, through the real Slack edge: a click is acknowledged at once (empty 200), then answered as the
 * clicker's reply to the reminder, audited, and the reminder redrawn in place. A value naming another tenant's task,
 * or a click by someone not linked to the plan, changes nothing and tells nothing of anyone else's plan.
 */
class ReminderButtonsTest {
    static final String DONE = ButtonValue.actionId(Button.Choice.DONE);

    @TempDir
    Path dir;
    InteractFixture f;

    @BeforeEach
    void open() throws Exception {
        f = InteractFixture.start(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void givenAnOverdueReminder_whenItsOwnerClicksDone_thenTheTaskIsCompletedAuditedAndTheMessageRedrawnWithoutButtons() throws Exception {
        String ts = f.sendReminder("EN005/03");

        HttpResponse<String> ack = f.post(f.click(OLIVIA_ID, DONE, f.buttonValue(ts, DONE), ts));

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).isEmpty();
        FakeSlack.Call update = f.awaitCalls("chat.update", 1).get(0);
        assertThat(update.param("channel")).isEqualTo(InteractFixture.CHANNEL);
        assertThat(update.param("ts")).isEqualTo(ts);
        assertThat(f.bot.task("EN005/03").status().kind()).isEqualTo(StatusKind.COMPLETED);
        AuditEvent event = f.bot.audit("EN005/03").get(0);
        assertThat(event.actor()).isEqualTo(OLIVIA);
        assertThat(event.source()).isEqualTo(Source.SLACK);
        assertThat(event.after()).isEqualTo("Completed");
        String blocks = f.message(ts).path("blocks").toString();
        assertThat(blocks).doesNotContain("\"actions\"").contains("Olivia Officer: EN005/03 is now Completed.");
        assertThat(f.slack.violations()).isEmpty();
    }

    @Test
    void givenSlackIsSlowToTakeTheRedraw_whenAButtonIsClicked_thenTheClickIsStillAcknowledgedAtOnce() throws Exception {
        String ts = f.sendReminder("EN005/03");
        f.slack.delayNext("chat.update", java.time.Duration.ofSeconds(4));

        long started = System.nanoTime();
        HttpResponse<String> ack = f.post(f.click(OLIVIA_ID, DONE, f.buttonValue(ts, DONE), ts));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(tookMillis).as("the ack waits for nothing Slack does").isLessThan(2500);
        f.awaitCalls("chat.update", 1);
    }

    @Test
    void givenAReminder_whenItsOwnerClicksAtRisk_thenTheStatusChangesAndTheButtonsStay() throws Exception {
        String ts = f.sendReminder("EN005/03");
        String atRisk = ButtonValue.actionId(Button.Choice.AT_RISK);

        f.post(f.click(OLIVIA_ID, atRisk, f.buttonValue(ts, atRisk), ts));

        f.awaitCalls("chat.update", 1);
        assertThat(f.bot.task("EN005/03").status().word()).isEqualTo("At risk");
        assertThat(f.message(ts).path("blocks").toString()).contains("\"actions\"").contains("is now At risk");
    }

    @Test
    void givenSomeoneNotLinkedToThePlan_whenTheyClickDone_thenTheyAreToldWhyAloneAndNothingChanges() throws Exception {
        String ts = f.sendReminder("EN005/03");
        Map<String, ?> before = f.bot.dump();

        f.post(f.click(GUEST_ID, DONE, f.buttonValue(ts, DONE), ts));

        FakeSlack.Call told = f.awaitCalls("chat.postEphemeral", 1).get(0);
        assertThat(told.param("user")).isEqualTo(GUEST_ID);
        assertThat(told.param("text")).contains("link");
        assertThat(f.bot.dump()).isEqualTo(before);
        assertThat(f.slack.calls("chat.update")).isEmpty();
    }

    @Test
    void givenAValueNamingAnotherTenantsTask_whenClicked_thenItIsRefusedNeutrallyNothingChangesAndNothingOfThatTenantIsSent()
            throws Exception {
        Tenant other = f.bot.app().tenants().getOrCreate("other-council", f.bot.now());
        f.bot.app().imports().importPlan("other-council", new ReadResult(PlanEdits.sample().owner("EN005/03", "Zed Secretowner").plan(),
                List.of(), List.of()), ImportMode.APPLY, "test", f.bot.clock());
        long otherTask = f.bot.app().tasks().findTasksByKey(other, planbot.domain.RefKey.of("EN005/03")).get(0).task().id();
        String ts = f.sendReminder("EN005/03");
        Map<String, ?> before = f.bot.dump();

        f.post(f.click(OLIVIA_ID, DONE, new ButtonValue("other-council", otherTask, 0, Button.Choice.DONE).encode(), ts));
        f.post(f.click(OLIVIA_ID, DONE, new ButtonValue(f.bot.tenant().slug(), otherTask, 0, Button.Choice.DONE).encode(), ts));

        List<FakeSlack.Call> told = f.awaitCalls("chat.postEphemeral", 2);
        assertThat(told).allSatisfy(c -> assertThat(c.param("text")).isEqualTo(TaskAnswerService.UNKNOWN_TASK));
        assertThat(f.bot.dump()).isEqualTo(before);
        assertThat(f.slack.calls("chat.update")).isEmpty();
        assertThat(f.slack.calls().toString()).doesNotContain("Zed").doesNotContain("other-council");
    }

    @Test
    void givenAForgedValue_whenClicked_thenItIsRefusedNeutrally() throws Exception {
        String ts = f.sendReminder("EN005/03");

        f.post(f.click(OLIVIA_ID, DONE, "r1|test-council|not-a-number|0|DONE", ts));

        assertThat(f.awaitCalls("chat.postEphemeral", 1).get(0).param("text")).isEqualTo(TaskAnswerService.UNKNOWN_TASK);
    }
}
