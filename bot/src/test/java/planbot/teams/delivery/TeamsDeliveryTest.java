package planbot.teams.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.config.Settings;
import planbot.delivery.DeliveryConfig;
import planbot.delivery.DispatchReport;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.OutboxDispatcher;
import planbot.scheduler.digest.DigestSource;
import planbot.storage.ChatIdentity;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.JdbiTeamsConversationRepository;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.storage.TeamsConversation;
import planbot.storage.TeamsConversationRepository;
import planbot.teams.TeamsPlatform;
import planbot.teams.TeamsSettings;
import planbot.teams.fake.FakeBotConnector;
import planbot.teams.fake.FakeBotConnector.User;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * Reminders from the sweep to an owner's Teams chat through the real outbox dispatcher and the real Teams platform's
 * messenger, against the fake Bot Connector: one grouped card per moment, the rows sent under
 * {@code <conversationId>|<activityId>}; a person who removed the app is a dead letter with the reason.
 */
class TeamsDeliveryTest {
    static final String OLIVIA = "Olivia Officer";

    @TempDir
    Path dir;
    TestBot bot;
    FakeBotConnector teams;
    User olivia;
    TeamsConversationRepository conversations;
    OutboxRepository outbox;
    TeamsPlatform platform;

    @BeforeEach
    void start() {
        bot = TestBot.start(dir).importPlan(PlanEdits.sample()
                .owner("EN003/01", OLIVIA).owner("EN003/02", OLIVIA).owner("EN005/03", OLIVIA).plan());
        teams = FakeBotConnector.start(bot.clock());
        olivia = teams.user(OLIVIA, "olivia@council.example");
        bot.app().people().link(bot.tenant(), OLIVIA, new ChatIdentity("teams", FakeBotConnector.TENANT_ID,
                olivia.aadObjectId()));
        conversations = new JdbiTeamsConversationRepository(bot.app().database());
        outbox = new JdbiOutboxRepository(bot.app().database());
    }

    @AfterEach
    void stop() {
        assertThat(teams.violations()).isEmpty();
        bot.close();
        teams.close();
    }

    /** Starts the platform (it trusts the service URLs stored so far) and builds the dispatcher as serve does. */
    OutboxDispatcher dispatcher() throws Exception {
        App app = bot.app();
        TeamsSettings settings = TeamsSettings.from(Settings.load(teams.settings(), dir.resolve("no.env"))).orElseThrow();
        platform = new TeamsPlatform(settings, app.platformServices(), app.database());
        app.startPlatforms(List.of(platform), 0);
        return new OutboxDispatcher(app.database(), outbox, app.tenants(), app.audit(),
                new NoticeBuilder(app.tasks(), app.snoozes(), app.policies(), new DigestSource(app.database())),
                app.routing(List.of(platform)), List.of(platform.messenger()), DeliveryConfig.defaults(), bot.clock());
    }

    void save(String conversationId, TeamsConversation.Kind kind, String teamId, String aad, String userId) {
        conversations.save(new TeamsConversation(teams.serviceUrl(), conversationId, kind, FakeBotConnector.TENANT_ID,
                teamId, kind == TeamsConversation.Kind.CHANNEL ? conversationId : "", aad, userId, true, bot.now()));
    }

    @Test
    void givenAnOwnerInAKnownTeamWithNoChatYet_whenHerRemindersAreDispatched_thenOneGroupedCardArrivesInANewChat() throws Exception {
        FakeBotConnector.Channel team = teams.team(olivia);
        save(team.id(), TeamsConversation.Kind.CHANNEL, team.teamId(), "", "");
        OutboxDispatcher dispatcher = dispatcher();
        bot.app().remind(TestBot.TENANT, bot.now(), false);

        DispatchReport report = dispatcher.runOnce();

        String chat = teams.personalConversation(olivia);
        List<ObjectNode> cards = teams.activities(chat);
        assertThat(cards).as("her reminders of one moment are one message").hasSize(1);
        assertThat(cards.get(0).toString()).contains("EN003/01", "EN003/02", "EN005/03");
        List<OutboxMessage> rows = outbox.findAllByPlatformMessageId(chat + "|" + cards.get(0).path("id").asText());
        assertThat(rows).hasSize(report.sent()).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(r -> r.state() == OutboxMessage.State.SENT);
        assertThat(conversations.personal(olivia.aadObjectId()).orElseThrow().conversationId()).isEqualTo(chat);
    }

    @Test
    void givenAnOwnerWhoRemovedTheApp_whenHerRemindersAreDispatched_thenTheyAreDeadWithTheReason() throws Exception {
        save(teams.personalConversation(olivia), TeamsConversation.Kind.PERSONAL, "", olivia.aadObjectId(), olivia.id());
        teams.uninstall(olivia);
        OutboxDispatcher dispatcher = dispatcher();
        bot.app().remind(TestBot.TENANT, bot.now(), false);

        DispatchReport report = dispatcher.runOnce();

        assertThat(report.sent()).isZero();
        assertThat(report.dead()).isGreaterThanOrEqualTo(3);
        assertThat(teams.activities(teams.personalConversation(olivia))).isEmpty();
        long task = bot.taskRow("EN003/01").id();
        OutboxMessage row = outbox.keys(bot.tenant()).stream().map(k -> outbox.find(k).orElseThrow())
                .filter(m -> m.entry().taskId() != null && m.entry().taskId() == task).findFirst().orElseThrow();
        assertThat(row.state()).isEqualTo(OutboxMessage.State.DEAD);
        assertThat(row.lastError()).contains("not installed");
    }
}
