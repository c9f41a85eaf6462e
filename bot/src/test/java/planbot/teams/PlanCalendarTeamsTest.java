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
 * {@code calendar} on Teams: the feed's address is a secret, so in a personal chat it comes as a button on a card, and in
 * a channel (where Teams has no reply only the asker sees) none is made or posted, only a sentence saying where to ask.
 */
class PlanCalendarTeamsTest {
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
    void inAPersonalChatTheFeedsAddressIsAButton() throws Exception {
        FakeBotConnector.Where chat = f.oliviasChat();
        f.deliver(f.teams.message(f.olivia, chat, "calendar"));
        ObjectNode answer = f.awaitNew(chat.conversationId(), 0);
        JsonNode open = answer.findParent("url");
        assertThat(open).isNotNull();
        assertThat(open.path("url").asText()).matches("http://localhost:\\d+/ical/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(f.bot.dump().get("calendar_feed")).hasSize(1);
        assertThat(f.teams.violations()).isEmpty();
    }

    @Test
    void inAChannelNoAddressIsMadeAndItSaysWhereToAsk() throws Exception {
        FakeBotConnector.Channel team = f.teams.team(f.olivia);
        FakeBotConnector.Where channel = f.teams.inChannel(team);
        f.deliver(f.teams.mention(f.olivia, channel, "calendar", false));
        ObjectNode answer = f.awaitNew(channel.conversationId(), 0);
        assertThat(answer.toString()).contains(Command.Calendar.ONLY_PRIVATELY.substring(0, 40)).doesNotContain("/ical/");
        assertThat(f.bot.dump().get("calendar_feed")).isEmpty();
    }
}
