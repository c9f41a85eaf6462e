package planbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.config.Settings;
import planbot.platform.Directory.Member;
import planbot.platform.PlatformException;
import planbot.storage.JdbiTeamsConversationRepository;
import planbot.storage.TeamsConversation;
import planbot.storage.TeamsConversationRepository;
import planbot.teams.auth.AppTokens;
import planbot.teams.connector.ConnectorClient;
import planbot.teams.connector.ServiceUrls;
import planbot.teams.fake.FakeBotConnector;
import planbot.teams.fake.FakeBotConnector.Channel;
import planbot.teams.fake.FakeBotConnector.User;
import planbot.testing.TestBot;

/** The Teams directory against the fake Bot Connector's members API, for the teams the app is installed in. */
class TeamsDirectoryTest {
    @TempDir
    Path dir;
    FakeBotConnector teams;
    TestBot bot;
    TeamsConversationRepository conversations;
    TeamsDirectory directory;
    final Clock clock = Clock.systemUTC();

    @BeforeEach
    void start() {
        teams = FakeBotConnector.start();
        bot = TestBot.start(dir);
        TeamsSettings settings = TeamsSettings.from(Settings.load(teams.settings(), dir.resolve("no.env"))).orElseThrow();
        ServiceUrls trusted = new ServiceUrls();
        trusted.trust(teams.serviceUrl());
        HttpClient http = HttpClient.newHttpClient();
        conversations = new JdbiTeamsConversationRepository(bot.app().database());
        directory = new TeamsDirectory(new ConnectorClient(settings, trusted, new AppTokens(settings, http, clock), http, clock),
                conversations);
    }

    @AfterEach
    void stop() {
        assertThat(teams.violations()).isEmpty();
        teams.close();
        bot.close();
    }

    Channel installedIn(User... members) {
        Channel team = teams.team(members);
        Channel other = teams.channel(team, "Planning");
        // two channels of one team: the team is asked once
        for (Channel c : List.of(team, other)) {
            conversations.save(new TeamsConversation(teams.serviceUrl(), c.id(), TeamsConversation.Kind.CHANNEL,
                    FakeBotConnector.TENANT_ID, c.teamId(), c.id(), "", "", true, clock.instant()));
        }
        return team;
    }

    @Test
    void givenAMemberOfAKnownTeam_whenLookingUpTheirEmail_thenTheyAreFoundByTheirEntraObjectId() throws PlatformException {
        User sam = teams.user("Sam Jones", "sam.jones@council.gov.uk");
        installedIn(sam, teams.user("Ann Lee", "ann.lee@council.gov.uk"));

        Member found = directory.byEmail("Sam.Jones@council.gov.uk").orElseThrow();

        assertThat(found.userId()).isEqualTo(sam.aadObjectId());
        assertThat(found.realName()).isEqualTo("Sam Jones");
        assertThat(found.email()).isEqualTo("sam.jones@council.gov.uk");
        assertThat(directory.byEmail("nobody@council.gov.uk")).isEmpty();
    }

    @Test
    void givenTwoTeamsWithMoreMembersThanAPage_whenListing_thenEveryoneComesOnce() throws PlatformException {
        List<User> first = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            first.add(teams.user("Officer " + i, "officer" + i + "@council.gov.uk"));
        }
        installedIn(first.toArray(new User[0]));
        User both = first.get(0);
        User only = teams.user("Zoe Hart", "zoe.hart@council.gov.uk");
        installedIn(both, only);

        List<Member> members = directory.members();

        assertThat(members).hasSize(521);
        assertThat(members).extracting(Member::userId).doesNotHaveDuplicates().contains(both.aadObjectId(), only.aadObjectId());
        assertThat(teams.calls("GET", "/pagedmembers")).as("page 1 and 2 of the big team, one of the small")
                .hasSize(3);
    }

    @Test
    void givenNoTeamKnown_whenAsked_thenItSaysToAddTheAppToATeam() {
        assertThatThrownBy(() -> directory.members()).isInstanceOf(PlatformException.class)
                .hasMessageContaining("add the planbot app to a team");
        assertThat(teams.connectorCalls()).isEmpty();
    }

    @Test
    void givenTeamsFailing_whenListing_thenThePlatformExceptionSaysSoWithoutAToken() {
        installedIn(teams.user("Sam Jones", "sam.jones@council.gov.uk"));
        teams.failNext(503, "ServiceUnavailable");

        assertThatThrownBy(() -> directory.members()).isInstanceOf(PlatformException.class)
                .hasMessageContaining("HTTP 503").hasMessageNotContaining("Bearer");
    }
}
