package planbot.slack.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.slack.interact.InteractFixture.GUEST_ID;
import static planbot.slack.interact.InteractFixture.OLIVIA_ID;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.delivery.Button;
import planbot.domain.StatusKind;
import planbot.answer.ButtonValue;
import planbot.slack.fake.FakeSlack;

/**
 * The App Home: "My tasks" lists the linked person's open tasks, overdue first then by target date, each with the
 * reminder's buttons (outbox id 0); a click there answers and republishes the view; someone not linked is told how to
 * get linked.
 */
class HomeTabTest {
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

    private static List<String> sectionTexts(JsonNode view) {
        List<String> texts = new ArrayList<>();
        view.path("blocks").forEach(b -> {
            if (b.path("type").asText().equals("section")) {
                texts.add(b.path("text").path("text").asText());
            }
        });
        return texts;
    }

    @Test
    void givenAnOwnerWithOverdueAndUpcomingTasks_whenTheyOpenTheAppHome_thenTheirOpenTasksAreListedOverdueFirstWithButtons() throws Exception {
        f.post(f.homeOpened(OLIVIA_ID));

        FakeSlack.Call published = f.awaitCalls("views.publish", 1).get(0);
        assertThat(published.param("user_id")).isEqualTo(OLIVIA_ID);
        JsonNode view = published.params().get("view");
        assertThat(view.path("type").asText()).isEqualTo("home");
        List<String> tasks = sectionTexts(view);
        assertThat(tasks).hasSize(3);
        assertThat(tasks.get(0)).startsWith("*EN005/03*").contains("overdue by 45 days");
        assertThat(tasks.get(1)).startsWith("*EN003/01*");
        assertThat(tasks.get(2)).startsWith("*EN003/02*");
        assertThat(view.toString()).contains(new ButtonValue("test-council", f.bot.taskRow("EN005/03").id(), 0, Button.Choice.DONE).encode());
        assertThat(view.path("blocks").size()).isLessThanOrEqualTo(100);
        assertThat(f.slack.violations()).isEmpty();
    }

    @Test
    void givenTheAppHome_whenTheOwnerClicksDoneThere_thenTheTaskIsCompletedAndTheViewRepublishedWithoutIt() throws Exception {
        String done = ButtonValue.actionId(Button.Choice.DONE);

        f.post(f.click(OLIVIA_ID, done, new ButtonValue("test-council", f.bot.taskRow("EN005/03").id(), 0, Button.Choice.DONE).encode(), null));

        FakeSlack.Call published = f.awaitCalls("views.publish", 1).get(0);
        assertThat(f.bot.task("EN005/03").status().kind()).isEqualTo(StatusKind.COMPLETED);
        JsonNode view = published.params().get("view");
        assertThat(view.toString()).contains("EN005/03 is now Completed");
        assertThat(sectionTexts(view)).noneMatch(t -> t.startsWith("*EN005/03*"));
    }

    @Test
    void givenSomeoneNotLinked_whenTheyOpenTheAppHome_thenTheyAreToldHowToGetLinked() throws Exception {
        f.post(f.homeOpened(GUEST_ID));

        JsonNode view = f.awaitCalls("views.publish", 1).get(0).params().get("view");
        assertThat(view.toString()).contains("isn't linked").contains("people link");
    }
}
