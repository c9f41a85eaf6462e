package planbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import planbot.domain.Role;
import planbot.storage.TeamsConversation;
import planbot.teams.fake.FakeBotConnector;
import planbot.teams.fake.FakeBotConnector.Token;
import planbot.testing.LogCapture;

/**
 * The Teams bot end to end: activities signed by the fake Bot Connector, POSTed to {@code /api/messages} over real
 * HTTP, handled by the real App on a SQLite file, answered through the fake's Connector API (which checks the token,
 * the card schema and size).
 */
class TeamsBotTest {
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
    void givenAPersonalChat_whenOliviaTypesStatus_thenACardAnswerIsPostedThereAndTheChatIsRemembered() throws Exception {
        // GIVEN Olivia's personal chat with the bot
        FakeBotConnector.Where chat = f.oliviasChat();
        // WHEN she types `status ENF003`
        FakeBotConnector.Delivery d = f.deliver(f.teams.message(f.olivia, chat, "status ENF003"));
        // THEN the request is answered 200 with no body, and a card about EN003 is posted in her chat
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.body()).isEmpty();
        ObjectNode answer = f.awaitNew(chat.conversationId(), 0);
        assertThat(answer.path("attachments").get(0).path("contentType").asText()).isEqualTo(FakeBotConnector.ADAPTIVE_CARD);
        assertThat(answer.toString()).contains("EN003/01");
        assertThat(f.teams.violations()).isEmpty();
        // AND her chat is stored for proactive messages: service URL as given, her Entra object id and 29: id
        TeamsConversation stored = f.conversations.find(chat.conversationId()).orElseThrow();
        assertThat(stored.serviceUrl()).isEqualTo(f.teams.serviceUrl());
        assertThat(stored.kind()).isEqualTo(TeamsConversation.Kind.PERSONAL);
        assertThat(stored.userAadObjectId()).isEqualTo(f.olivia.aadObjectId());
        assertThat(stored.userId()).isEqualTo(f.olivia.id());
        assertThat(f.conversations.personal(FakeBotConnector.TENANT_ID, f.olivia.aadObjectId())).contains(stored);
    }

    @Test
    void givenAChannelThread_whenTheBotIsMentionedGluedToTheCommand_thenItAnswersInThatThread() throws Exception {
        // GIVEN a team with Olivia and a thread in one of its channels
        FakeBotConnector.Channel team = f.teams.team(f.olivia);
        FakeBotConnector.Where thread = f.teams.inThread(team, "1700000000000");
        // WHEN she types `<at>planbot dev</at>status ENF003` (no space) there
        f.deliver(f.teams.mention(f.olivia, thread, "status ENF003", true));
        // THEN the answer is posted in that thread, and the channel (without the thread) is remembered
        ObjectNode answer = f.awaitNew(thread.conversationId(), 0);
        assertThat(answer.toString()).contains("EN003/01");
        TeamsConversation channel = f.conversations.channel(team.id()).orElseThrow();
        assertThat(channel.conversationId()).isEqualTo(team.id());
        assertThat(channel.kind()).isEqualTo(TeamsConversation.Kind.CHANNEL);
    }

    @Test
    void givenAGroupChat_whenTheBotIsMentioned_thenItAnswersInTheGroupChat() throws Exception {
        FakeBotConnector.Where group = f.teams.inGroupChat(f.teams.groupChat(f.olivia, f.guest));
        f.deliver(f.teams.mention(f.olivia, group, "status EN003/01", false));
        assertThat(f.awaitNew(group.conversationId(), 0).toString()).contains("EN003/01");
    }

    @Test
    void givenAPersonalChat_whenACommandStartsWithPlanOutOfHabit_thenThePrefixIsTolerated() throws Exception {
        FakeBotConnector.Where chat = f.oliviasChat();
        f.deliver(f.teams.message(f.olivia, chat, "/plan status EN003/01"));
        f.deliver(f.teams.message(f.olivia, chat, "plan status EN003/02"));
        f.teams.awaitActivities(chat.conversationId(), 2, TeamsFixture.WAIT);
        assertThat(f.posted(chat.conversationId())).anySatisfy(a -> assertThat(a).contains("EN003/01"))
                .anySatisfy(a -> assertThat(a).contains("EN003/02"));
    }

    @Test
    void givenAChannel_whenSomeoneTalksWithoutMentioningTheBot_thenNothingIsAnswered() throws Exception {
        // GIVEN a channel; WHEN a message there does not mention the bot
        FakeBotConnector.Channel team = f.teams.team(f.olivia);
        FakeBotConnector.Where channel = f.teams.inChannel(team);
        f.deliver(f.teams.message(f.olivia, channel, "status ENF003 is what I'd check"));
        // AND then one that does
        f.deliver(f.teams.mention(f.olivia, channel, "help", false));
        // THEN only the second is answered
        f.awaitNew(channel.conversationId(), 0);
        Thread.sleep(300);
        assertThat(f.teams.activities(channel.conversationId())).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = Token.class, names = {"FORGED_SIGNATURE", "UNKNOWN_KEY", "EXPIRED", "WRONG_AUDIENCE",
            "WRONG_ISSUER", "SERVICE_URL_MISMATCH", "NO_HEADER", "UNSIGNED"})
    void givenAForgedToken_whenAnUpdateIsDelivered_then401AndNoEffect(Token forgery) throws Exception {
        // GIVEN an update Olivia could make, signed wrongly
        Map<String, ?> before = f.bot.dump();
        ObjectNode update = f.teams.message(f.olivia, f.oliviasChat(), "update EN003/01 at risk waiting on legal");
        String authorization = f.teams.authorization(update, forgery);
        // WHEN it is delivered
        FakeBotConnector.Delivery d;
        try (LogCapture log = LogCapture.start()) {
            d = f.deliver(update, forgery);
            // THEN the log says why in a few words, never the token
            if (authorization != null) {
                String token = authorization.substring(authorization.indexOf(' ') + 1);
                assertThat(String.join("\n", log.lines())).contains("rejected").doesNotContain(token.substring(0, Math.min(20, token.length())));
            }
        }
        // AND 401, nothing posted, nothing stored or audited
        assertThat(d.status()).isEqualTo(401);
        Thread.sleep(200);
        assertThat(f.teams.connectorCalls()).isEmpty();
        assertThat(f.bot.dump()).isEqualTo(before);
    }

    @Test
    void givenAnEntraSignedToken_whenDelivered_thenItIsAcceptedAsASingleTenantBotMust() throws Exception {
        FakeBotConnector.Where chat = f.oliviasChat();
        assertThat(f.deliver(f.teams.message(f.olivia, chat, "help"), Token.ENTRA).status()).isEqualTo(200);
        f.awaitNew(chat.conversationId(), 0);
    }

    @Test
    void givenAnUpdate_whenTheSameActivityIsDeliveredTwice_thenItHasOneEffect() throws Exception {
        // GIVEN an update by Olivia
        FakeBotConnector.Where chat = f.oliviasChat();
        ObjectNode update = f.teams.message(f.olivia, chat, "update EN003/01 at risk waiting on legal");
        int audited = f.bot.audit("EN003/01").size();
        // WHEN Teams delivers it twice
        f.deliver(update);
        f.awaitNew(chat.conversationId(), 0);
        f.deliver(update);
        Thread.sleep(500);
        // THEN one answer, one change in the audit trail
        assertThat(f.teams.activities(chat.conversationId())).hasSize(1);
        assertThat(f.bot.task("EN003/01").status().word()).isEqualTo("At risk");
        assertThat(f.bot.audit("EN003/01")).hasSize(audited + 1);
    }

    @Test
    void givenTheDatabaseStalled_whenACommandIsDelivered_thenTheHttpAnswerIsImmediateAndTheReplyFollows() throws Exception {
        // GIVEN another connection holding the SQLite file's write lock for 3 s (less than the 5 s busy timeout)
        FakeBotConnector.Where chat = f.oliviasChat();
        f.deliver(f.teams.message(f.olivia, chat, "help")); // the chat and tenant are known
        f.awaitNew(chat.conversationId(), 0);
        try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("testbot.db"));
             Statement s = lock.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("UPDATE tenant SET name = name");
            // WHEN Olivia sends an update
            long sent = System.nanoTime();
            FakeBotConnector.Delivery d = f.deliver(f.teams.message(f.olivia, chat, "update EN003/01 at risk"));
            long answeredMs = (System.nanoTime() - sent) / 1_000_000;
            // THEN the HTTP answer does not wait for the database
            assertThat(d.status()).isEqualTo(200);
            assertThat(answeredMs).isLessThan(1000);
            Thread.sleep(3000);
            s.execute("ROLLBACK");
        }
        // AND the reply is posted once the database is free, the change made
        ObjectNode reply = f.awaitNew(chat.conversationId(), 1);
        assertThat(reply.toString()).contains("At risk");
        assertThat(f.bot.task("EN003/01").status().word()).isEqualTo("At risk");
    }

    @Test
    void givenAnUnknownInvoke_whenDelivered_thenItIsAnswered200WithAnEmptyBody() throws Exception {
        ObjectNode invoke = f.teams.message(f.olivia, f.oliviasChat(), "x");
        invoke.put("type", "invoke").remove("text");
        invoke.put("name", "composeExtension/query");
        FakeBotConnector.Delivery d = f.deliver(invoke);
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.body()).isEmpty();
        ObjectNode nameless = f.teams.message(f.olivia, f.oliviasChat(), "x");
        nameless.put("type", "invoke").remove("text");
        assertThat(f.deliver(nameless).status()).isEqualTo(200);
    }

    @Test
    void givenABodyThatIsNotAnActivity_whenDeliveredWithAValidToken_then400AndNoEffect() throws Exception {
        ObjectNode noConversation = f.teams.message(f.olivia, f.oliviasChat(), "status ENF003");
        noConversation.remove("conversation");
        assertThat(f.deliver(noConversation).status()).isEqualTo(400);
        assertThat(f.teams.connectorCalls()).isEmpty();
    }

    @Test
    void givenTheBotInstalledInAPersonalChat_whenTheUpdateArrives_thenTheChatIsStoredAsInstalledAndWelcomed() throws Exception {
        // GIVEN an admin, Ada, who installs the bot in her personal chat
        f.bot.person("Ada Admin", Role.ADMIN);
        FakeBotConnector.User ada = f.teams.user("Ada Admin", "ada@council.example");
        f.bot.app().people().link(f.bot.tenant(), "Ada Admin",
                new planbot.storage.ChatIdentity("teams", FakeBotConnector.TENANT_ID, ada.aadObjectId()));
        FakeBotConnector.Where chat = f.teams.inPersonal(ada);
        // WHEN the installation update arrives (in Teams' own case)
        f.deliver(f.teams.installationUpdate(ada, chat, "Add"));
        // THEN the chat is stored as installed and she gets the welcome
        ObjectNode welcome = f.awaitNew(chat.conversationId(), 0);
        assertThat(welcome.toString()).contains("Welcome to planbot");
        assertThat(f.conversations.find(chat.conversationId()).orElseThrow().installed()).isTrue();
        // AND removing the app marks it not installed, saying nothing
        f.deliver(f.teams.installationUpdate(ada, chat, "remove"));
        Thread.sleep(300);
        assertThat(f.conversations.find(chat.conversationId()).orElseThrow().installed()).isFalse();
        assertThat(f.teams.activities(chat.conversationId())).hasSize(1);
    }

    @Test
    void givenATeam_whenAPersonJoinsIt_thenThatIsNoInstallAndNothingIsSaid() throws Exception {
        FakeBotConnector.Channel team = f.teams.team(f.olivia);
        f.deliver(f.teams.memberJoined(f.guest, team));
        Thread.sleep(300);
        assertThat(f.teams.connectorCalls()).isEmpty();
    }

    @Test
    void givenTwoCouncils_whenAnUnboundTenantWrites_thenItIsRefusedWithTheBindCommand() throws Exception {
        // GIVEN a second council, so the Teams tenant cannot bind itself
        f.bot.app().tenants().getOrCreate("other-council", f.bot.now());
        FakeBotConnector.Where chat = f.oliviasChat();
        // WHEN Olivia asks for a status
        f.deliver(f.teams.message(f.olivia, chat, "status ENF003"));
        // THEN she is told it is not linked, with the admin's command
        ObjectNode refusal = f.awaitNew(chat.conversationId(), 0);
        assertThat(refusal.path("text").asText()).contains("./planbot workspace bind --platform teams --team "
                + FakeBotConnector.TENANT_ID);
        assertThat(refusal.toString()).doesNotContain("EN003/01");
    }

    @Test
    void givenAnAdminInAChannel_whenTheyTypeChannelManagerMentioningTheBot_thenThatChannelIsTheManagerChannel() throws Exception {
        f.bot.person(TeamsFixture.OLIVIA, Role.ADMIN);
        FakeBotConnector.Channel team = f.teams.team(f.olivia);
        FakeBotConnector.Where channel = f.teams.inChannel(team);
        f.deliver(f.teams.mention(f.olivia, channel, "channel manager", false));
        f.awaitNew(channel.conversationId(), 0);
        assertThat(f.bot.app().channels().find(f.bot.tenant(), "teams", planbot.storage.ChannelPurpose.MANAGER))
                .hasValue(team.id());
    }

    @Test
    void givenAMentionNamingOnlyThePersonsTeamsId_whenAnAdminLinksThem_thenTheyAreLinkedByTheirEntraObjectId() throws Exception {
        // GIVEN Olivia, an admin, and Oscar of the plan in one team; Teams' mention entity names Oscar by his 29: id only
        f.bot.person(TeamsFixture.OLIVIA, Role.ADMIN);
        FakeBotConnector.User oscar = f.teams.user(TeamsFixture.OSCAR, "oscar@council.example");
        FakeBotConnector.Channel team = f.teams.team(f.olivia, oscar);
        FakeBotConnector.Where channel = f.teams.inChannel(team);
        ObjectNode link = f.teams.mentionWithUser(f.olivia, channel, "people link \"Oscar Other\"", oscar, "");
        for (com.fasterxml.jackson.databind.JsonNode e : link.withArray("entities")) {
            ((ObjectNode) e.path("mentioned")).remove("aadObjectId");
        }
        // WHEN she links him by that mention
        f.deliver(link);
        String answer = f.awaitNew(channel.conversationId(), 0).toString();
        // THEN his Teams account is his Entra object id, which is how he is known when he writes to planbot
        assertThat(answer).contains("Oscar Other is now linked");
        assertThat(f.bot.app().people().identity(f.bot.tenant(), TeamsFixture.OSCAR, "teams"))
                .hasValue(new planbot.storage.ChatIdentity("teams", FakeBotConnector.TENANT_ID, oscar.aadObjectId()));
    }

    @Test
    void givenATeamPlanbotKnows_whenAnAdminLinksAPersonByEmailAddress_thenTheMembersApiFindsTheirAccount() throws Exception {
        // GIVEN the bot has seen a team Oscar is in, and Olivia is an admin
        f.bot.person(TeamsFixture.OLIVIA, Role.ADMIN);
        FakeBotConnector.User oscar = f.teams.user(TeamsFixture.OSCAR, "oscar@council.example");
        FakeBotConnector.Channel team = f.teams.team(f.olivia, oscar);
        FakeBotConnector.Where channel = f.teams.inChannel(team);
        f.deliver(f.teams.mention(f.olivia, channel, "help", false));
        f.awaitNew(channel.conversationId(), 0);
        // WHEN she links him by his email address in her personal chat with the bot
        FakeBotConnector.Where chat = f.oliviasChat();
        f.deliver(f.teams.message(f.olivia, chat, "people link \"Oscar Other\" oscar@council.example"));
        String answer = f.awaitNew(chat.conversationId(), 0).toString();
        // THEN he is linked by his Entra object id; an address nobody has is told plainly, nothing changed
        assertThat(answer).contains("Oscar Other is now linked");
        assertThat(f.bot.app().people().identity(f.bot.tenant(), TeamsFixture.OSCAR, "teams"))
                .hasValue(new planbot.storage.ChatIdentity("teams", FakeBotConnector.TENANT_ID, oscar.aadObjectId()));
        f.deliver(f.teams.message(f.olivia, chat, "people link \"Olivia Officer\" nobody@council.example"));
        assertThat(f.awaitNew(chat.conversationId(), 1).toString()).contains("Nobody in this teams workspace has the email address");
        assertThat(f.bot.app().people().identity(f.bot.tenant(), TeamsFixture.OLIVIA, "teams"))
                .hasValue(new planbot.storage.ChatIdentity("teams", FakeBotConnector.TENANT_ID, f.olivia.aadObjectId()));
    }
}
