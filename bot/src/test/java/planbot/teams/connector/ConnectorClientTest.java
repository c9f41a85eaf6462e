package planbot.teams.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import planbot.config.Settings;
import planbot.delivery.SendResult;
import planbot.teams.TeamsSettings;
import planbot.teams.auth.AppTokens;
import planbot.teams.fake.FakeBotConnector;
import planbot.teams.fake.FakeBotConnector.User;
import planbot.testing.LogCapture;
import planbot.testing.MutableClock;

/** The Connector client against the fake Bot Connector, over real HTTP with real tokens. */
class ConnectorClientTest {
    static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final FakeBotConnector fake = FakeBotConnector.start(clock);
    final TeamsSettings settings = TeamsSettings.from(Settings.load(fake.settings(), Path.of("no-such.env"))).orElseThrow();
    final HttpClient http = HttpClient.newHttpClient();
    final AppTokens tokens = new AppTokens(settings, http, clock);
    final ServiceUrls trusted = new ServiceUrls();
    final ConnectorClient client = new ConnectorClient(settings, trusted, tokens, http, clock);
    final User olivia = fake.user("Olivia Reed", "olivia.reed@council.example.gov.uk");

    ConnectorClientTest() {
        trusted.trust(fake.serviceUrl());
    }

    @AfterEach
    void close() {
        fake.close();
    }

    static ObjectNode card(String text) {
        ObjectNode a = JSON.createObjectNode().put("type", "message").put("text", text);
        ObjectNode card = a.putArray("attachments").addObject().put("contentType", FakeBotConnector.ADAPTIVE_CARD)
                .putObject("content").put("type", "AdaptiveCard").put("version", "1.5");
        card.putArray("body").addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
        card.putArray("actions").addObject().put("type", "Action.Submit").put("title", "Done").putObject("data").put("b", "x");
        return a;
    }

    ConversationRef personal() {
        return new ConversationRef(fake.serviceUrl(), fake.personalConversation(olivia));
    }

    @Test
    void sendPostsTheActivityWithTheBearerTokenAndReturnsItsId() throws Exception {
        // WHEN a card is sent to Olivia's 1:1 chat
        String id = client.send(personal(), card("EN003/01 is due today"));

        // THEN the Connector holds it under the id it answered, and was called with a token it issued
        List<ObjectNode> standing = fake.activities(personal().conversationId());
        assertThat(standing).hasSize(1);
        assertThat(standing.get(0).get("id").asText()).isEqualTo(id);
        assertThat(standing.get(0).get("text").asText()).isEqualTo("EN003/01 is due today");
        assertThat(fake.connectorCalls().get(0).headers().get("authorization")).startsWith("Bearer fake.");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void updateReplacesTheActivityInPlace() throws Exception {
        // GIVEN a card that was sent
        String id = client.send(personal(), card("EN003/01 is due today"));

        // WHEN it is updated with the outcome
        client.update(personal(), id, card("Marked done by Olivia"));

        // THEN the conversation still holds one activity, now the outcome, under the same id
        List<ObjectNode> standing = fake.activities(personal().conversationId());
        assertThat(standing).hasSize(1);
        assertThat(standing.get(0).get("id").asText()).isEqualTo(id);
        assertThat(standing.get(0).get("text").asText()).isEqualTo("Marked done by Olivia");
        assertThat(fake.calls("PUT", "/activities/" + id)).hasSize(1);
    }

    @Test
    void theServiceUrlIsJoinedAsGivenWithOrWithoutItsTrailingSlash() throws Exception {
        // GIVEN the same region serviceUrl, once without its trailing slash (Teams sends both)
        String noSlash = fake.serviceUrl().substring(0, fake.serviceUrl().length() - 1);

        // WHEN a message is sent through each form
        client.send(new ConversationRef(noSlash, personal().conversationId()), card("one"));
        client.send(personal(), card("two"));

        // THEN both reach the Connector under the region path, with no doubled slash
        assertThat(fake.connectorCalls()).extracting(FakeBotConnector.Call::path).allSatisfy(p ->
                assertThat(p).startsWith("/amer/" + FakeBotConnector.TENANT_ID + "/v3/conversations/a:"));
        assertThat(fake.activities(personal().conversationId())).hasSize(2);
    }

    @Test
    void conversationIdsWithColonsSemicolonsAndAtSignsAreEncodedIntoThePath() throws Exception {
        // GIVEN a channel thread, whose conversation id is '19:…@thread.tacv2;messageid=…'
        FakeBotConnector.Channel general = fake.team(olivia);
        ConversationRef thread = new ConversationRef(fake.serviceUrl(), general.id() + ";messageid=1700000000001");

        // WHEN a reply is posted into the thread
        client.send(thread, card("reply"));

        // THEN the Connector saw the whole id, encoded, and holds the reply in that thread
        assertThat(fake.connectorCalls().get(0).path()).contains(general.id() + ";messageid=1700000000001/activities");
        assertThat(fake.activities(thread.conversationId())).hasSize(1);
    }

    @Test
    void createPersonalAnswersTheOneToOneConversationOfTheUser() throws Exception {
        // WHEN planbot opens a 1:1 chat with Olivia for a proactive reminder
        ConversationRef chat = client.createPersonal(fake.serviceUrl(), FakeBotConnector.TENANT_ID, olivia.id());

        // THEN it is her personal conversation, at the same serviceUrl, created naming the bot, tenant and member
        assertThat(chat).isEqualTo(personal());
        var body = fake.calls("POST", "/v3/conversations").get(0).json();
        assertThat(body.at("/bot/id").asText()).isEqualTo(FakeBotConnector.BOT_ID);
        assertThat(body.at("/members/0/id").asText()).isEqualTo(olivia.id());
        assertThat(body.at("/channelData/tenant/id").asText()).isEqualTo(FakeBotConnector.TENANT_ID);
        assertThat(body.get("isGroup").asBoolean()).isFalse();
    }

    @Test
    void aUserWithoutTheAppIsAPermanentFailureAnAdminCanActOn() {
        // GIVEN Olivia removed the app
        fake.uninstall(olivia);

        // WHEN planbot tries to open a chat with her
        // THEN it is permanent, and says what to do
        assertThatThrownBy(() -> client.createPersonal(fake.serviceUrl(), FakeBotConnector.TENANT_ID, olivia.id()))
                .isInstanceOfSatisfying(TeamsFailure.class, f -> {
                    assertThat(f.status()).isEqualTo(403);
                    assertThat(f.code()).isEqualTo("BotNotInConversationRoster");
                    assertThat(f.result()).isInstanceOf(SendResult.Permanent.class);
                    assertThat(f.getMessage()).contains("the planbot app is not installed for this person");
                });
    }

    @Test
    void aBlockedBotIsPermanent() {
        // GIVEN Olivia blocked the bot
        fake.block(olivia);

        // WHEN a message is sent to her chat, THEN it is permanent, naming the block
        assertThatThrownBy(() -> client.send(personal(), card("hello")))
                .isInstanceOfSatisfying(TeamsFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("ConversationBlockedByUser");
                    assertThat(f.result()).isInstanceOf(SendResult.Permanent.class);
                    assertThat(f.getMessage()).contains("blocked the planbot app");
                });
    }

    @Test
    void aGoneConversationIsPermanent() {
        // GIVEN the conversation was deleted
        fake.gone(personal().conversationId());

        // WHEN a message is sent there, THEN it is permanent (404), saying the conversation no longer exists
        assertThatThrownBy(() -> client.send(personal(), card("hello")))
                .isInstanceOfSatisfying(TeamsFailure.class, f -> {
                    assertThat(f.status()).isEqualTo(404);
                    assertThat(f.result()).isInstanceOf(SendResult.Permanent.class);
                    assertThat(f.getMessage()).contains("no longer exists");
                });
    }

    @Test
    void tooManyMessagesToOneConversationAreRetriedAfterWhatTeamsSays() throws Exception {
        // GIVEN a conversation that takes two messages a minute
        fake.rateLimit(2, Duration.ofMinutes(1));
        client.send(personal(), card("one"));
        client.send(personal(), card("two"));

        // WHEN a third is sent at once
        // THEN it is to be retried after Teams' Retry-After (the rest of the minute)
        assertThatThrownBy(() -> client.send(personal(), card("three")))
                .isInstanceOfSatisfying(TeamsFailure.class, f -> {
                    assertThat(f.status()).isEqualTo(429);
                    assertThat(f.result()).isEqualTo(new SendResult.RetryLater(Duration.ofSeconds(60),
                            "Teams is rate limiting the bot (HTTP 429, TooManyRequests)"));
                });
        assertThat(fake.activities(personal().conversationId())).hasSize(2);
    }

    @Test
    void retryAfterGivenAsAnHttpDateIsReadAgainstTheClock() {
        // GIVEN Teams answers 429 with Retry-After as an HTTP date 90 s from now
        fake.rateLimitNext(DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(90).atOffset(ZoneOffset.UTC)));

        // WHEN a message is sent, THEN it is retried after 90 s
        assertThatThrownBy(() -> client.send(personal(), card("hello")))
                .isInstanceOfSatisfying(TeamsFailure.class, f ->
                        assertThat(((SendResult.RetryLater) f.result()).retryAfter()).isEqualTo(Duration.ofSeconds(90)));
    }

    @Test
    void serverErrorsAndTimeoutsAreTransient() {
        // GIVEN Teams answers 503 once
        fake.failNext(503, "ServiceUnavailable");

        // WHEN a message is sent, THEN it is to be retried (the dispatcher's backoff decides when)
        assertThatThrownBy(() -> client.send(personal(), card("hello")))
                .isInstanceOfSatisfying(TeamsFailure.class, f -> {
                    assertThat(f.result()).isInstanceOf(SendResult.RetryLater.class);
                    assertThat(((SendResult.RetryLater) f.result()).retryAfter()).isNull();
                });
    }

    @Test
    void aCallTeamsDoesNotAnswerInTimeIsTransient() throws Exception {
        // GIVEN a client that waits 300 ms, and a Connector that answers after a second
        ConnectorClient impatient = new ConnectorClient(settings, trusted, tokens, http, clock, Duration.ofMillis(300));
        tokens.token();
        fake.delayNext(Duration.ofSeconds(1));

        // WHEN a message is sent, THEN it is to be retried
        assertThatThrownBy(() -> impatient.send(personal(), card("hello")))
                .isInstanceOfSatisfying(TeamsFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("timeout");
                    assertThat(f.result()).isInstanceOf(SendResult.RetryLater.class);
                });
    }

    @Test
    void aTooLargeMessageIsPermanent() {
        // GIVEN a card over Teams' 28 KB
        ObjectNode big = card("x".repeat(30 * 1024));

        // WHEN it is sent, THEN Teams refuses it for good and nothing stands in the chat
        assertThatThrownBy(() -> client.send(personal(), big))
                .isInstanceOfSatisfying(TeamsFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("MessageSizeTooBig");
                    assertThat(f.result()).isInstanceOf(SendResult.Permanent.class);
                    assertThat(f.getMessage()).contains("too large for Teams");
                });
        assertThat(fake.activities(personal().conversationId())).isEmpty();
    }

    @Test
    void aRevokedTokenIsReplacedOnceAndTheCallGoesThrough() throws Exception {
        // GIVEN a token that worked, then was revoked by Teams
        client.send(personal(), card("one"));
        fake.revokeTokens();

        // WHEN another message is sent
        client.send(personal(), card("two"));

        // THEN planbot fetched a fresh token once and the message went out
        assertThat(fake.tokensIssued()).isEqualTo(2);
        assertThat(fake.activities(personal().conversationId())).hasSize(2);
        assertThat(fake.connectorCalls()).extracting(FakeBotConnector.Call::status).containsExactly(201, 401, 201);
    }

    @Test
    void aSecond401IsPermanentAndNamesTheSettings() {
        // GIVEN Teams refuses every token (the first and the fresh one)
        fake.failNext(401, "Unauthorized").failNext(401, "Unauthorized");

        // WHEN a message is sent, THEN it fails for good after one refresh, naming the settings to check
        assertThatThrownBy(() -> client.send(personal(), card("hello")))
                .isInstanceOfSatisfying(TeamsFailure.class, f -> {
                    assertThat(f.status()).isEqualTo(401);
                    assertThat(f.result()).isInstanceOf(SendResult.Permanent.class);
                    assertThat(f.getMessage()).contains("TEAMS_APP_ID").contains("TEAMS_APP_PASSWORD");
                });
        assertThat(fake.tokensIssued()).isEqualTo(2);
        assertThat(fake.connectorCalls()).hasSize(2);
    }

    @Test
    void anUntrustedServiceUrlIsNeverCalled() {
        // GIVEN a serviceUrl no verified activity ever carried (the fake's root, not its region path)
        String stranger = fake.url() + "/";

        // WHEN planbot is asked to send there
        // THEN it refuses before any request: no token fetched, no Connector call
        assertThatThrownBy(() -> client.send(new ConversationRef(stranger, personal().conversationId()), card("hello")))
                .isInstanceOfSatisfying(TeamsFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("untrusted_service_url");
                    assertThat(f.result()).isInstanceOf(SendResult.Permanent.class);
                });
        assertThatThrownBy(() -> client.createPersonal(stranger, FakeBotConnector.TENANT_ID, olivia.id()))
                .isInstanceOf(TeamsFailure.class);
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void aServiceUrlWithoutAPathWorksOnceTrusted() throws Exception {
        // GIVEN a serviceUrl with no region path that a verified activity carried
        String root = fake.url();
        trusted.trust(root);

        // WHEN a message is sent there, THEN it arrives
        client.send(new ConversationRef(root, personal().conversationId()), card("hello"));
        assertThat(fake.connectorCalls().get(0).path()).startsWith("/v3/conversations/a:");
    }

    @Test
    void memberIsFoundByUserIdObjectIdOrEmailAndIsEmptyWhenNotThere() throws Exception {
        // GIVEN a team with Olivia in it
        User sam = fake.user("Sam Jones", "sam.jones@council.example.gov.uk");
        FakeBotConnector.Channel team = fake.team(olivia);
        ConversationRef in = new ConversationRef(fake.serviceUrl(), team.id());

        // WHEN she is looked up three ways
        // THEN each finds her, with her Entra object id, email and UPN; Sam, not in the team, is not found
        for (String key : List.of(olivia.id(), olivia.aadObjectId(), olivia.email())) {
            TeamsMember m = client.member(in, key).orElseThrow();
            assertThat(m).isEqualTo(new TeamsMember(olivia.id(), olivia.aadObjectId(), "Olivia Reed", olivia.email(),
                    olivia.userPrincipalName()));
        }
        assertThat(client.member(in, sam.email())).isEmpty();
    }

    @Test
    void membersReadsEveryPage() throws Exception {
        // GIVEN a team of 1,203 people (three pages of 500)
        List<User> people = new ArrayList<>();
        for (int i = 0; i < 1203; i++) {
            people.add(fake.user("Person " + i, "person" + i + "@council.example.gov.uk"));
        }
        FakeBotConnector.Channel team = fake.team(people.toArray(new User[0]));

        // WHEN all members are read
        List<TeamsMember> members = client.members(new ConversationRef(fake.serviceUrl(), team.id()));

        // THEN every one comes back, in order, over three calls
        assertThat(members).hasSize(1203);
        assertThat(members.get(1202).aadObjectId()).isEqualTo(people.get(1202).aadObjectId());
        assertThat(fake.calls("GET", "/pagedmembers")).hasSize(3);
    }

    @Test
    void neitherTheSecretNorATokenIsEverLoggedOrInAReason() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            // GIVEN a token in use, then calls that fail every way
            client.send(personal(), card("hello"));
            String token = fake.connectorCalls().get(0).headers().get("authorization").substring(7);
            List<String> reasons = new ArrayList<>();
            fake.failNext(401, "Unauthorized").failNext(401, "Unauthorized");
            fake.failNext(500, "ServiceError");
            for (int i = 0; i < 2; i++) {
                try {
                    client.send(personal(), card("again"));
                } catch (TeamsFailure f) {
                    reasons.add(f.getMessage());
                }
            }
            TeamsSettings wrong = TeamsSettings.from(Settings.load(
                    java.util.Map.of("TEAMS_APP_ID", FakeBotConnector.APP_ID, "TEAMS_APP_PASSWORD", "wrong-secret-value",
                            "TEAMS_TENANT_ID", FakeBotConnector.TENANT_ID, "TEAMS_TOKEN_URL", fake.tokenUrl()),
                    Path.of("no-such.env"))).orElseThrow();
            try {
                new AppTokens(wrong, http, clock).token();
            } catch (TeamsFailure f) {
                reasons.add(f.getMessage());
            }

            // THEN no log line and no reason holds a token or a secret
            assertThat(reasons).hasSize(3);
            for (String s : concat(logs.lines(), reasons)) {
                assertThat(s).doesNotContain(token).doesNotContain(FakeBotConnector.APP_PASSWORD)
                        .doesNotContain("wrong-secret-value");
            }
        }
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
