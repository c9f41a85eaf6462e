package planbot.discord.interact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.discord.fake.FakeDiscord;
import planbot.discord.render.NoticeMessages;
import planbot.discord.render.ReplyEmbeds;
import planbot.discord.rest.DiscordRest;
import planbot.domain.AuditEvent;
import planbot.storage.ChatIdentity;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * The handler as the gateway calls it (raw JSON in, the initial response to a callback): a gateway reconnect can hand
 * the same interaction over twice, and it must have one effect.
 */
class InteractionsReplayTest {
    @TempDir
    Path dir;
    TestBot bot;
    FakeDiscord discord;
    ExecutorService work;
    Interactions interactions;
    FakeDiscord.User olivia;
    FakeDiscord.Channel channel;

    @BeforeEach
    void start() {
        bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN003/01", "Olivia Officer").plan());
        discord = FakeDiscord.start(bot.clock());
        olivia = discord.user("Olivia Officer");
        channel = discord.channel("planning");
        bot.app().people().link(bot.tenant(), "Olivia Officer", new ChatIdentity("discord", FakeDiscord.GUILD_ID, olivia.id()));
        work = Executors.newFixedThreadPool(2);
        interactions = new Interactions(bot.app().platformServices(), bot.app().database(),
                new DiscordRest(URI.create(discord.apiBaseUrl()), Optional.empty(), Duration.ofSeconds(5)),
                new ReplyEmbeds(bot.app().platformServices().zone()), new NoticeMessages(), FakeDiscord.APPLICATION_ID, work);
    }

    @AfterEach
    void stop() throws InterruptedException {
        work.shutdown();
        work.awaitTermination(5, TimeUnit.SECONDS);
        discord.close();
        bot.close();
    }

    private ObjectNode handle(ObjectNode interaction) throws Exception {
        CompletableFuture<ObjectNode> initial = new CompletableFuture<>();
        interactions.handle(interaction, initial::complete);
        return initial.get(3, TimeUnit.SECONDS);
    }

    @Test
    void givenAnUpdateHandedOverTwice_whenHandled_thenItTakesEffectOnceAndTheReplayIsOnlyAcknowledged() throws Exception {
        ObjectNode note = discord.slashCommand(olivia, channel, "note", Map.of("ref", "EN003/01", "text", "draft sent to legal"));
        assertThat(handle(note).path("type").asInt()).isEqualTo(4);
        int audited = bot.audit("EN003/01").size();
        ObjectNode replay = handle(note.deepCopy());
        assertThat(replay.path("type").asInt()).isEqualTo(5);
        List<AuditEvent> after = bot.audit("EN003/01");
        assertThat(after).hasSize(audited);
    }

    @Test
    void givenJsonThatIsNoInteraction_whenHandled_thenAGenericEphemeralAnswerAndNoExceptionText() throws Exception {
        ObjectNode junk = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", 2);
        ObjectNode r = handle(junk);
        assertThat(r.path("type").asInt()).isEqualTo(4);
        assertThat(r.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(r.path("data").path("content").asText()).isEqualTo(planbot.reply.Failure.GENERIC);
    }
}
