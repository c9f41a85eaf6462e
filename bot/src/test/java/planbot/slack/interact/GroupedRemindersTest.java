package planbot.slack.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.slack.interact.InteractFixture.OLIVIA_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.delivery.Button;
import planbot.domain.StatusKind;
import planbot.answer.ButtonValue;
import planbot.slack.fake.FakeSlack;

/**
 * A message about several of Olivia's tasks, through the real Slack edge: a button acts on its own task alone and the
 * message is redrawn whole; a reply in its thread that names no task is asked which, with refs that can be typed back,
 * and one that starts with a ref acts on that task.
 */
class GroupedRemindersTest {
    static final String DONE = ButtonValue.actionId(Button.Choice.DONE);

    @TempDir
    java.nio.file.Path dir;
    InteractFixture f;
    String ts;

    @BeforeEach
    void open() throws Exception {
        f = InteractFixture.start(dir);
        ts = f.sendReminders("EN003/01", "EN003/02", "EN005/03");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void givenAMessageAboutThreeTasks_whenDoneIsClickedOnOne_thenOnlyThatTaskIsCompletedAndTheMessageKeepsAllThree() throws Exception {
        String before01 = f.bot.task("EN003/01").status().word();
        String before03 = f.bot.task("EN005/03").status().word();

        HttpResponse<String> ack = f.post(f.click(OLIVIA_ID, DONE, f.buttonValue(ts, DONE, f.bot.taskRow("EN003/02").id()), ts));

        assertThat(ack.statusCode()).isEqualTo(200);
        f.awaitCalls("chat.update", 1);
        assertThat(f.bot.task("EN003/02").status().kind()).isEqualTo(StatusKind.COMPLETED);
        assertThat(f.bot.task("EN003/01").status().word()).isEqualTo(before01);
        assertThat(f.bot.task("EN005/03").status().word()).isEqualTo(before03);
        assertThat(f.bot.audit("EN003/01")).noneMatch(e -> "Completed".equals(e.after()));
        // the redrawn message still lists all three; only the finished one lost its buttons
        JsonNode blocks = f.message(ts).path("blocks");
        assertThat(blocks.toString()).contains("EN003/01", "EN003/02", "EN005/03")
                .contains("Olivia Officer: EN003/02 is now Completed.");
        List<String> buttonsFor = new ArrayList<>();
        for (JsonNode block : blocks) {
            if (block.path("type").asText().equals("actions")) {
                buttonsFor.add(block.path("elements").get(0).path("value").asText().split("\\|")[2]);
            }
        }
        assertThat(buttonsFor).containsExactlyInAnyOrder(String.valueOf(f.bot.taskRow("EN003/01").id()),
                String.valueOf(f.bot.taskRow("EN005/03").id()));
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        assertThat(f.slack.violations()).isEmpty();
    }

    @Test
    void givenAMessageAboutThreeTasks_whenAReplyInItsThreadNamesNone_thenItAsksWhichWithTheRefsAndChangesNothing() throws Exception {
        Map<String, ?> before = f.bot.dump();

        HttpResponse<String> ack = f.post(f.threadReply("EvW1", OLIVIA_ID, ts, "done"));

        assertThat(ack.statusCode()).isEqualTo(200);
        FakeSlack.Call asked = f.awaitCalls("chat.postMessage", 2).get(1);
        assertThat(asked.param("thread_ts")).isEqualTo(ts);
        assertThat(asked.param("text")).contains("which one").contains("EN003/01").contains("EN003/02").contains("EN005/03");
        assertThat(f.bot.dump()).isEqualTo(before);
    }

    @Test
    void givenAMessageAboutThreeTasks_whenAReplyInItsThreadStartsWithARef_thenThatTaskAloneIsAnswered() throws Exception {
        String before01 = f.bot.task("EN003/01").status().word();

        f.post(f.threadReply("EvW2", OLIVIA_ID, ts, "EN5/3 at risk"));

        f.awaitCalls("chat.postMessage", 2);
        assertThat(f.bot.task("EN005/03").status().word()).isEqualTo("At risk");
        assertThat(f.bot.task("EN003/01").status().word()).isEqualTo(before01);
        assertThat(f.bot.task("EN003/02").status().kind()).isNotEqualTo(StatusKind.COMPLETED);
    }
}
