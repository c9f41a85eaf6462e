package planbot.slack.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.slack.interact.InteractFixture.OLIVIA;
import static planbot.slack.interact.InteractFixture.OLIVIA_ID;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.Source;
import planbot.slack.fake.FakeSlack;

/**
 * Replies in a reminder's thread: a human's reply runs as their answer about the reminder's task and is confirmed in
 * the thread; an event Slack delivers again (X-Slack-Retry-Num) has one effect; messages that are not replies to a
 * reminder, or are from bots, are left alone.
 */
class ThreadRepliesTest {
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

    @Test
    void givenAReminder_whenItsOwnerRepliesWithANewDateInItsThread_thenTheDateIsRevisedAndConfirmedInTheThread() throws Exception {
        HttpResponse<String> ack = f.post(f.threadReply("Ev001", OLIVIA_ID, ts, "new date 30/06/2024 waiting on legal"));

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(f.bot.task("EN005/03").target().date()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(f.bot.audit("EN005/03").get(0).source()).isEqualTo(Source.SLACK);
        assertThat(f.bot.audit("EN005/03").get(0).actor()).isEqualTo(OLIVIA);
        FakeSlack.Call confirmed = f.awaitCalls("chat.postMessage", 2).get(1);
        assertThat(confirmed.param("thread_ts")).isEqualTo(ts);
        assertThat(confirmed.param("channel")).isEqualTo(InteractFixture.CHANNEL);
        assertThat(confirmed.param("text")).contains("30/06/2024");
        assertThat(f.slack.violations()).isEmpty();
    }

    @Test
    void givenTheSameEventDeliveredFourTimes_whenEachIsRetried_thenItHasOneEffectAndOneConfirmation() throws Exception {
        String event = f.threadReply("Ev002", OLIVIA_ID, ts, "new date 30/06/2024 waiting on legal");

        f.post(event);
        for (int retry = 1; retry <= 3; retry++) {
            HttpResponse<String> ack = f.post(event, Map.of("X-Slack-Retry-Num", String.valueOf(retry),
                    "X-Slack-Retry-Reason", "http_timeout"));
            assertThat(ack.statusCode()).isEqualTo(200);
        }

        assertThat(f.bot.revisions("EN005/03")).hasSize(1);
        assertThat(f.bot.audit("EN005/03")).filteredOn(e -> e.change().equals("target-date")).hasSize(1);
        f.awaitCalls("chat.postMessage", 2);
        assertThat(f.slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts").equals(ts))).hasSize(1);
    }

    @Test
    void givenADeliveryWhoseEffectFails_whenSlackRetriesIt_thenTheFailureLeftNoMarkAndTheRetryTakesEffectOnce() throws Exception {
        String event = f.threadReply("Ev006", OLIVIA_ID, ts, "done");
        f.bot.app().database().jdbi().useHandle(h -> h.execute(
                "CREATE TRIGGER refuse_task_update BEFORE UPDATE ON task BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"));
        Map<String, ?> before = f.bot.dump();

        HttpResponse<String> failed = f.post(event);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(f.bot.dump()).isEqualTo(before);
        f.bot.app().database().jdbi().useHandle(h -> h.execute("DROP TRIGGER refuse_task_update"));

        HttpResponse<String> retried = f.post(event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error"));
        f.post(event, Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_error"));

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(f.bot.task("EN005/03").status().word()).isEqualTo("Completed");
        assertThat(f.bot.audit("EN005/03")).filteredOn(e -> e.change().equals("status")).hasSize(1);
        assertThat(f.awaitCalls("chat.postMessage", 2).get(1).param("text")).doesNotContain("disk on fire");
    }

    @Test
    void givenAReplyThatIsOnlyARetry_whenTheFirstDeliveryNeverArrived_thenTheRetryTakesEffect() throws Exception {
        f.post(f.threadReply("Ev003", OLIVIA_ID, ts, "done"), Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_error"));

        assertThat(f.bot.task("EN005/03").status().word()).isEqualTo("Completed");
    }

    @Test
    void givenAFreeTextReply_whenTheQuestionsYesIsClicked_thenTheTextIsAddedAsANoteAndTheQuestionReplaced() throws Exception {
        f.post(f.threadReply("Ev008", OLIVIA_ID, ts, "draft went to legal <!channel>"));
        String questionTs = InteractFixture.await("the question", () -> f.slack.messages(InteractFixture.CHANNEL).stream()
                .filter(m -> m.path("blocks").toString().contains(NoteQuestion.YES)).map(m -> m.path("ts").asText())
                .findFirst().orElse(null));
        assertThat(f.bot.task("EN005/03").notes()).isNull();

        f.post(f.click(OLIVIA_ID, NoteQuestion.YES, f.buttonValue(questionTs, NoteQuestion.YES), questionTs));

        f.awaitCalls("chat.update", 1);
        assertThat(f.bot.task("EN005/03").notes()).endsWith("Olivia Officer: draft went to legal <!channel>");
        assertThat(f.bot.audit("EN005/03").get(0).change()).isEqualTo("note");
        assertThat(f.message(questionTs).toString()).contains("Noted on EN005/03").doesNotContain(NoteQuestion.YES)
                .doesNotContain("<!channel>");
        assertThat(f.slack.violations()).isEmpty();
    }

    @Test
    void givenAMessageEventWithASubtype_whenDelivered_thenItIsAcknowledgedAndIgnored() throws Exception {
        String changed = f.threadReply("Ev007", OLIVIA_ID, ts, "done").replace("\"type\":\"message\",",
                "\"type\":\"message\",\"subtype\":\"message_changed\",");
        Map<String, ?> before = f.bot.dump();

        HttpResponse<String> ack = f.post(changed);

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(f.bot.dump()).isEqualTo(before);
    }

    @Test
    void givenMessagesThatAreNotHumanRepliesToAReminder_whenDelivered_thenNothingChanges() throws Exception {
        Map<String, ?> before = f.bot.dump();

        f.post(f.threadReply("Ev004", OLIVIA_ID, "1684141200.999999", "done"));
        f.post(f.threadReply("Ev005", FakeSlack.BOT_USER_ID, ts, "done"));

        assertThat(f.bot.dump()).isEqualTo(before);
        assertThat(f.slack.calls("chat.postMessage")).hasSize(1);
    }
}
