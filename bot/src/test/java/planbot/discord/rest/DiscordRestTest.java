package planbot.discord.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import planbot.delivery.SendResult;
import planbot.discord.fake.FakeDiscord;
import planbot.testing.MutableClock;

/** planbot's Discord REST client against the fake: what it sends, and how every refusal is judged. */
class DiscordRestTest {
    static final ObjectMapper JSON = new ObjectMapper();

    final FakeDiscord fake = FakeDiscord.start();
    final DiscordRest rest = new DiscordRest(URI.create(fake.apiBaseUrl()), Optional.of(FakeDiscord.TOKEN), DiscordRest.TIMEOUT);
    final FakeDiscord.Channel plans = fake.channel("plans");
    final FakeDiscord.User sam = fake.user("Sam Okafor");

    @AfterEach
    void close() {
        fake.close();
    }

    static ObjectNode message(String content) {
        ObjectNode m = JSON.createObjectNode().put("content", content);
        m.putObject("allowed_mentions").putArray("parse");
        return m;
    }

    static DiscordFailure failure(ThrowingCall call) {
        DiscordFailure f = catchThrowableOfType(DiscordFailure.class, call::run);
        assertThat(f).as("a DiscordFailure").isNotNull();
        return f;
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void aMessageIsPostedAsTheBotAndNamesItself() throws Exception {
        JsonNode posted = rest.post("/channels/" + plans.id() + "/messages", message("ENF003 is on target"));

        assertThat(posted.path("id").asText()).isNotEmpty();
        assertThat(fake.messages(plans.id())).singleElement()
                .satisfies(m -> assertThat(m.path("content").asText()).isEqualTo("ENF003 is on target"));
        FakeDiscord.Call call = fake.calls("POST", "/messages").get(0);
        assertThat(call.headers()).containsEntry("authorization", "Bot " + FakeDiscord.TOKEN)
                .containsEntry("user-agent", "DiscordBot (planbot, 0.1)");
    }

    @Test
    void aMessageIsEditedInPlace() throws Exception {
        String id = rest.post("/channels/" + plans.id() + "/messages", message("before")).path("id").asText();
        rest.patch("/channels/" + plans.id() + "/messages/" + id, message("after"));
        assertThat(fake.messages(plans.id())).singleElement()
                .satisfies(m -> assertThat(m.path("content").asText()).isEqualTo("after"));
    }

    @Test
    void aDirectMessageGoesThroughTheDmChannel() throws Exception {
        String dm = rest.dmChannel(sam.id());
        rest.post("/channels/" + dm + "/messages", message("Reminder: ENF003 is due Friday"));
        assertThat(dm).isEqualTo(fake.dm(sam).id());
        assertThat(fake.messages(dm)).hasSize(1);
    }

    @Test
    void aUserWhoTakesNoDmsIsPermanentAndSaysWhy() throws Exception {
        fake.dmsClosed(sam);
        String dm = rest.dmChannel(sam.id());
        DiscordFailure f = failure(() -> rest.post("/channels/" + dm + "/messages", message("hi")));
        assertThat(f.result()).isInstanceOf(SendResult.Permanent.class);
        assertThat(f.status()).isEqualTo(403);
        assertThat(f.code()).isEqualTo(DiscordFailure.CANNOT_DM_USER);
        assertThat(f.getMessage()).contains("share no server").contains("direct messages");
    }

    @Test
    void anUnknownUserIsPermanent() {
        DiscordFailure f = failure(() -> rest.dmChannel("1999999999999999999"));
        assertThat(f.code()).isEqualTo(DiscordFailure.UNKNOWN_USER);
        assertThat(f.isTransient()).isFalse();
    }

    @Test
    void channelRefusalsArePermanentWithAnActionForTheAdmin() {
        FakeDiscord.Channel hidden = fake.channel("hidden");
        fake.noAccess(hidden);
        FakeDiscord.Channel readOnly = fake.channel("read-only");
        fake.missingPermissions(readOnly);

        DiscordFailure unknown = failure(() -> rest.post("/channels/1999999999999999998/messages", message("x")));
        DiscordFailure access = failure(() -> rest.post("/channels/" + hidden.id() + "/messages", message("x")));
        DiscordFailure permission = failure(() -> rest.post("/channels/" + readOnly.id() + "/messages", message("x")));
        DiscordFailure gone = failure(() -> rest.patch("/channels/" + plans.id() + "/messages/1999999999999999997", message("x")));

        assertThat(List.of(unknown, access, permission, gone)).allSatisfy(f -> assertThat(f.isTransient()).isFalse());
        assertThat(unknown.code()).isEqualTo(DiscordFailure.UNKNOWN_CHANNEL);
        assertThat(unknown.getMessage()).contains("no longer exists");
        assertThat(access.code()).isEqualTo(DiscordFailure.MISSING_ACCESS);
        assertThat(access.getMessage()).contains("View Channel");
        assertThat(permission.code()).isEqualTo(DiscordFailure.MISSING_PERMISSIONS);
        assertThat(permission.getMessage()).contains("Send Messages");
        assertThat(gone.code()).isEqualTo(DiscordFailure.UNKNOWN_MESSAGE);
    }

    @Test
    void aWrongTokenIsPermanentNamesTheSettingAndNeverShowsTheToken() {
        DiscordRest wrong = new DiscordRest(URI.create(fake.apiBaseUrl()), Optional.of("wrong.token.value-secret"), DiscordRest.TIMEOUT);
        DiscordFailure f = failure(() -> wrong.post("/channels/" + plans.id() + "/messages", message("x")));
        assertThat(f.status()).isEqualTo(401);
        assertThat(f.isTransient()).isFalse();
        assertThat(f.getMessage()).contains("DISCORD_TOKEN").doesNotContain("value-secret");
    }

    @Test
    void withoutATokenBotCallsFailPermanentlyWithoutAsking() {
        DiscordRest httpOnly = new DiscordRest(URI.create(fake.apiBaseUrl()), Optional.empty(), DiscordRest.TIMEOUT);
        DiscordFailure f = failure(() -> httpOnly.post("/channels/" + plans.id() + "/messages", message("x")));
        assertThat(f.isTransient()).isFalse();
        assertThat(f.getMessage()).contains("DISCORD_TOKEN");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void aRateLimitIsRetryLaterHonouringTheFloatRetryAfterAndIsNotRetriedHere() {
        fake.rateLimitNext(1.25, false);
        DiscordFailure f = failure(() -> rest.post("/channels/" + plans.id() + "/messages", message("x")));
        assertThat(f.status()).isEqualTo(429);
        assertThat(f.result()).isInstanceOfSatisfying(SendResult.RetryLater.class,
                r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofMillis(1250)));
        assertThat(fake.calls()).hasSize(1);
        assertThat(fake.messages(plans.id())).isEmpty();
    }

    @Test
    void aGlobalRateLimitSaysSo() {
        fake.rateLimitNext(0.5, true);
        DiscordFailure f = failure(() -> rest.post("/channels/" + plans.id() + "/messages", message("x")));
        assertThat(f.getMessage()).contains("global");
        assertThat(((SendResult.RetryLater) f.result()).retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aRateLimitWithoutJsonFallsBackToTheRetryAfterHeader() {
        fake.cloudflareBanNext(30);
        DiscordFailure f = failure(() -> rest.post("/channels/" + plans.id() + "/messages", message("x")));
        assertThat(((SendResult.RetryLater) f.result()).retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPerRouteLimitIsReachedAndJudged() throws Exception {
        fake.rateLimit("POST", "/channels/" + plans.id() + "/messages", 2, Duration.ofSeconds(10));
        rest.post("/channels/" + plans.id() + "/messages", message("1"));
        rest.post("/channels/" + plans.id() + "/messages", message("2"));
        DiscordFailure f = failure(() -> rest.post("/channels/" + plans.id() + "/messages", message("3")));
        assertThat(f.isTransient()).isTrue();
        assertThat(((SendResult.RetryLater) f.result()).retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aServerErrorIsRetryLaterAndNotRetriedHere() {
        fake.failNext(502, 0);
        DiscordFailure f = failure(() -> rest.post("/channels/" + plans.id() + "/messages", message("x")));
        assertThat(f.isTransient()).isTrue();
        assertThat(((SendResult.RetryLater) f.result()).retryAfter()).isNull();
        assertThat(fake.calls()).hasSize(1);
    }

    @Test
    void aSlowAnswerIsATimeoutToRetryLater() {
        DiscordRest impatient = new DiscordRest(URI.create(fake.apiBaseUrl()), Optional.of(FakeDiscord.TOKEN), Duration.ofMillis(300));
        fake.delayNext(Duration.ofSeconds(2));
        DiscordFailure f = failure(() -> impatient.post("/channels/" + plans.id() + "/messages", message("x")));
        assertThat(f.isTransient()).isTrue();
        assertThat(f.status()).isZero();
    }

    @Test
    void noAnswerAtAllIsRetryLater() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DiscordRest nowhere = new DiscordRest(URI.create("http://127.0.0.1:" + port + "/api/v10"), Optional.of(FakeDiscord.TOKEN),
                Duration.ofSeconds(2));
        DiscordFailure f = failure(() -> nowhere.post("/channels/1/messages", message("x")));
        assertThat(f.isTransient()).isTrue();
    }

    @Test
    void anInvalidFormBodyIsPermanentAndNamesTheField() {
        DiscordFailure f = failure(() -> rest.post("/channels/" + plans.id() + "/messages", message("x".repeat(2001))));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo(DiscordFailure.INVALID_FORM_BODY);
        assertThat(f.getMessage()).contains("content").contains("2000");
    }

    @Test
    void aFileIsUploadedAsMultipartWithThePayloadJson() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff, '\r', '\n'};
        ObjectNode payload = message("Weekly digest");
        payload.putArray("embeds").addObject().put("title", "Digest").putObject("image").put("url", "attachment://chart.png");
        JsonNode posted = rest.postMultipart("/channels/" + plans.id() + "/messages", payload, "chart.png", png);

        assertThat(posted.path("attachments").get(0).path("filename").asText()).isEqualTo("chart.png");
        FakeDiscord.Upload upload = fake.uploads(posted.path("id").asText()).get(0);
        assertThat(upload.bytes()).isEqualTo(png);
        assertThat(upload.contentType()).isEqualTo("image/png");
        assertThat(fake.messages(plans.id()).get(0).path("embeds").get(0).path("title").asText()).isEqualTo("Digest");
    }

    @Test
    void commandsAreOverwrittenInBulk() throws Exception {
        ArrayNode commands = JSON.createArrayNode();
        ObjectNode plan = commands.addObject().put("name", "plan").put("description", "The improvement plan").put("type", 1);
        plan.putArray("options").addObject().put("name", "status").put("description", "A task's status").put("type", 1)
                .putArray("options").addObject().put("name", "ref").put("description", "The task").put("type", 3)
                .put("required", true).put("autocomplete", true);
        JsonNode answer = rest.put("/applications/" + FakeDiscord.APPLICATION_ID + "/commands", commands);
        assertThat(answer.get(0).path("id").asText()).isNotEmpty();
        assertThat(fake.commands()).hasSize(1);
    }

    @Test
    void anInteractionIsAnsweredAndEditedWithItsTokenNotTheBots() throws Exception {
        ObjectNode interaction = fake.slashCommand(sam, plans, "status", Map.of("ref", "ENF003"));
        String id = interaction.get("id").asText();
        String token = interaction.get("token").asText();

        rest.interactionCallback(id, token, JSON.createObjectNode().put("type", 5));
        rest.editOriginal(FakeDiscord.APPLICATION_ID, token, message("ENF003: on target"));
        rest.followUp(FakeDiscord.APPLICATION_ID, token, message("and one more thing"));

        assertThat(fake.original(id)).get().satisfies(o -> assertThat(o.path("content").asText()).isEqualTo("ENF003: on target"));
        assertThat(fake.followUps(id)).hasSize(1);
        assertThat(fake.calls()).allSatisfy(c -> assertThat(c.headers()).doesNotContainKey("authorization"));
    }

    @Test
    void aLateInteractionResponseIsPermanent() throws Exception {
        ObjectNode interaction = fake.slashCommand(sam, plans, "status", Map.of("ref", "ENF003"));
        rest.interactionCallback(interaction.get("id").asText(), interaction.get("token").asText(), JSON.createObjectNode().put("type", 5));
        DiscordFailure f = failure(() -> rest.interactionCallback(interaction.get("id").asText(), interaction.get("token").asText(),
                JSON.createObjectNode().put("type", 5)));
        assertThat(f.isTransient()).isFalse();
        assertThat(f.code()).isEqualTo(40060);
    }

    @Test
    void anExpiredInteractionTokenIsPermanentAndNotBlamedOnTheBotToken() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        try (FakeDiscord timed = FakeDiscord.start(clock)) {
            DiscordRest client = new DiscordRest(URI.create(timed.apiBaseUrl()), Optional.of(FakeDiscord.TOKEN), DiscordRest.TIMEOUT);
            ObjectNode interaction = timed.slashCommand(timed.user("Sam"), timed.channel("plans"), "status", Map.of("ref", "ENF003"));
            String token = interaction.get("token").asText();
            client.interactionCallback(interaction.get("id").asText(), token, JSON.createObjectNode().put("type", 5));
            clock.advance(Duration.ofMinutes(16));

            DiscordFailure f = failure(() -> client.editOriginal(FakeDiscord.APPLICATION_ID, token, message("late")));

            assertThat(f.status()).isEqualTo(401);
            assertThat(f.code()).isEqualTo(DiscordFailure.INVALID_WEBHOOK_TOKEN);
            assertThat(f.isTransient()).isFalse();
            assertThat(f.getMessage()).contains("15 minutes").doesNotContain("DISCORD_TOKEN").doesNotContain(token);
        }
    }

    @Test
    void idsAndTokensFromARequestCannotRedirectACall() {
        assertThatThrownBy(() -> rest.interactionCallback("1/../../channels/1", "t", JSON.createObjectNode()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rest.editOriginal(FakeDiscord.APPLICATION_ID, "tok/../../x", JSON.createObjectNode()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("tok/");
        assertThatThrownBy(() -> rest.dmChannel("1?x=2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rest.post("/channels/../gateway", message("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rest.post("/channels/./messages", message("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rest.post("/channels/1/messages?x=1", message("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.calls()).isEmpty();
    }
}
