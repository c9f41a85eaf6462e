package planbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import planbot.config.ConfigException;
import planbot.config.Settings;

/** Loading the Teams slice of the settings: absent, bot, single-tenant, webhook-only, half-configured, malformed. */
class TeamsSettingsTest {
    static final String APP = "5f2b1c3e-7a4d-4e8f-9b6a-0c1d2e3f4a5b";
    static final String PASSWORD = "Qx8~client~secret~value";
    static final String TENANT = "8d6f0b9e-1c2a-4b3d-9e8f-7a6b5c4d3e2f";
    /** The security token of the PLATFORMS.md test vector: 32 bytes, base64. */
    static final String WEBHOOK = "vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=";

    private static Settings settings(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return Settings.load(env, Path.of("no-such-dir", ".env"));
    }

    @Test
    void teamsIsOffWhenNoTeamsKeyIsSet() {
        assertThat(TeamsSettings.from(settings("PLANBOT_TENANT", "x"))).isEmpty();
    }

    @Test
    void aMultiTenantBotGetsMicrosoftsEndpoints() {
        TeamsSettings s = TeamsSettings.from(settings("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", PASSWORD)).orElseThrow();
        assertThat(s.bot()).isTrue();
        assertThat(s.openIdMetadataUrl()).isEqualTo(URI.create("https://login.botframework.com/v1/.well-known/openidconfiguration"));
        assertThat(s.tokenUrl()).isEqualTo(URI.create("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"));
        assertThat(s.entraOpenIdMetadataUrl()).isEmpty();
        assertThat(s.webhookSecret()).isEmpty();
    }

    @Test
    void aSingleTenantBotGetsItsTenantsTokenEndpointAndEntraMetadata() {
        TeamsSettings s = TeamsSettings.from(settings("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", PASSWORD,
                "TEAMS_TENANT_ID", TENANT)).orElseThrow();
        assertThat(s.tokenUrl()).isEqualTo(URI.create("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token"));
        assertThat(s.entraOpenIdMetadataUrl()).contains(
                URI.create("https://login.microsoftonline.com/" + TENANT + "/v2.0/.well-known/openid-configuration"));
    }

    @Test
    void aTestDoubleIsNamedByItsUrls() {
        TeamsSettings s = TeamsSettings.from(settings("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", PASSWORD,
                "TEAMS_TENANT_ID", TENANT, "TEAMS_OPENID_METADATA_URL", "http://127.0.0.1:9999/botframework/v1/.well-known/openidconfiguration",
                "TEAMS_TOKEN_URL", "http://127.0.0.1:9999/" + TENANT + "/oauth2/v2.0/token")).orElseThrow();
        assertThat(s.entraOpenIdMetadataUrl()).contains(
                URI.create("http://127.0.0.1:9999/" + TENANT + "/v2.0/.well-known/openid-configuration"));
    }

    @Test
    void aWebhookOnlySetUpIsValidAndIsNotABot() {
        TeamsSettings s = TeamsSettings.from(settings("TEAMS_WEBHOOK_SECRET", WEBHOOK)).orElseThrow();
        assertThat(s.bot()).isFalse();
        assertThat(s.appId()).isNull();
        assertThat(s.webhookSecret()).isEqualTo(Optional.of(WEBHOOK));
    }

    @Test
    void halfABotIsAClearErrorNamingTheMissingKey() {
        assertThatThrownBy(() -> TeamsSettings.from(settings("TEAMS_APP_ID", APP)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TEAMS_APP_PASSWORD is missing");
        assertThatThrownBy(() -> TeamsSettings.from(settings("TEAMS_APP_PASSWORD", PASSWORD)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TEAMS_APP_ID is missing");
        assertThatThrownBy(() -> TeamsSettings.from(settings("TEAMS_TENANT_ID", TENANT, "TEAMS_WEBHOOK_SECRET", WEBHOOK)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TEAMS_APP_ID is missing");
    }

    @Test
    void malformedValuesAreRefusedNamingTheKeyButNeverEchoingASecret() {
        assertThatThrownBy(() -> TeamsSettings.from(settings("TEAMS_APP_ID", "planbot", "TEAMS_APP_PASSWORD", PASSWORD)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TEAMS_APP_ID must be a GUID");
        assertThatThrownBy(() -> TeamsSettings.from(settings("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", PASSWORD,
                "TEAMS_TENANT_ID", "contoso.onmicrosoft.com")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TEAMS_TENANT_ID must be a GUID");
        assertThatThrownBy(() -> TeamsSettings.from(settings("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", PASSWORD,
                "TEAMS_TOKEN_URL", "ftp://example.org/token")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TEAMS_TOKEN_URL must be an http(s) URL");
        assertThatThrownBy(() -> TeamsSettings.from(settings("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", PASSWORD,
                "TEAMS_TENANT_ID", TENANT, "TEAMS_TOKEN_URL", "https://login.example.org/token")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TEAMS_TOKEN_URL must end in /oauth2/v2.0/token");
        // a webhook token cut short, and one that is not base64: named, never echoed
        assertThatThrownBy(() -> TeamsSettings.from(settings("TEAMS_WEBHOOK_SECRET", WEBHOOK.substring(0, 24))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TEAMS_WEBHOOK_SECRET is too short")
                .hasMessageNotContaining(WEBHOOK.substring(0, 24));
        assertThatThrownBy(() -> TeamsSettings.from(settings("TEAMS_WEBHOOK_SECRET", "not base64 at all!")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("TEAMS_WEBHOOK_SECRET must be the security token")
                .hasMessageNotContaining("not base64 at all!");
    }

    @Test
    void toStringMasksTheSecrets() {
        TeamsSettings s = TeamsSettings.from(settings("TEAMS_APP_ID", APP, "TEAMS_APP_PASSWORD", PASSWORD,
                "TEAMS_WEBHOOK_SECRET", WEBHOOK)).orElseThrow();
        assertThat(s.toString()).contains(APP).doesNotContain(PASSWORD).doesNotContain(WEBHOOK);
    }
}
