package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import planbot.config.ConfigException;
import planbot.config.Settings;

/** Loading the Slack slice of the settings: absent, complete, half-configured and malformed. */
class SlackSettingsTest {
    static final String TOKEN = "xoxb-1-secret-bot-token";
    static final String SECRET = "s3cr3t-signing";
    static final String APP = "xapp-1-secret-app-token";

    private static Settings settings(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return Settings.load(env, Path.of("no-such-dir", ".env"));
    }

    @Test
    void slackIsOffWhenNeitherTokenNorSecretIsSet() {
        assertThat(SlackSettings.from(settings("PLANBOT_TENANT", "x"))).isEmpty();
    }

    @Test
    void aCompleteConfigurationGetsDefaultsForTheRest() {
        SlackSettings s = SlackSettings.from(settings("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET)).orElseThrow();
        assertThat(s.apiBaseUrl()).isEqualTo("https://slack.com/api/");
        assertThat(s.socketMode()).isFalse();
    }

    @Test
    void anAppTokenTurnsOnSocketModeAndABaseUrlGetsItsSlash() {
        SlackSettings s = SlackSettings.from(settings("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_APP_TOKEN", APP, "SLACK_API_BASE_URL", "http://127.0.0.1:9999/api")).orElseThrow();
        assertThat(s.socketMode()).isTrue();
        assertThat(s.apiBaseUrl()).isEqualTo("http://127.0.0.1:9999/api/");
    }

    @Test
    void halfAConfigurationIsAClearErrorNamingTheMissingKey() {
        assertThatThrownBy(() -> SlackSettings.from(settings("SLACK_BOT_TOKEN", TOKEN)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_SIGNING_SECRET is missing");
        assertThatThrownBy(() -> SlackSettings.from(settings("SLACK_SIGNING_SECRET", SECRET)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_BOT_TOKEN is missing");
        assertThatThrownBy(() -> SlackSettings.from(settings("SLACK_APP_TOKEN", APP)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_BOT_TOKEN");
    }

    @Test
    void malformedValuesAreRefusedNamingTheKeyButNeverEchoingASecret() {
        // a user token pasted as the bot token
        assertThatThrownBy(() -> SlackSettings.from(settings("SLACK_BOT_TOKEN", "xoxp-user-token-123", "SLACK_SIGNING_SECRET", SECRET)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_BOT_TOKEN must be a token starting with xoxb-")
                .message().doesNotContain("xoxp-user-token-123");
        // the bot token pasted as the app token
        assertThatThrownBy(() -> SlackSettings.from(settings("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_APP_TOKEN", TOKEN)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_APP_TOKEN must be a token starting with xapp-")
                .message().doesNotContain(TOKEN);
        assertThatThrownBy(() -> SlackSettings.from(settings("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", SECRET, "SLACK_API_BASE_URL", "ftp://x/")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SLACK_API_BASE_URL");
    }

    @Test
    void toStringNeverShowsASecret() {
        SlackSettings s = new SlackSettings(TOKEN, SECRET, APP, null);
        assertThat(s.toString()).doesNotContain(TOKEN).doesNotContain(SECRET).doesNotContain(APP).contains("xoxb-***");
    }
}
