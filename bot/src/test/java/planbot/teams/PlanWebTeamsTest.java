package planbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.command.Command;
import planbot.teams.fake.FakeBotConnector;

/**
 * {@code web} on Teams: in a personal chat the link comes as an Open button on a card; in a channel (where Teams has no
 * reply only the asker sees) no link is made or posted, only a sentence saying where to ask.
 */
class PlanWebTeamsTest {
    @TempDir
    Path dir;
    TeamsFixture f;

    @BeforeEach
    void start() throws Exception {
        f = TeamsFixture.start(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void inAPersonalChatTheLinkIsAnOpenButton() throws Exception {
        FakeBotConnector.Where chat = f.oliviasChat();
        f.deliver(f.teams.message(f.olivia, chat, "web"));
        ObjectNode answer = f.awaitNew(chat.conversationId(), 0);
        JsonNode open = answer.findParent("url");
        assertThat(open).isNotNull();
        assertThat(open.path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(open.path("url").asText()).matches("http://localhost:\\d+/signin/[A-Za-z0-9_-]{43}");
        assertThat(answer.path("text").asText()).doesNotContain("/signin/");
        assertThat(f.teams.violations()).isEmpty();
    }

    @Test
    void inAChannelNoLinkIsMadeAndItSaysWhereToAsk() throws Exception {
        FakeBotConnector.Channel team = f.teams.team(f.olivia);
        FakeBotConnector.Where channel = f.teams.inChannel(team);
        f.deliver(f.teams.mention(f.olivia, channel, "web", false));
        ObjectNode answer = f.awaitNew(channel.conversationId(), 0);
        assertThat(answer.toString()).contains(Command.Web.ONLY_PRIVATELY.substring(0, 40)).doesNotContain("/signin/");
        assertThat(f.bot.dump().get("signin_link")).isEmpty();
    }
}
