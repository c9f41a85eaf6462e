package planbot.slack.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.slack.interact.InteractFixture.GUEST_ID;
import static planbot.slack.interact.InteractFixture.OLIVIA;
import static planbot.slack.interact.InteractFixture.OLIVIA_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.delivery.Button;
import planbot.domain.DateRevision;
import planbot.answer.ButtonValue;
import planbot.answer.TaskAnswerService;
import planbot.slack.fake.FakeSlack;

/**
 * The New date button: it opens a modal at once with the click's trigger_id; the submission is checked (no date or a
 * date before today is an error on the date field, changing nothing), then runs as "new date dd/mm/yyyy reason": the
 * target changes, a revision is recorded, and the reminder is redrawn.
 */
class NewDateModalTest {
    static final String NEW_DATE = ButtonValue.actionId(Button.Choice.NEW_DATE);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    InteractFixture f;
    String ts;

    @BeforeEach
    void open() throws Exception {
        f = InteractFixture.start(dir);
        ts = f.sendReminder("EN005/03");
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Clicks New date as Olivia and returns the opened modal's private_metadata. */
    private String openModal() throws Exception {
        HttpResponse<String> ack = f.post(f.click(OLIVIA_ID, NEW_DATE, f.buttonValue(ts, NEW_DATE), ts));
        assertThat(ack.statusCode()).isEqualTo(200);
        FakeSlack.Call opened = f.slack.calls("views.open").get(0);
        assertThat(f.slack.violations()).isEmpty();
        JsonNode view = opened.params().get("view");
        assertThat(view.path("callback_id").asText()).isEqualTo(NewDateModal.CALLBACK_ID);
        assertThat(view.toString()).contains("datepicker").contains("EN005/03");
        return view.path("private_metadata").asText();
    }

    @Test
    void givenAReminder_whenItsOwnerClicksNewDate_thenAModalOpensWithinTheAckCarryingTheButtonAndTheMessage() throws Exception {
        String metadata = openModal();

        assertThat(metadata).startsWith(f.buttonValue(ts, NEW_DATE)).endsWith("|" + InteractFixture.CHANNEL + "|" + ts);
    }

    @Test
    void givenTheModal_whenADateBeforeTodayOrNoDateIsSubmitted_thenTheDateFieldShowsAnErrorAndNothingChanges() throws Exception {
        String metadata = openModal();
        Map<String, ?> before = f.bot.dump();

        HttpResponse<String> past = f.post(f.submitNewDate(OLIVIA_ID, metadata, "2023-05-14", "too late"));
        HttpResponse<String> none = f.post(f.submitNewDate(OLIVIA_ID, metadata, null, null));

        JsonNode pastBody = JSON.readTree(past.body());
        assertThat(pastBody.path("response_action").asText()).isEqualTo("errors");
        assertThat(pastBody.path("errors").path(NewDateModal.DATE_BLOCK).asText()).contains("has passed");
        assertThat(JSON.readTree(none.body()).path("errors").path(NewDateModal.DATE_BLOCK).asText()).contains("Pick");
        assertThat(f.bot.dump()).isEqualTo(before);
    }

    @Test
    void givenTheModal_whenAFutureDateAndReasonAreSubmitted_thenTheTargetChangesARevisionIsRecordedAndTheReminderRedrawn()
            throws Exception {
        String metadata = openModal();

        HttpResponse<String> submitted = f.post(f.submitNewDate(OLIVIA_ID, metadata, "2023-06-30", "waiting on legal"));

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).isEmpty();
        assertThat(f.bot.task("EN005/03").target().date()).isEqualTo(LocalDate.of(2023, 6, 30));
        DateRevision revision = f.bot.revisions("EN005/03").get(f.bot.revisions("EN005/03").size() - 1);
        assertThat(revision.actor()).isEqualTo(OLIVIA);
        assertThat(revision.reason()).isEqualTo("waiting on legal");
        f.awaitCalls("chat.update", 1);
        assertThat(f.message(ts).path("blocks").toString()).contains("30/06/2023").contains("\"actions\"");
    }

    @Test
    void givenSomeoneNotLinked_whenTheyClickNewDate_thenNoModalOpensAndTheyAreToldWhy() throws Exception {
        f.post(f.click(GUEST_ID, NEW_DATE, f.buttonValue(ts, NEW_DATE), ts));

        assertThat(f.awaitCalls("chat.postEphemeral", 1).get(0).param("text")).contains("link");
        assertThat(f.slack.calls("views.open")).isEmpty();
    }

    @Test
    void givenASubmissionWhoseMetadataNamesAnotherTenant_whenSubmitted_thenItIsRefusedOnTheFieldAndNothingChanges() throws Exception {
        String metadata = openModal().replace("r1|test-council|", "r1|other-council|");
        Map<String, ?> before = f.bot.dump();

        HttpResponse<String> submitted = f.post(f.submitNewDate(OLIVIA_ID, metadata, "2023-06-30", null));

        assertThat(JSON.readTree(submitted.body()).path("errors").path(NewDateModal.DATE_BLOCK).asText())
                .isEqualTo(TaskAnswerService.UNKNOWN_TASK);
        assertThat(f.bot.dump()).isEqualTo(before);
    }
}
