package planbot.teams.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.config.Settings;
import planbot.delivery.AdminNotice;
import planbot.delivery.Recipient;
import planbot.delivery.SendResult;
import planbot.storage.JdbiTeamsConversationRepository;
import planbot.storage.TeamsConversation;
import planbot.storage.TeamsConversationRepository;
import planbot.teams.TeamsSettings;
import planbot.teams.auth.AppTokens;
import planbot.teams.connector.ConnectorClient;
import planbot.teams.connector.ServiceUrls;
import planbot.teams.fake.FakeBotConnector;
import planbot.teams.fake.FakeBotConnector.Channel;
import planbot.teams.fake.FakeBotConnector.User;
import planbot.teams.render.NoticeCards;
import planbot.testing.TestBot;

/**
 * The outbox's messenger for Teams against the fake Bot Connector (real HTTP, real tokens), over the real
 * conversation store in SQLite: where a notice goes, and how each of the Connector's answers is judged.
 */
class TeamsMessengerTest {
    @TempDir
    Path dir;
    FakeBotConnector teams;
    TestBot bot;
    TeamsConversationRepository conversations;
    TeamsMessenger messenger;
    User sam;
    final Clock clock = Clock.systemUTC();

    @BeforeEach
    void start() {
        teams = FakeBotConnector.start();
        bot = TestBot.start(dir);
        TeamsSettings settings = TeamsSettings.from(Settings.load(teams.settings(), dir.resolve("no.env"))).orElseThrow();
        ServiceUrls trusted = new ServiceUrls();
        trusted.trust(teams.serviceUrl());
        HttpClient http = HttpClient.newHttpClient();
        ConnectorClient connector = new ConnectorClient(settings, trusted, new AppTokens(settings, http, clock), http, clock);
        conversations = new JdbiTeamsConversationRepository(bot.app().database());
        messenger = new TeamsMessenger(connector, conversations, new NoticeCards(), clock);
        sam = teams.user("Sam Jones", "sam.jones@council.gov.uk");
    }

    @AfterEach
    void stop() {
        assertThat(teams.violations()).isEmpty();
        teams.close();
        bot.close();
    }

    static AdminNotice notice(long id) {
        return new AdminNotice(id, "dead:" + id, "rem:test:1:DUE:2023-05-15", "the DUE reminder about EN003/01 for HoP",
                "the person left", 3);
    }

    static Recipient to(String address) {
        return new Recipient(TeamsMessenger.PLATFORM, address, "Sam Jones");
    }

    String knownPersonalChat(User u) {
        String id = teams.personalConversation(u);
        conversations.save(new TeamsConversation(teams.serviceUrl(), id, TeamsConversation.Kind.PERSONAL,
                FakeBotConnector.TENANT_ID, "", "", u.aadObjectId(), u.id(), true, clock.instant()));
        return id;
    }

    Channel knownTeam(User... members) {
        Channel team = teams.team(members);
        conversations.save(new TeamsConversation(teams.serviceUrl(), team.id(), TeamsConversation.Kind.CHANNEL,
                FakeBotConnector.TENANT_ID, team.teamId(), team.id(), "", "", true, clock.instant()));
        return team;
    }

    @Test
    void givenAPersonWithAKnownPersonalChat_whenSending_thenTheCardIsPostedThereAndItsIdIsConversationBarActivity() {
        String chat = knownPersonalChat(sam);

        SendResult result = messenger.send(notice(1), to(sam.aadObjectId()));

        List<ObjectNode> posted = teams.activities(chat);
        assertThat(posted).hasSize(1);
        assertThat(result).isEqualTo(new SendResult.Sent(chat + "|" + posted.get(0).path("id").asText()));
        assertThat(posted.get(0).path("attachments").get(0).path("contentType").asText()).isEqualTo(FakeBotConnector.ADAPTIVE_CARD);
        assertThat(teams.calls("POST", "/v3/conversations").stream().filter(c -> c.path().endsWith("/v3/conversations")))
                .as("no chat is created when one is known").isEmpty();
    }

    @Test
    void givenAPersonInAKnownTeamButNoChatYet_whenSending_thenAChatIsCreatedWithTheir29IdAndStoredForNextTime() {
        knownTeam(sam);

        SendResult first = messenger.send(notice(1), to(sam.aadObjectId()));
        SendResult second = messenger.send(notice(2), to(sam.aadObjectId()));

        String chat = teams.personalConversation(sam);
        assertThat(first).isInstanceOf(SendResult.Sent.class);
        assertThat(((SendResult.Sent) second).platformMessageId()).startsWith(chat + "|");
        assertThat(teams.activities(chat)).hasSize(2);
        List<FakeBotConnector.Call> created = teams.calls("POST", "/v3/conversations").stream()
                .filter(c -> c.path().endsWith("/v3/conversations")).toList();
        assertThat(created).hasSize(1);
        JsonNode body = created.get(0).json();
        assertThat(body.path("members").get(0).path("id").asText()).isEqualTo(sam.id());
        assertThat(body.path("tenantId").asText()).isEqualTo(FakeBotConnector.TENANT_ID);
        TeamsConversation stored = conversations.personal(sam.aadObjectId()).orElseThrow();
        assertThat(stored.conversationId()).isEqualTo(chat);
        assertThat(stored.userId()).isEqualTo(sam.id());
        assertThat(stored.serviceUrl()).isEqualTo(teams.serviceUrl());
    }

    @Test
    void givenAKnownChannel_whenSending_thenTheCardIsPostedInTheChannel() {
        Channel team = knownTeam(sam);

        SendResult result = messenger.send(notice(1), to(team.id()));

        assertThat(teams.activities(team.id())).hasSize(1);
        assertThat(((SendResult.Sent) result).platformMessageId()).startsWith(team.id() + "|");
    }

    @Test
    void givenNothingKnown_whenSending_thenItIsPermanentSayingWhatToDoAndTeamsIsNotCalled() {
        SendResult channel = messenger.send(notice(1), to("19:unknown@thread.tacv2"));
        SendResult person = messenger.send(notice(2), to(sam.aadObjectId()));

        assertThat(channel).isEqualTo(new SendResult.Permanent(TeamsMessenger.NOT_SEEN_CHANNEL));
        assertThat(((SendResult.Permanent) channel).reason()).contains("add the planbot app to its team");
        assertThat(person).isEqualTo(new SendResult.Permanent(TeamsMessenger.NOT_SEEN_PERSON));
        assertThat(teams.connectorCalls()).isEmpty();
    }

    @Test
    void givenTeamsRateLimits_whenSending_thenItIsRetryLaterWithTeamsRetryAfter() {
        knownPersonalChat(sam);
        teams.rateLimitNext("7");

        SendResult result = messenger.send(notice(1), to(sam.aadObjectId()));

        assertThat(result).isInstanceOf(SendResult.RetryLater.class);
        assertThat(((SendResult.RetryLater) result).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void givenAPersonWhoUninstalledTheApp_whenSending_thenItIsPermanent() {
        knownPersonalChat(sam);
        teams.uninstall(sam);

        SendResult result = messenger.send(notice(1), to(sam.aadObjectId()));

        assertThat(result).isInstanceOf(SendResult.Permanent.class);
        assertThat(((SendResult.Permanent) result).reason()).contains("not installed").doesNotContain("Bearer");
    }

    @Test
    void givenAPersonNotInstalledForAndNoChat_whenCreatingOne_thenItIsPermanent() {
        knownTeam(sam);
        teams.uninstall(sam);

        SendResult result = messenger.send(notice(1), to(sam.aadObjectId()));

        assertThat(result).isInstanceOf(SendResult.Permanent.class);
        assertThat(conversations.personal(sam.aadObjectId())).isEmpty();
    }

    @Test
    void givenAConversationThatIsGone_whenSending_thenItIsPermanent() {
        String chat = knownPersonalChat(sam);
        teams.gone(chat);

        SendResult result = messenger.send(notice(1), to(sam.aadObjectId()));

        assertThat(result).isInstanceOf(SendResult.Permanent.class);
        assertThat(((SendResult.Permanent) result).reason()).contains("no longer exists");
    }

    @Test
    void givenAConversationTheAppWasRemovedFrom_whenSending_thenItIsPermanentWithoutCallingTeams() {
        String chat = knownPersonalChat(sam);
        conversations.setInstalled(chat, false, clock.instant());

        assertThat(messenger.send(notice(1), to(sam.aadObjectId()))).isEqualTo(new SendResult.Permanent(TeamsMessenger.REMOVED));
        assertThat(teams.connectorCalls()).isEmpty();
    }

    @Test
    void givenTheTokenIsRefusedOnce_whenSending_thenANewTokenIsFetchedAndTheCardIsSent() {
        String chat = knownPersonalChat(sam);
        assertThat(messenger.send(notice(1), to(sam.aadObjectId()))).isInstanceOf(SendResult.Sent.class);
        teams.revokeTokens();

        SendResult result = messenger.send(notice(2), to(sam.aadObjectId()));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(teams.activities(chat)).hasSize(2);
        assertThat(teams.tokensIssued()).isEqualTo(2);
    }

    @Test
    void itPacesWithinTeamsHourlyLimitPerConversation() {
        // Teams: 1800 messages an hour per conversation, i.e. one every 2 s sustained
        assertThat(Duration.ofHours(1).dividedBy(messenger.pace())).isLessThanOrEqualTo(1800);
    }
}
