package planbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.config.Settings;
import planbot.discord.fake.FakeDiscord;
import planbot.platform.ChatPlatform;
import planbot.platform.Finding;
import planbot.testing.TestBot;

class DiscordPlatformTest {
    @TempDir
    Path dir;

    @Test
    void givenNoDiscordSettings_thenThereIsNoDiscordPlatform() {
        try (TestBot bot = TestBot.withSample(dir)) {
            assertThat(DiscordPlatform.configured(Settings.load(Map.of(), Path.of("no.env")), bot.app().platformServices(),
                    bot.app().database())).isEmpty();
        }
    }

    @Test
    void givenOnlyThePublicKey_whenStarted_thenItSaysHttpInteractionsAndIsHealthy() throws Exception {
        try (TestBot bot = TestBot.withSample(dir); FakeDiscord discord = FakeDiscord.start(bot.clock())) {
            Map<String, String> httpOnly = new HashMap<>(discord.settings());
            httpOnly.remove(DiscordSettings.TOKEN);
            ChatPlatform p = DiscordPlatform.configured(Settings.load(httpOnly, Path.of("no.env")),
                    bot.app().platformServices(), bot.app().database()).orElseThrow();
            assertThat(p.health().ok()).isFalse();
            List<String> lines = bot.app().startPlatforms(List.of(p), 0);
            assertThat(lines).containsExactly("Discord HTTP interactions at /discord/interactions");
            assertThat(p.health().ok()).isTrue();
            p.close();
            assertThat(p.health().ok()).isFalse();
        }
    }

    @Test
    void givenABotToken_whenTheDoctorChecks_thenTokenApplicationAndChannelsAreJudged() throws Exception {
        try (TestBot bot = TestBot.withSample(dir); FakeDiscord discord = FakeDiscord.start(bot.clock())) {
            FakeDiscord.Channel plan = discord.channel("planning");
            FakeDiscord.Channel hidden = discord.channel("managers");
            discord.noAccess(hidden);
            try (ChatPlatform p = DiscordPlatform.configured(Settings.load(discord.settings(), Path.of("no.env")),
                    bot.app().platformServices(), bot.app().database()).orElseThrow()) {
                List<Finding> findings = p.check(Map.of("plan", plan.id(), "manager", hidden.id()));
                assertThat(findings).filteredOn(x -> x.topic().equals("discord token"))
                        .singleElement().extracting(Finding::severity).isEqualTo(Finding.Severity.OK);
                assertThat(findings).filteredOn(x -> x.topic().equals("discord application"))
                        .singleElement().extracting(Finding::severity).isEqualTo(Finding.Severity.OK);
                assertThat(findings).filteredOn(x -> x.topic().equals("discord plan channel"))
                        .singleElement().extracting(Finding::severity).isEqualTo(Finding.Severity.OK);
                assertThat(findings).filteredOn(x -> x.topic().equals("discord manager channel"))
                        .singleElement().extracting(Finding::severity).isEqualTo(Finding.Severity.WARNING);
                assertThat(findings.toString()).doesNotContain(FakeDiscord.TOKEN);
            }
        }
    }

    @Test
    void givenTheDiscordPlatform_thenItsMentionsAreMadeNeutral() throws Exception {
        try (TestBot bot = TestBot.withSample(dir); FakeDiscord discord = FakeDiscord.start(bot.clock())) {
            ChatPlatform p = DiscordPlatform.configured(Settings.load(discord.settings(), Path.of("no.env")),
                    bot.app().platformServices(), bot.app().database()).orElseThrow();
            assertThat(p.neutralMentions("assign EN3/1 <@!123>")).isEqualTo("assign EN3/1 <@123>");
            p.close();
        }
    }
}
