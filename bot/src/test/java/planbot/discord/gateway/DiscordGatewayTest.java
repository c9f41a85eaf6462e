package planbot.discord.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import planbot.discord.DiscordSettings;
import planbot.discord.fake.FakeGateway;
import planbot.discord.rest.DiscordRest;
import planbot.platform.PlatformStartException;

/**
 * The gateway mode through real JDA: a local REST stand-in (GET /users/@me for JDA's login check, GET /gateway/bot
 * pointing at the {@link FakeGateway}, the command registration, the interaction callback) and the fake gateway
 * JDA really connects to.
 */
class DiscordGatewayTest {
    static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gx1234.bot-token-for-tests_only";
    static final String APP = "1100000000000000001";
    static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> handled = new CopyOnWriteArrayList<>();
    FakeGateway gateway;
    GatewayRestStandIn rest;
    DiscordGateway discord;

    @AfterEach
    void stop() {
        if (discord != null) {
            discord.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (rest != null) {
            rest.close();
        }
    }

    @Test
    void connectsWithTheBotTokenAndOnlyTheGuildsIntentWithoutCompression() throws Exception {
        // GIVEN the fakes, heartbeats every 200 ms
        gateway = FakeGateway.start(TOKEN, APP).heartbeatInterval(Duration.ofMillis(200));
        rest = GatewayRestStandIn.start(TOKEN, APP, gateway.url());

        // WHEN the gateway starts
        discord = gateway(answering("ok"));
        discord.start();

        // THEN it identified once with the token and intents 1 (GUILDS; nothing privileged), and keeps heartbeating
        assertThat(gateway.identifies()).hasSize(1);
        JsonNode identify = gateway.identifies().get(0);
        assertThat(identify.path("token").asText()).isEqualTo(TOKEN);
        assertThat(identify.path("intents").asInt()).isEqualTo(1);
        assertThat(identify.path("intents").asInt() & FakeGateway.PRIVILEGED_INTENTS).isZero();
        assertThat(gateway.sessions()).isEqualTo(1);
        assertThat(FakeGateway.await(() -> gateway.heartbeats() >= 2, Duration.ofSeconds(5))).isTrue();
        assertThat(discord.health().ok()).isTrue();
    }

    @Test
    void registersTheCommandsWithABulkOverwriteOnStart() throws Exception {
        gateway = FakeGateway.start(TOKEN, APP);
        rest = GatewayRestStandIn.start(TOKEN, APP, gateway.url());
        discord = gateway(answering("ok"));

        discord.start();

        // THEN one PUT of the whole command list, as the bot, for our application
        assertThat(rest.calls()).filteredOn(c -> c.method().equals("PUT"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.path()).isEqualTo("/api/v10/applications/" + APP + "/commands");
                    assertThat(c.authorization()).isEqualTo("Bot " + TOKEN);
                    assertThat(c.body()).isEqualTo(commands());
                });
    }

    @Test
    void aSlashCommandOverTheGatewayReachesTheHandlerAndItsResponseGoesToTheCallback() throws Exception {
        gateway = FakeGateway.start(TOKEN, APP);
        rest = GatewayRestStandIn.start(TOKEN, APP, gateway.url());
        discord = gateway(answering("ENF003 is on target"));
        discord.start();

        // WHEN Discord dispatches /plan status ref:ENF003 typed in a guild channel
        JsonNode interaction = guildSlashCommand("1300000000000000001", "status", "ENF003");
        assertThat(gateway.dispatch("INTERACTION_CREATE", interaction)).isEqualTo(1);

        // THEN the handler got the interaction exactly as sent, and its answer went to the callback without bot auth
        assertThat(FakeGateway.await(() -> !rest.callbacks().isEmpty(), Duration.ofSeconds(5))).isTrue();
        assertThat(handled).containsExactly(asJdaPassesItOn(interaction));
        GatewayRestStandIn.Call callback = rest.callbacks().get(0);
        assertThat(callback.path()).isEqualTo("/api/v10/interactions/1300000000000000001/" + interactionToken(
                "1300000000000000001") + "/callback");
        assertThat(callback.authorization()).isNull();
        assertThat(callback.body().path("type").asInt()).isEqualTo(4);
        assertThat(callback.body().path("data").path("content").asText()).isEqualTo("ENF003 is on target");
    }

    @Test
    void aDirectMessageInteractionAndAButtonClickReachTheHandlerToo() throws Exception {
        gateway = FakeGateway.start(TOKEN, APP);
        rest = GatewayRestStandIn.start(TOKEN, APP, gateway.url());
        discord = gateway(answering("done"));
        discord.start();

        // WHEN a slash command comes from a DM (user, no member, channel type 1) and a button is clicked in a guild
        JsonNode dm = dmSlashCommand("1300000000000000002");
        JsonNode click = guildButton("1300000000000000003", "pb:done:42");
        gateway.dispatch("INTERACTION_CREATE", dm);
        gateway.dispatch("INTERACTION_CREATE", click);

        // THEN both are handed over (JDA drops neither) and both answered
        assertThat(FakeGateway.await(() -> rest.callbacks().size() == 2, Duration.ofSeconds(5))).isTrue();
        assertThat(handled).containsExactlyInAnyOrder(dm, asJdaPassesItOn(click));
    }

    @Test
    void otherDispatchesAreNotHandedToTheHandler() throws Exception {
        gateway = FakeGateway.start(TOKEN, APP);
        rest = GatewayRestStandIn.start(TOKEN, APP, gateway.url());
        discord = gateway(answering("ok"));
        discord.start();

        ObjectNode typing = JSON.createObjectNode().put("channel_id", "1200000000000000009").put("user_id", "7")
                .put("timestamp", 1700000000);
        gateway.dispatch("TYPING_START", typing);
        JsonNode interaction = guildSlashCommand("1300000000000000004", "help", null);
        gateway.dispatch("INTERACTION_CREATE", interaction);

        assertThat(FakeGateway.await(() -> rest.callbacks().size() == 1, Duration.ofSeconds(5))).isTrue();
        assertThat(handled).containsExactly(asJdaPassesItOn(interaction));
    }

    @Test
    void aTokenTheGatewayRefusesStopsTheStartNamingTheSettingNotTheToken() throws Exception {
        // GIVEN REST takes the token but the gateway does not (as when a token is reset between the two)
        gateway = FakeGateway.start("another-token", APP);
        rest = GatewayRestStandIn.start(TOKEN, APP, gateway.url());
        discord = gateway(answering("ok"));

        // WHEN it starts THEN the gateway closed with 4004 and start fails with a sentence naming DISCORD_TOKEN
        assertThatThrownBy(() -> discord.start())
                .isInstanceOf(PlatformStartException.class)
                .hasMessageContaining("DISCORD_TOKEN")
                .hasMessageContaining("4004")
                .hasMessageNotContaining(TOKEN);
        assertThat(gateway.closeCodes()).contains(4004);
        assertThat(discord.health().ok()).isFalse();
    }

    @Test
    void aTokenTheRestApiRefusesStopsTheStartBeforeAnyGatewayConnection() throws Exception {
        gateway = FakeGateway.start(TOKEN, APP);
        rest = GatewayRestStandIn.start("another-token", APP, gateway.url());
        discord = gateway(answering("ok"));

        assertThatThrownBy(() -> discord.start())
                .isInstanceOf(PlatformStartException.class)
                .hasMessageContaining("DISCORD_TOKEN")
                .hasMessageNotContaining(TOKEN);
        assertThat(gateway.connectionsOpened()).isZero();
        assertThat(rest.calls()).noneMatch(c -> c.method().equals("PUT"));
    }

    @Test
    void anApplicationIdThatIsNotTheBotsStopsTheStartNamingTheSetting() throws Exception {
        gateway = FakeGateway.start(TOKEN, APP);
        rest = GatewayRestStandIn.start(TOKEN, "1100000000000000999", gateway.url());
        discord = gateway(answering("ok"));

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
                    try (Socket s = dropping.accept()) {
                        attempts.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.start();
            rest = GatewayRestStandIn.start(TOKEN, APP, URI.create("ws://127.0.0.1:" + dropping.getLocalPort()));
            discord = new DiscordGateway(settings(), new DiscordRest(settings()), commands(), answering("ok"),
                    Duration.ofMillis(2500));

            // WHEN it starts THEN it gives up after the timeout, naming the setting, not the token
            assertThatThrownBy(() -> discord.start())
                    .isInstanceOf(PlatformStartException.class)
                    .hasMessageContaining("DISCORD_TOKEN")
                    .hasMessageNotContaining(TOKEN);
            // AND it tried again after 1 s and 2 s, not in a tight loop (JDA's own worker retries at once)
            assertThat(attempts.get()).isBetween(2, 3);
        }
    }

    @Test
    void closeDisconnectsTheSession() throws Exception {
        gateway = FakeGateway.start(TOKEN, APP);
        rest = GatewayRestStandIn.start(TOKEN, APP, gateway.url());
        discord = gateway(answering("ok"));
        discord.start();

        discord.close();

        assertThat(FakeGateway.await(() -> gateway.sessions() == 0, Duration.ofSeconds(5))).isTrue();
        assertThat(gateway.closeCodes()).hasSize(1);
        assertThat(discord.health().ok()).isFalse();
        discord.close(); // twice is harmless
    }

    // ---- helpers

    DiscordGateway gateway(BiConsumer<JsonNode, Consumer<ObjectNode>> handler) {
        return new DiscordGateway(settings(), new DiscordRest(settings()), commands(), handler);
    }

    DiscordSettings settings() {
        return new DiscordSettings(Optional.of(TOKEN), Optional.empty(), APP, rest.apiBaseUrl());
    }

    BiConsumer<JsonNode, Consumer<ObjectNode>> answering(String content) {
        return (interaction, respond) -> {
            handled.add(interaction);
            ObjectNode response = JSON.createObjectNode().put("type", 4);
            response.putObject("data").put("content", content).putObject("allowed_mentions").putArray("parse");
            respond.accept(response);
        };
    }

    static JsonNode commands() {
        ObjectNode plan = JSON.createObjectNode().put("name", "plan").put("type", 1).put("description", "The action plan");
        ObjectNode status = plan.putArray("options").addObject().put("type", 1).put("name", "status")
                .put("description", "A task's status");
        status.putArray("options").addObject().put("type", 3).put("name", "ref").put("description", "Task ref")
                .put("required", true).put("autocomplete", true);
        return JSON.createArrayNode().add(plan);
    }

    /** JDA writes {@code guild.preferred_locale} into the payload it passes on (a copy of {@code guild_locale}). */
    static JsonNode asJdaPassesItOn(JsonNode sent) {
        ObjectNode copy = sent.deepCopy();
        ((ObjectNode) copy.get("guild")).put("preferred_locale", sent.path("guild_locale").asText());
        return copy;
    }

    static String interactionToken(String id) {
        return "aW50ZXJhY3Rpb246" + id;
    }

    static ObjectNode interaction(String id, int type) {
        return JSON.createObjectNode().put("id", id).put("application_id", APP).put("type", type)
                .put("token", interactionToken(id)).put("version", 1).put("locale", "en-GB")
                .put("app_permissions", "2248473465835073");
    }

    static ObjectNode guildSlashCommand(String id, String subcommand, String ref) {
        ObjectNode i = inGuild(interaction(id, 2));
        ObjectNode data = i.putObject("data").put("id", "1400000000000000001").put("name", "plan").put("type", 1);
        ObjectNode sub = data.putArray("options").addObject().put("name", subcommand).put("type", 1);
        if (ref != null) {
            sub.putArray("options").addObject().put("name", "ref").put("type", 3).put("value", ref);
        }
        return i;
    }

    static ObjectNode guildButton(String id, String customId) {
        ObjectNode i = inGuild(interaction(id, 3));
        i.putObject("data").put("custom_id", customId).put("component_type", 2);
        // the message the button is on, whole, as Discord sends it (JDA parses it and drops the event if it cannot)
        ObjectNode message = i.putObject("message").put("id", "1500000000000000001")
                .put("channel_id", "1200000000000000002").put("content", "").put("type", 0)
                .put("timestamp", "2026-12-07T09:00:00.000000+00:00").putNull("edited_timestamp")
                .put("tts", false).put("mention_everyone", false).put("pinned", false).put("flags", 0);
        message.putObject("author").put("id", FakeGateway.BOT_USER_ID).put("username", "planbot")
                .put("discriminator", "0").put("bot", true).putNull("avatar");
        for (String list : List.of("mentions", "mention_roles", "attachments", "embeds", "components")) {
            message.putArray(list);
        }
        return i;
    }

    static ObjectNode dmSlashCommand(String id) {
        ObjectNode i = interaction(id, 2).put("channel_id", "1200000000000000007").put("context", 1);
        i.set("user", user());
        i.putObject("channel").put("id", "1200000000000000007").put("type", 1).put("flags", 0)
                .putArray("recipients").add(user());
        i.putObject("authorizing_integration_owners").put("0", "0");
        ObjectNode data = i.putObject("data").put("id", "1400000000000000001").put("name", "plan").put("type", 1);
        data.putArray("options").addObject().put("name", "mine").put("type", 1);
        return i;
    }

    static ObjectNode inGuild(ObjectNode i) {
        i.put("guild_id", "1000000000000000001").put("channel_id", "1200000000000000002").put("guild_locale", "en-GB")
                .put("context", 0);
        i.putObject("guild").put("id", "1000000000000000001").put("locale", "en-GB").putArray("features");
        i.putObject("channel").put("id", "1200000000000000002").put("type", 0).put("name", "plan")
                .put("guild_id", "1000000000000000001").put("position", 0).put("flags", 0).put("nsfw", false)
                .put("permissions", "2248473465835073").putNull("parent_id").putNull("topic").put("rate_limit_per_user", 0)
                .putNull("last_message_id");
        ObjectNode member = i.putObject("member").put("joined_at", "2025-01-01T00:00:00.000000+00:00")
                .put("permissions", "2248473465835073").put("deaf", false).put("mute", false).put("pending", false)
                .put("flags", 0).putNull("nick").putNull("avatar").putNull("premium_since");
        member.putArray("roles");
        member.set("user", user());
        i.putObject("authorizing_integration_owners").put("0", "1000000000000000001");
        return i;
    }

    static ObjectNode user() {
        return JSON.createObjectNode().put("id", "1600000000000000001").put("username", "sam").put("discriminator", "0")
                .put("global_name", "Sam Evans").putNull("avatar").put("public_flags", 0);
    }
}
