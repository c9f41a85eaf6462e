package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.MainAccess;

/** {@code remind --at} and {@code digest --at} on the sample plan, as a user runs them. */
class RemindAndDigestCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void theSamplePlan() {
        db = "jdbc:sqlite:" + dir.resolve("planbot.db");
        assertThat(run("import", "../samples/planning-review-action-plan.tsv", "--db", db)).isZero();
    }

    int run(String... args) {
        return MainAccess.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }

    JsonNode json(String... args) throws Exception {
        StringWriter out = new StringWriter();
        int exit = MainAccess.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(exit).isZero();
        return JSON.readTree(out.toString());
    }

    @Test
    void aSaturdayAndABankHolidayDecideNothing() throws Exception {
        assertThat(json("remind", "--at", "2023-05-27T10:00", "--db", db, "--json").get("decided").asInt()).isZero();
        assertThat(json("remind", "--at", "2023-05-29T10:00", "--db", db, "--json").get("decided").asInt()).isZero();
    }

    @Test
    void remindReportsTheRemindersDecidedAndTheFewerMessagesTheyArePostedAs() throws Exception {
        // WHEN the sweep runs on the sample's first morning, as JSON and (a dry run of the same moment) as text
        StringWriter text = new StringWriter();
        assertThat(MainAccess.run(new String[] {"remind", "--at", "2023-05-15T09:00", "--db", db, "--dry-run"},
                new PrintWriter(text, true), new PrintWriter(new StringWriter(), true))).isZero();
        JsonNode result = json("remind", "--at", "2023-05-15T09:00", "--db", db, "--json");
        // THEN each reminder's recipient gets one message: the sample names no owners, so on the console its many
        // reminders go to a handful of recipients (the owners, the leads, the manager channel)
        int decided = result.get("decided").asInt();
        int messages = result.get("messages").asInt();
        assertThat(decided).isGreaterThan(50);
        assertThat(messages).isBetween(1, 10);
        Set<String> recipients = new HashSet<>();
        for (JsonNode r : result.get("reminders")) {
            recipients.add(r.get("recipient").asText() + " " + r.path("recipientName").asText());
        }
        assertThat(messages).isEqualTo(recipients.size());
        assertThat(text.toString()).contains("Would decide " + decided + " reminders")
                .contains("They would be posted as " + messages + " messages");
    }

    @Test
    void aWorkingDayDecidesRemindersOnceAndNeverADateReminderForFinishedTbcOrNaTasks() throws Exception {
        // WHEN the sweep runs on the Tuesday after the bank holiday, twice
        JsonNode first = json("remind", "--at", "2023-05-30T09:30", "--db", db, "--json");
        JsonNode second = json("remind", "--at", "2023-05-30T09:45", "--db", db, "--json");
        // THEN the first decides the day-before reminders for the tasks due 31/05/2023, the second nothing new
        Set<String> beforeOne = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode r : first.get("reminders")) {
            keys.add(r.get("key").asText());
            if (r.get("kind").asText().equals("BEFORE_1")) {
                beforeOne.add(r.get("task").asText());
            }
        }
        assertThat(beforeOne).contains("EN003/01", "EN003/05", "PRE005/01", "PRE005/03");
        assertThat(keys).hasSize(first.get("decided").asInt());
        assertThat(second.get("decided").asInt()).isZero();
        // AND no date reminder names a task that is completed, closed, TBC or N/A in the tracker
        // (a TBC task gets the monthly "can you set a date?" nudge instead)
        for (JsonNode r : first.get("reminders")) {
            if (!r.get("kind").asText().endsWith("_NUDGE")) {
                assertThat(r.get("task").asText()).isNotIn("EN001/01", "EN006/01", "COM004/04", "IT002/02", "COMP002/03");
            }
        }
    }

    @Test
    void theDigestAtAMomentCountsThePlanAndDrawsItsChart() throws Exception {
        Path chart = dir.resolve("chart.png");
        JsonNode digest = json("digest", "--at", "2023-05-15T09:00", "--db", db, "--json", "--chart", chart.toString());
        assertThat(digest.get("totals").get("total").asInt()).isEqualTo(210);
        assertThat(digest.get("overdue")).hasSize(28);
        assertThat(ImageIO.read(Files.newInputStream(chart)).getWidth()).isEqualTo(900);
    }
}
