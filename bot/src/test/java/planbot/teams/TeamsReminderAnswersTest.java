package planbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.answer.ButtonValue;
import planbot.answer.TaskAnswerService;
import planbot.delivery.Button;
import planbot.teams.fake.FakeBotConnector;
import planbot.teams.render.CardAction;

/**
 * Answers to a reminder in Teams: a click on the card's buttons (Action.Submit and Action.Execute) and a reply typed
 * in the personal chat, which has no threads. Reminders are sent to Olivia's chat as the dispatcher sends them.
 */
class TeamsReminderAnswersTest {
    @TempDir
    Path dir;
    TeamsFixture f;
    String chat;

    @BeforeEach
    void start() throws Exception {
        f = TeamsFixture.start(dir);
        chat = f.oliviasChat().conversationId();
        // Olivia has talked to the bot before: the tenant is bound and her chat known
        f.deliver(f.teams.message(f.olivia, f.oliviasChat(), "help"));
        f.awaitNew(chat, 0);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void givenAReminderCard_whenOliviaClicksDone_thenTheTaskIsCompletedAuditedAndTheCardReplacedWithoutButtons() throws Exception {
        // GIVEN a reminder about EN003/01 in her chat
        String card = f.sendReminders("EN003/01");
        long task = f.bot.taskRow("EN003/01").id();
        int audited = f.bot.audit("EN003/01").size();
        // WHEN she clicks Done (Action.Submit)
        f.deliver(f.teams.submit(f.olivia, f.oliviasChat(), card, f.buttonData(chat, card, task, "DONE")));
        // THEN the task is completed and audited, and the card is replaced in place with the outcome and no buttons
        ObjectNode replaced = awaitCard(card, "Completed");
        assertThat(f.bot.task("EN003/01").status().word()).isEqualTo("Completed");
        assertThat(f.bot.audit("EN003/01")).hasSize(audited + 1);
        assertThat(replaced.toString()).contains(TeamsFixture.OLIVIA).doesNotContain("\"planbot\":\"r1|");
        assertThat(f.teams.violations()).isEmpty();
    }

    @Test
    void givenAReminderCard_whenOliviaClicksAtRiskThroughActionExecute_thenTheTaskIsAtRisk() throws Exception {
        String card = f.sendReminders("EN003/01");
        long task = f.bot.taskRow("EN003/01").id();
        FakeBotConnector.Delivery d = f.deliver(f.teams.execute(f.olivia, f.oliviasChat(), card,
                f.buttonData(chat, card, task, "AT_RISK"), null));
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.body()).contains("\"statusCode\":200");
        awaitCard(card, "At risk");
        assertThat(f.bot.task("EN003/01").status().word()).isEqualTo("At risk");
    }

    @Test
    void givenAButtonNamingAnotherCouncilsTask_whenClicked_thenTheNeutralCantFindThatTaskAndNothingChanges() throws Exception {
        // GIVEN a button value drawn for another council (same task id)
        long task = f.bot.taskRow("EN003/01").id();
        ObjectNode forged = CardAction.data(new ButtonValue("other-council", task, 0, Button.Choice.DONE));
        Map<String, ?> before = f.bot.dump();
        // WHEN Olivia's client sends it back
        f.deliver(f.teams.submit(f.olivia, f.oliviasChat(), "1700000000001", forged));
        // THEN she is told the neutral sentence and nothing changes
        ObjectNode told = f.awaitNew(chat, 1);
        assertThat(told.path("text").asText()).isEqualTo(TaskAnswerService.UNKNOWN_TASK);
        assertThat(f.bot.task("EN003/01").status().word()).isNotEqualTo("Completed");
        assertThat(f.bot.dump()).isEqualTo(before);
    }

    @Test
    void givenANewDateClick_whenTheDateDoesNotExist_thenSheIsToldAndNothingChanges() throws Exception {
        // GIVEN a reminder; WHEN she picks New date with 31 February
        String card = f.sendReminders("EN003/01");
        long task = f.bot.taskRow("EN003/01").id();
        ObjectNode data = f.buttonData(chat, card, task, "NEW_DATE").deepCopy();
        data.put("date", "2024-02-31").put("reason", "waiting on legal");
        Map<String, ?> before = f.bot.dump();
        f.deliver(f.teams.submit(f.olivia, f.oliviasChat(), card, data));
        // THEN a message says so, in chat's words; the target date is as it was
        ObjectNode told = f.awaitNew(chat, 2);
        assertThat(told.path("text").asText()).containsIgnoringCase("31").containsIgnoringCase("february");
        assertThat(f.bot.dump()).isEqualTo(before);
    }

    @Test
    void givenANewDateClick_whenTheDateIsGood_thenTheTargetMovesWithTheReason() throws Exception {
        String card = f.sendReminders("EN003/01");
        long task = f.bot.taskRow("EN003/01").id();
        ObjectNode data = f.buttonData(chat, card, task, "NEW_DATE").deepCopy();
        data.put("date", "2023-06-30").put("reason", "waiting on legal");
        f.deliver(f.teams.submit(f.olivia, f.oliviasChat(), card, data));
        awaitCard(card, "30/06/2023");
        assertThat(f.bot.revisions("EN003/01")).anySatisfy(r -> assertThat(r.toString()).contains("waiting on legal"));
    }

    @Test
    void givenOneReminderInTheChat_whenOliviaTypesDone_thenThatTaskIsCompleted() throws Exception {
        f.sendReminders("EN003/01");
        f.deliver(f.teams.message(f.olivia, f.oliviasChat(), "done"));
        ObjectNode confirmed = f.awaitNew(chat, 2);
        assertThat(confirmed.toString()).contains("EN003/01");
        assertThat(f.bot.task("EN003/01").status().word()).isEqualTo("Completed");
    }

    @Test
    void givenTwoRemindersInTheChat_whenOliviaTypesDone_thenSheIsAskedWhichAndNothingChanges() throws Exception {
        f.sendReminders("EN003/01", "EN005/03");
        Map<String, ?> before = f.bot.dump();
        f.deliver(f.teams.message(f.olivia, f.oliviasChat(), "done"));
        ObjectNode asked = f.awaitNew(chat, 2);
        assertThat(asked.path("text").asText()).contains("which one").contains("EN003/01").contains("EN005/03");
        assertThat(f.bot.dump()).isEqualTo(before);
        // AND naming one answers that one
        f.deliver(f.teams.message(f.olivia, f.oliviasChat(), "EN005/03 done"));
        f.awaitNew(chat, 3);
        assertThat(f.bot.task("EN005/03").status().word()).isEqualTo("Completed");
        assertThat(f.bot.task("EN003/01").status().word()).isNotEqualTo("Completed");
    }

    @Test
    void givenNoReminderInTheChat_whenOliviaTypesDone_thenItIsACommandAndTheParserSaysWhatIsMissing() throws Exception {
        f.deliver(f.teams.message(f.olivia, f.oliviasChat(), "done"));
        ObjectNode answer = f.awaitNew(chat, 1);
        assertThat(answer.toString()).doesNotContain("Completed");
    }

    /** Waits until the card activity was replaced with one carrying an outcome line that mentions {@code text}. */
    private ObjectNode awaitCard(String activityId, String text) throws InterruptedException {
        return f.teams.awaitActivity(chat, a -> a.path("id").asText().equals(activityId) && a.toString().contains("✓")
                && a.toString().contains(text), TeamsFixture.WAIT);
    }
}
