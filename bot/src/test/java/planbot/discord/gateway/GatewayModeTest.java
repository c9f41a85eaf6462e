package planbot.discord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.config.Settings;
import planbot.discord.DiscordPlatform;
import planbot.discord.DiscordSettings;
import planbot.discord.fake.FakeDiscord;
import planbot.discord.fake.FakeGateway;
import planbot.storage.ChatIdentity;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * The whole gateway path: the real App on SQLite with the sample plan, the real {@link DiscordPlatform} configured
 * with only {@code DISCORD_TOKEN} (gateway mode, no public key), {@link FakeDiscord} for REST and JDA connected to the
 * {@link FakeGateway}. Interactions go in over the WebSocket; answers come out through the REST callback.
 */
class GatewayModeTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    TestBot bot;
    FakeDiscord discord;
    FakeGateway gateway;
    DiscordPlatform platform;
    FakeDiscord.User olivia;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN003/01", "Olivia Officer").plan());
        discord = FakeDiscord.start(bot.clock());
        gateway = FakeGateway.start(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID);
        discord.gatewayUrl(gateway.url().toString());
        olivia = discord.user("Olivia Officer");
        bot.app().people().link(bot.tenant(), "Olivia Officer",
                new ChatIdentity("discord", FakeDiscord.GUILD_ID, olivia.id()));
        Map<String, String> gatewayOnly = new HashMap<>(discord.settings());
        gatewayOnly.remove(DiscordSettings.PUBLIC_KEY);
        DiscordSettings settings = DiscordSettings.from(Settings.load(gatewayOnly, dir.resolve("no.env"))).orElseThrow();
        platform = new DiscordPlatform(settings, bot.app().platformServices(), bot.app().database());
    }

    @AfterEach
    void stop() {
        try {
            platform.close();
        } finally {
            gateway.close();
            discord.close();
            bot.close();
        }
    }

    @Test
    void withOnlyATokenDiscordStartsOverTheGatewayAndAnswersPlanStatusWithAnEmbed() throws Exception {
        // WHEN the app starts its platforms
        List<String> started = bot.app().startPlatforms(List.of(platform), 0);

        // THEN it says Discord runs over the gateway, /plan is registered and JDA is connected
        assertThat(String.join("\n", started)).contains("Discord over the gateway").doesNotContain("HTTP interactions");
        assertThat(discord.commands()).extracting(c -> c.path("name").asText()).containsExactly("plan");
        assertThat(gateway.sessions()).isEqualTo(1);
        assertThat(platform.health().ok()).isTrue();

        // WHEN Olivia types /plan status ref:EN003/01 in a channel, over the gateway
        ObjectNode status = discord.slashCommand(olivia, discord.channel("planning"), "status", Map.of("ref", "EN003/01"));
        gateway.dispatch("INTERACTION_CREATE", status);

        // THEN the answer is an embed about the task, only she sees it, pinging no one
        JsonNode response = discord.awaitResponse(status.path("id").asText(), WAIT);
        assertThat(response.path("type").asInt()).isEqualTo(4);
        assertThat(response.path("data").path("embeds").toString()).contains("EN003/01");
        assertThat(response.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(response.path("data").path("allowed_mentions").path("parse")).isEmpty();
        assertThat(discord.violations()).isEmpty();
    }

    @Test
    void aChangeOverTheGatewayWhileTheDatabaseIsStalledIsDeferredInTimeAndTheAnswerFollowsAsAnEdit() throws Exception {
        bot.app().startPlatforms(List.of(platform), 0);
        // GIVEN another writer holding SQLite's write lock for 3 s (busy_timeout is 5 s)
        Thread holder = new Thread(() -> bot.app().database().transaction(() -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        Thread.sleep(200);

        // WHEN Olivia marks her task completed, over the gateway
        ObjectNode update = discord.slashCommand(olivia, discord.channel("planning"), "update",
                Map.of("ref", "EN003/01", "status", "completed"));
        long t0 = System.nanoTime();
        gateway.dispatch("INTERACTION_CREATE", update);
        String id = update.path("id").asText();
        assertThat(FakeGateway.await(() -> discord.response(id).isPresent(), WAIT)).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        // THEN Discord got a deferral within its 3 s
        assertThat(took).isLessThan(Duration.ofMillis(2900));
        assertThat(discord.response(id).orElseThrow().path("type").asInt()).isEqualTo(5);
        // AND the answer follows as an edit of the original response once the database is free
        ObjectNode original = discord.awaitOriginal(id, o -> !o.path("interaction_pending").asBoolean(true), WAIT);
        assertThat(original.toString()).contains("EN003/01");
        holder.join();
        assertThat(bot.task("EN003/01").status().word()).isEqualTo("Completed");
        assertThat(discord.violations()).isEmpty();
    }

    @Test
    void refAutocompleteOverTheGatewayAnswersWithChoices() throws Exception {
        bot.app().startPlatforms(List.of(platform), 0);

        ObjectNode typing = discord.autocomplete(olivia, discord.channel("planning"), "status", "ref", "EN003", Map.of());
        gateway.dispatch("INTERACTION_CREATE", typing);

        JsonNode response = discord.awaitResponse(typing.path("id").asText(), WAIT);
        assertThat(response.path("type").asInt()).isEqualTo(8);
        assertThat(response.path("data").path("choices").toString()).contains("EN003/01");
    }
}
