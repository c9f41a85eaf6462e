package planbot.discord.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.discord.DiscordSettings;
import planbot.discord.fake.FakeDiscord;
import planbot.discord.fake.FakeGateway;
import planbot.discord.interact.PlanCommandSpec;
import planbot.discord.rest.DiscordRest;
import planbot.platform.PlatformStartException;

/**
 * The gateway mode through real JDA: {@link FakeDiscord} serves the REST API (JDA's login check, GET /gateway/bot
 * pointing at the {@link FakeGateway}, the command registration, the interaction callback) and JDA really connects
 * to the fake gateway. The handler here is a stand-in that answers every interaction: what it answers is
 * discord.interact's business; that each interaction reaches it and its answer reaches Discord is this one's.
 */
class DiscordGatewayTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(5);

    final List<JsonNode> handled = new CopyOnWriteArrayList<>();
    FakeDiscord fake;
    FakeGateway gateway;
    DiscordGateway discord;

    @BeforeEach
    void fakes() {
        fake = FakeDiscord.start();
        gateway = FakeGateway.start(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID);
        fake.gatewayUrl(gateway.url().toString());
    }

    @AfterEach
    void stop() {
        if (discord != null) {
            discord.close();
        }
        gateway.close();
        fake.close();
    }

    @Test
    void connectsWithTheBotTokenAndOnlyTheGuildsIntentWithoutCompression() throws Exception {
        // GIVEN a gateway that asks for heartbeats every 200 ms
        gateway.heartbeatInterval(Duration.ofMillis(200));

        // WHEN the gateway mode starts
        discord = gateway(settings(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID));
        discord.start();

        // THEN it identified once with the token and intents 1 (GUILDS: nothing privileged), and keeps heartbeating
        assertThat(gateway.identifies()).hasSize(1);
        JsonNode identify = gateway.identifies().get(0);
        assertThat(identify.path("token").asText()).isEqualTo(FakeDiscord.TOKEN);
        assertThat(identify.path("intents").asInt()).isEqualTo(1);
        assertThat(gateway.sessions()).isEqualTo(1);
        assertThat(FakeGateway.await(() -> gateway.heartbeats() >= 2, WAIT)).isTrue();
        assertThat(discord.health().ok()).isTrue();
        // AND it learned the gateway from GET /gateway/bot, as the bot
        assertThat(fake.calls("GET", "/gateway/bot")).singleElement()
                .satisfies(c -> assertThat(c.headers().get("authorization")).isEqualTo("Bot " + FakeDiscord.TOKEN));
    }

    @Test
    void registersPlanWithABulkOverwriteOnStart() throws Exception {
        discord = gateway(settings(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID));

        discord.start();

        // THEN one PUT of the whole list, accepted by the fake's checks of names, descriptions and options
        assertThat(fake.calls("PUT", "/commands")).singleElement()
                .satisfies(c -> {
                    assertThat(c.path()).endsWith("/applications/" + FakeDiscord.APPLICATION_ID + "/commands");
                    assertThat(c.status()).isEqualTo(200);
                });
        assertThat(fake.commands()).singleElement()
                .satisfies(c -> assertThat(c.path("name").asText()).isEqualTo(PlanCommandSpec.NAME));
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void aSlashCommandOverTheGatewayReachesTheHandlerAndItsResponseGoesToTheCallback() throws Exception {
        discord = gateway(settings(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID));
        discord.start();

        // WHEN Discord dispatches /plan status ref:ENF003 typed in a guild channel
        ObjectNode status = fake.slashCommand(fake.user("Sam Evans"), fake.channel("plan"), "status",
                Map.of("ref", "ENF003"));
        assertThat(gateway.dispatch("INTERACTION_CREATE", status)).isEqualTo(1);

        // THEN the handler got the interaction exactly as sent, and its answer is the interaction's response at Discord
        ObjectNode response = fake.awaitResponse(status.path("id").asText(), WAIT);
        assertThat(response.path("data").path("content").asText()).isEqualTo("answered " + status.path("id").asText());
        assertThat(handled).containsExactly(status);
        // AND the callback carried the interaction's token, not the bot's
        assertThat(fake.calls("POST", "/callback")).singleElement()
                .satisfies(c -> assertThat(c.headers()).doesNotContainKey("authorization"));
    }

    @Test
    void everyKindOfInteractionReachesTheHandlerFromAGuildOrADm() throws Exception {
        discord = gateway(settings(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID));
        discord.start();
        FakeDiscord.User sam = fake.user("Sam Evans");
        FakeDiscord.Channel plan = fake.channel("plan");
        FakeDiscord.Channel dm = fake.dm(sam);
        String reminder = postedMessage(dm);

        // WHEN Discord dispatches a DM command, an autocomplete, a button click, a select and a modal submit
        List<ObjectNode> sent = List.of(
                fake.slashCommand(sam, dm, "mine", Map.of()),
                fake.autocomplete(sam, plan, "status", "ref", "ENF", Map.of()),
                fake.buttonClick(sam, dm, reminder, "pb:done:42"),
                fake.select(sam, dm, reminder, "pb:pick", "42"),
                fake.modalSubmit(sam, dm, reminder, "pb:date:42", Map.of("date", "31/3/2027"),
                        FakeDiscord.ModalLayout.LABELS));
        sent.forEach(i -> gateway.dispatch("INTERACTION_CREATE", i));

        // THEN JDA drops none of them: each is handed over and answered
        for (ObjectNode i : sent) {
            fake.awaitResponse(i.path("id").asText(), WAIT);
        }
        assertThat(handled).extracting(i -> i.path("id").asText())
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(i -> i.path("id").asText()).toList());
    }

    @Test
    void otherDispatchesAreNotHandedToTheHandler() throws Exception {
        discord = gateway(settings(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID));
        discord.start();

        ObjectNode typing = JSON.createObjectNode().put("channel_id", fake.channel("plan").id()).put("user_id", "7")
                .put("timestamp", 1700000000);
        gateway.dispatch("TYPING_START", typing);
        ObjectNode help = fake.slashCommand(fake.user("Sam Evans"), fake.channel("plan"), "help", Map.of());
        gateway.dispatch("INTERACTION_CREATE", help);

        fake.awaitResponse(help.path("id").asText(), WAIT);
        assertThat(handled).containsExactly(help);
    }

    @Test
    void whenTheGatewayAsksToReconnectTheSessionIsResumedAndInteractionsKeepComing() throws Exception {
        discord = gateway(settings(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID));
        discord.start();

        // WHEN Discord asks the session to reconnect (op 7)
        gateway.requestReconnect();

        // THEN JDA resumes it at resume_gateway_url (no second IDENTIFY) and the next interaction still gets through
        assertThat(FakeGateway.await(() -> gateway.resumes() == 1 && gateway.sessions() == 1, WAIT)).isTrue();
        assertThat(gateway.identifies()).hasSize(1);
        ObjectNode help = fake.slashCommand(fake.user("Sam Evans"), fake.channel("plan"), "help", Map.of());
        gateway.dispatch("INTERACTION_CREATE", help);
        fake.awaitResponse(help.path("id").asText(), WAIT);
        assertThat(FakeGateway.await(() -> discord.health().ok(), WAIT)).isTrue();
    }

    @Test
    void aTokenTheGatewayRefusesStopsTheStartNamingTheSettingNotTheToken() throws Exception {
        // GIVEN REST takes the token but the gateway does not (as when the token is reset between the two)
        gateway.close();
        gateway = FakeGateway.start("another-token", FakeDiscord.APPLICATION_ID);
        fake.gatewayUrl(gateway.url().toString());
        discord = gateway(settings(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID));

        // WHEN it starts THEN the gateway closed with 4004 and start fails with a sentence naming DISCORD_TOKEN
        assertThatThrownBy(() -> discord.start())
                .isInstanceOf(PlatformStartException.class)
                .hasMessageContaining("DISCORD_TOKEN")
                .hasMessageContaining("4004")
                .hasMessageNotContaining(FakeDiscord.TOKEN);
        assertThat(FakeGateway.await(() -> gateway.closeCodes().contains(4004), WAIT)).isTrue();
        assertThat(discord.health().ok()).isFalse();
    }

    @Test
    void aTokenTheRestApiRefusesStopsTheStartBeforeAnyGatewayConnection() throws Exception {
        String wrong = FakeDiscord.TOKEN.replace("fake", "gone");
        discord = gateway(settings(wrong, FakeDiscord.APPLICATION_ID));

        assertThatThrownBy(() -> discord.start())
                .isInstanceOf(PlatformStartException.class)
                .hasMessageContaining("DISCORD_TOKEN")
                .hasMessageNotContaining(wrong);
        assertThat(gateway.connectionsOpened()).isZero();
        assertThat(fake.calls("PUT", "/commands")).isEmpty();
    }

    @Test
    void anApplicationIdThatIsNotTheBotsStopsTheStartNamingTheSetting() throws Exception {
        discord = gateway(settings(FakeDiscord.TOKEN, "1100000000000000999"));

        assertThatThrownBy(() -> discord.start())
                .isInstanceOf(PlatformStartException.class)
                .hasMessageContaining("DISCORD_APPLICATION_ID");
        assertThat(gateway.connectionsOpened()).isZero();
    }

    @Test
    void aGatewayThatCannotBeReachedStopsTheStartAfterTheTimeoutWithoutHammeringIt() throws Exception {
        // GIVEN GET /gateway/bot points at an address that accepts connections and drops them at once
        try (ServerSocket dropping = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger attempts = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!dropping.isClosed()) {
                    try {
                        dropping.accept().close();
                        attempts.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.start();
            fake.gatewayUrl("ws://127.0.0.1:" + dropping.getLocalPort());
            DiscordSettings settings = settings(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID);
            discord = new DiscordGateway(settings, new DiscordRest(settings), commands(), this::answer,
                    Duration.ofMillis(2500));

            // WHEN it starts THEN it gives up after the timeout, naming the setting, not the token
            assertThatThrownBy(() -> discord.start())
                    .isInstanceOf(PlatformStartException.class)
                    .hasMessageContaining("DISCORD_TOKEN")
                    .hasMessageNotContaining(FakeDiscord.TOKEN);
            // AND it tried again after 1 s and 2 s, not in a tight loop (JDA's own worker retries at once)
            assertThat(attempts.get()).isBetween(2, 3);
        }
    }

    @Test
    void closeDisconnectsTheSession() throws Exception {
        discord = gateway(settings(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID));
        discord.start();

        discord.close();

        assertThat(FakeGateway.await(() -> gateway.sessions() == 0, WAIT)).isTrue();
        assertThat(gateway.closeCodes()).hasSize(1);
        assertThat(discord.health().ok()).isFalse();
        discord.close(); // twice is harmless
    }

    // ---- helpers

    DiscordSettings settings(String token, String applicationId) {
        return new DiscordSettings(Optional.of(token), Optional.empty(), applicationId, URI.create(fake.apiBaseUrl()));
    }

    DiscordGateway gateway(DiscordSettings settings) {
        return new DiscordGateway(settings, new DiscordRest(settings), commands(), this::answer);
    }

    static JsonNode commands() {
        return JSON.createArrayNode().add(PlanCommandSpec.registration());
    }

    /** The stand-in handler: records the interaction and answers it at once, ephemerally, pinging no one. */
    void answer(JsonNode interaction, Consumer<ObjectNode> respond) {
        handled.add(interaction);
        int type = interaction.path("type").asInt();
        ObjectNode response = JSON.createObjectNode();
        if (type == 4) {
            response.put("type", 8).putObject("data").putArray("choices");
        } else {
            ObjectNode data = response.put("type", 4).putObject("data")
                    .put("content", "answered " + interaction.path("id").asText()).put("flags", 64);
            data.putObject("allowed_mentions").putArray("parse");
        }
        respond.accept(response);
    }

    /** A message the bot posted, for components to be clicked on. */
    String postedMessage(FakeDiscord.Channel where) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("content", "ENF003 is due on Friday");
        body.putObject("allowed_mentions").putArray("parse");
        DiscordSettings settings = settings(FakeDiscord.TOKEN, FakeDiscord.APPLICATION_ID);
        return new DiscordRest(settings).post("/channels/" + where.id() + "/messages", body).path("id").asText();
    }
}
