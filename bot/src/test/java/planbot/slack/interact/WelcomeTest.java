package planbot.slack.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.slack.interact.InteractFixture.GUEST_ID;
import static planbot.slack.interact.InteractFixture.OLIVIA_ID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.doctor.Welcome;
import planbot.domain.Source;
import planbot.slack.fake.FakeSlack;

/**
 * The welcome: the first person to open planbot's App Home in a workspace gets the doctor's checklist by DM, once;
 * later openings, by them or anyone else, and a restart, send nothing more.
 */
class WelcomeTest {
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
    void givenANewWorkspace_whenTheAppHomeIsOpenedTwiceAndByAnother_thenOnlyTheFirstOpenerGetsOneWelcome() throws Exception {
        f.post(f.homeOpened(OLIVIA_ID));
        f.awaitCalls("chat.postMessage", 1);
        f.post(f.homeOpened(OLIVIA_ID));
        f.post(f.homeOpened(GUEST_ID));
        f.awaitCalls("views.publish", 3);
        f.post(f.homeOpened(OLIVIA_ID));
        f.awaitCalls("views.publish", 4);

        List<ObjectNode> welcomes = f.slack.messages(FakeSlack.dmOf(OLIVIA_ID));
        assertThat(f.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(welcomes).hasSize(1);
        assertThat(welcomes.get(0).path("text").asText()).startsWith("Welcome to planbot. planbot's set-up for");
        assertThat(welcomes.get(0).path("blocks").toString()).contains("Slack accepts the bot token")
                .contains("No plan channel is set on slack");
        assertThat(f.slack.messages(FakeSlack.dmOf(GUEST_ID))).isEmpty();
        assertThat(f.slack.violations()).isEmpty();
        assertThat(f.bot.audit("slack:" + InteractFixture.TEAM)).anySatisfy(e -> {
            assertThat(e.change()).isEqualTo("welcomed");
            assertThat(e.after()).isEqualTo(OLIVIA_ID);
        });
    }

    @Test
    void givenAWorkspaceAlreadyWelcomed_whenPlanbotRestarts_thenTheStoredWelcomeIsNotRepeated() {
        Welcome first = new Welcome(f.bot.app().database(), f.bot.app().audit(), f.bot.app().doctor(), f.bot.app().clock());
        assertThat(first.firstUse(f.bot.tenant(), Source.SLACK, InteractFixture.TEAM, OLIVIA_ID)).isPresent();

        Welcome afterRestart = new Welcome(f.bot.app().database(), f.bot.app().audit(), f.bot.app().doctor(), f.bot.app().clock());

        assertThat(afterRestart.firstUse(f.bot.tenant(), Source.SLACK, InteractFixture.TEAM, GUEST_ID)).isEmpty();
        assertThat(afterRestart.firstUse(f.bot.tenant(), Source.SLACK, "T0OTHER", GUEST_ID)).isPresent();
    }
}
