package planbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import planbot.config.ConfigException;
import planbot.config.Settings;

/** Loading the Discord slice of the settings: absent, gateway, HTTP, both, half-configured, malformed. */
class DiscordSettingsTest {
    static final String APP = "1100000000000000001";
    static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabc12.secret-part-of-the-token_xyz";
    static final String KEY = "D75A980182B10AB7D54BFED3C964073A0EE172F3DAA62325AF021A68F707511A";

    private static Settings settings(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return Settings.load(env, Path.of("no-such-dir", ".env"));
    }

    @Test
    void discordIsOffWhenNoDiscordKeyIsSet() {
        assertThat(DiscordSettings.from(settings("PLANBOT_TENANT", "x", "SLACK_BOT_TOKEN", "xoxb-1"))).isEmpty();
    }

    @Test
    void aBotTokenMeansGatewayModeAgainstDiscordsApi() {
        DiscordSettings s = DiscordSettings.from(settings("DISCORD_TOKEN", TOKEN, "DISCORD_APPLICATION_ID", APP)).orElseThrow();
        assertThat(s.gateway()).isTrue();
        assertThat(s.http()).isFalse();
        assertThat(s.applicationId()).isEqualTo(APP);
        assertThat(s.apiBaseUrl()).isEqualTo(URI.create("https://discord.com/api/v10"));
    }

    @Test
    void aPublicKeyMeansHttpInteractionsModeAndIsReadInLowerCase() {
        DiscordSettings s = DiscordSettings.from(settings("DISCORD_PUBLIC_KEY", KEY, "DISCORD_APPLICATION_ID", APP)).orElseThrow();
        assertThat(s.http()).isTrue();
        assertThat(s.gateway()).isFalse();
        assertThat(s.publicKeyHex()).contains(KEY.toLowerCase());
    }

    @Test
    void bothModesMayRunTogetherAgainstATestDouble() {
        DiscordSettings s = DiscordSettings.from(settings("DISCORD_TOKEN", TOKEN, "DISCORD_PUBLIC_KEY", KEY,
                "DISCORD_APPLICATION_ID", APP, "DISCORD_API_BASE_URL", "http://127.0.0.1:9999/api/v10/")).orElseThrow();
        assertThat(s.gateway()).isTrue();
        assertThat(s.http()).isTrue();
        assertThat(s.apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/api/v10"));
    }

    @Test
    void theApplicationIdIsRequiredWheneverAnyDiscordKeyIsSet() {
        assertThatThrownBy(() -> DiscordSettings.from(settings("DISCORD_TOKEN", TOKEN)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_APPLICATION_ID is missing");
        assertThatThrownBy(() -> DiscordSettings.from(settings("DISCORD_API_BASE_URL", "http://127.0.0.1:1/api/v10")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_APPLICATION_ID is missing");
    }

    @Test
    void anApplicationIdAloneNamesTheMissingModes() {
        assertThatThrownBy(() -> DiscordSettings.from(settings("DISCORD_APPLICATION_ID", APP)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DISCORD_TOKEN").hasMessageContaining("DISCORD_PUBLIC_KEY");
    }

    @Test
    void anApplicationIdMustBeASnowflake() {
        assertThatThrownBy(() -> DiscordSettings.from(settings("DISCORD_TOKEN", TOKEN, "DISCORD_APPLICATION_ID", "planbot")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_APPLICATION_ID must be");
    }

    @Test
    void aMalformedPublicKeyIsNamedByItsKey() {
        assertThatThrownBy(() -> DiscordSettings.from(settings("DISCORD_PUBLIC_KEY", KEY.substring(2), "DISCORD_APPLICATION_ID", APP)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_PUBLIC_KEY must be");
    }

    @Test
    void aMalformedTokenIsNamedButNeverEchoed() {
        String pasted = "Bot " + TOKEN;
        assertThatThrownBy(() -> DiscordSettings.from(settings("DISCORD_TOKEN", pasted, "DISCORD_APPLICATION_ID", APP)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_TOKEN does not look like a bot token")
                .hasMessageNotContaining("secret-part");
    }

    @Test
    void aBaseUrlMustBeHttp() {
        assertThatThrownBy(() -> DiscordSettings.from(settings("DISCORD_TOKEN", TOKEN, "DISCORD_APPLICATION_ID", APP,
                "DISCORD_API_BASE_URL", "discord.com/api")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_API_BASE_URL must be an http(s) URL");
    }

    @Test
    void theTokenIsMaskedWhenTheSettingsAreLogged() {
        DiscordSettings s = DiscordSettings.from(settings("DISCORD_TOKEN", TOKEN, "DISCORD_APPLICATION_ID", APP)).orElseThrow();
        assertThat(s.toString()).doesNotContain("secret-part").contains("token=***").contains(APP);
    }

    @Test
    void errorsAreOneLine() {
        assertThatThrownBy(() -> DiscordSettings.from(settings("DISCORD_TOKEN", TOKEN, "DISCORD_APPLICATION_ID", "x")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
