package planbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.config.Settings;
import planbot.platform.ChatPlatform;
import planbot.platform.Finding;
import planbot.platform.PlatformStartException;
import planbot.teams.fake.FakeBotConnector;
import planbot.testing.TestBot;

/** Teams as the composition root sees it: configured from {@code TEAMS_*}, started against the fake, checked by the doctor. */
class TeamsPlatformTest {
    @TempDir
    Path dir;
    TestBot bot;
    FakeBotConnector teams;

    @BeforeEach
    void start() {
        bot = TestBot.withSample(dir);
        teams = FakeBotConnector.start(bot.clock());
    }

    @AfterEach
    void stop() {
        bot.close();
        teams.close();
    }

    private Settings settings(Map<String, String> teamsKeys) {
        return Settings.load(teamsKeys, dir.resolve("none.env"));
    }

    @Test
    void givenTheSettingsPointedAtTheFake_whenServed_thenItSaysItStartedTeamsAndAnswersOnApiMessages() throws Exception {
        // GIVEN TEAMS_* pointing at the fake
        List<ChatPlatform> platforms = bot.app().configuredPlatforms(settings(teams.settings()));
        // WHEN the app serves them, as ./planbot serve does
        StringWriter out = new StringWriter();
        List<String> lines = bot.app().serve(platforms, 0, new PrintWriter(out));
        // THEN it says it started the Teams bot, which took a token, and /health says so
        assertThat(platforms).extracting(ChatPlatform::name).containsExactly("teams");
        assertThat(String.join("\n", lines)).contains("Teams bot at /api/messages");
        assertThat(teams.tokensIssued()).isEqualTo(1);
        assertThat(platforms.get(0).health().toString()).contains("bot at /api/messages");
    }

    @Test
    void givenNoTeamsSettings_whenConfigured_thenThereIsNoTeams() {
        assertThat(bot.app().configuredPlatforms(settings(Map.of()))).isEmpty();
    }

    @Test
    void givenAWrongAppPassword_whenStarted_thenItStopsNamingTheSettingsAndNotTheSecret() {
        Map<String, String> wrong = new HashMap<>(teams.settings());
        wrong.put("TEAMS_APP_PASSWORD", "not-the-secret-xyz");
        ChatPlatform platform = bot.app().configuredPlatforms(settings(wrong)).get(0);
        assertThatThrownBy(platform::start).isInstanceOf(PlatformStartException.class)
                .hasMessageContaining("TEAMS_APP_PASSWORD").hasMessageNotContaining("not-the-secret-xyz");
        platform.close();
    }

    @Test
    void givenAManagerChannelPlanbotHasNotSeen_whenTheDoctorChecks_thenItSaysSoWithTheFix() {
        ChatPlatform platform = bot.app().configuredPlatforms(settings(teams.settings())).get(0);
        List<Finding> findings = platform.check(Map.of("manager", "19:unseen@thread.tacv2"));
        assertThat(findings).anySatisfy(x -> {
            assertThat(x.topic()).isEqualTo("teams token");
            assertThat(x.severity()).isEqualTo(Finding.Severity.OK);
        });
        assertThat(findings).anySatisfy(x -> {
            assertThat(x.topic()).isEqualTo("teams manager channel");
            assertThat(x.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(x.fix()).contains("channel manager");
        });
        platform.close();
    }
}
