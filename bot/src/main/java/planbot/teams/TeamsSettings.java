package planbot.teams;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import planbot.config.ConfigException;
import planbot.config.Settings;

/**
 * The Teams slice of the configuration, validated. Built once at start-up by {@link #from(Settings)}; a value that
 * is wrong stops start-up with a {@link ConfigException} naming the key (never the value of a secret).
 * {@link #toString()} masks the secrets, so the settings may be logged. Immutable.
 *
 * <p>Two shapes are valid: a bot ({@link #bot()}: app id and password, optionally a tenant id, optionally the
 * outgoing-webhook secret too) and a webhook-only set-up (just {@code TEAMS_WEBHOOK_SECRET}: commands in one
 * channel, no reminders).
 *
 * @param appId             {@code TEAMS_APP_ID}, the Entra application (client) id of the bot, a GUID; null when
 *                          webhook-only
 * @param appPassword       {@code TEAMS_APP_PASSWORD}, the client secret; null when webhook-only
 * @param tenantId          {@code TEAMS_TENANT_ID}, the Entra tenant (a GUID) of a single-tenant bot (every bot
 *                          registered since mid 2025): tokens come from that tenant, and inbound tokens that tenant's
 *                          Entra issues are accepted; empty for a (legacy) multi-tenant bot
 * @param openIdMetadataUrl {@code TEAMS_OPENID_METADATA_URL}: the Bot Connector's OpenID metadata, whose
 *                          {@code jwks_uri} holds the keys inbound tokens are signed with (a fake in tests)
 * @param tokenUrl          {@code TEAMS_TOKEN_URL}: where the bot gets its outbound token (client credentials)
 * @param webhookSecret     {@code TEAMS_WEBHOOK_SECRET}: the outgoing webhook's security token (base64, as Teams
 *                          shows it once), or empty
 */
public record TeamsSettings(String appId, String appPassword, Optional<String> tenantId, URI openIdMetadataUrl,
                            URI tokenUrl, Optional<String> webhookSecret) {
    public static final String APP_ID = "TEAMS_APP_ID";
    public static final String APP_PASSWORD = "TEAMS_APP_PASSWORD";
    public static final String TENANT_ID = "TEAMS_TENANT_ID";
    public static final String OPENID_METADATA_URL = "TEAMS_OPENID_METADATA_URL";
    public static final String TOKEN_URL = "TEAMS_TOKEN_URL";
    public static final String WEBHOOK_SECRET = "TEAMS_WEBHOOK_SECRET";

    public static final String DEFAULT_OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    /** The token endpoint of a multi-tenant bot; a single-tenant bot's is the same with its tenant id. */
    public static final String DEFAULT_TOKEN_URL = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String TOKEN_PATH = "/oauth2/v2.0/token";
    /** Teams' outgoing-webhook security tokens are 32 random bytes; fewer means a truncated paste. */
    private static final int WEBHOOK_KEY_BYTES = 32;

    /** @throws ConfigException naming the key of the first value that is missing or malformed */
    public TeamsSettings {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(openIdMetadataUrl, "openIdMetadataUrl");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        if (appId == null && appPassword == null) {
            if (webhookSecret.isEmpty()) {
                throw new ConfigException(APP_ID + " and " + APP_PASSWORD + " are missing (or " + WEBHOOK_SECRET
                        + " for an outgoing webhook)");
            }
        } else {
            requireGuid(APP_ID, appId, "the Application (client) ID of the bot's app registration");
            if (appPassword == null || appPassword.isBlank()) {
                throw new ConfigException(APP_PASSWORD + " is missing: a client secret of the bot's app registration");
            }
        }
        tenantId.ifPresent(t -> requireGuid(TENANT_ID, t, "the Directory (tenant) ID of the app registration"));
        requireHttp(OPENID_METADATA_URL, openIdMetadataUrl);
        requireHttp(TOKEN_URL, tokenUrl);
        if (tenantId.isPresent() && !tokenUrl.getPath().endsWith(TOKEN_PATH)) {
            // the tenant's Entra metadata is found next to its token endpoint (see entraOpenIdMetadataUrl)
            throw new ConfigException(TOKEN_URL + " must end in " + TOKEN_PATH + " for a single-tenant bot");
        }
        webhookSecret.ifPresent(TeamsSettings::requireWebhookKey);
    }

    /**
     * The Teams settings, or empty when no {@code TEAMS_*} key is set.
     *
     * @throws ConfigException when Teams is half-configured or a value is malformed
     */
    public static Optional<TeamsSettings> from(Settings settings) {
        Optional<String> appId = settings.get(APP_ID);
        Optional<String> password = settings.get(APP_PASSWORD);
        Optional<String> tenant = settings.get(TENANT_ID).map(String::strip);
        Optional<String> webhook = settings.get(WEBHOOK_SECRET).map(String::strip);
        boolean anyBotKey = appId.isPresent() || password.isPresent() || tenant.isPresent()
                || settings.get(OPENID_METADATA_URL).isPresent() || settings.get(TOKEN_URL).isPresent();
        if (!anyBotKey && webhook.isEmpty()) {
            return Optional.empty();
        }
        if (anyBotKey && appId.isEmpty()) {
            throw new ConfigException(APP_ID + " is missing (other TEAMS_* bot settings are set): the Teams bot needs "
                    + APP_ID + " and " + APP_PASSWORD);
        }
        if (appId.isPresent() && password.isEmpty()) {
            throw new ConfigException(APP_PASSWORD + " is missing (" + APP_ID + " is set): the Teams bot needs both");
        }
        String tokenUrl = settings.getOrDefault(TOKEN_URL, tenant.map(t -> DEFAULT_TOKEN_URL.replace("botframework.com", t))
                .orElse(DEFAULT_TOKEN_URL));
        return Optional.of(new TeamsSettings(appId.map(String::strip).orElse(null), password.orElse(null), tenant,
                url(OPENID_METADATA_URL, settings.getOrDefault(OPENID_METADATA_URL, DEFAULT_OPENID_METADATA_URL)),
                url(TOKEN_URL, tokenUrl), webhook));
    }

    /** True when the bot is configured (app id and password), not only the outgoing webhook. */
    public boolean bot() {
        return appId != null;
    }

    /**
     * Where a single-tenant bot's Entra publishes its OpenID metadata (whose keys sign the Entra-issued tokens the
     * Bot Connector may send it): next to the token endpoint, {@code …/{tenant}/v2.0/.well-known/openid-configuration}.
     * Empty for a multi-tenant bot.
     */
    public Optional<URI> entraOpenIdMetadataUrl() {
        if (tenantId.isEmpty()) {
            return Optional.empty();
        }
        String token = tokenUrl.toString();
        return Optional.of(URI.create(token.substring(0, token.length() - TOKEN_PATH.length())
                + "/v2.0/.well-known/openid-configuration"));
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", appPassword=" + (appPassword == null ? "none" : "***")
                + ", tenantId=" + tenantId.orElse("none") + ", openIdMetadataUrl=" + openIdMetadataUrl
                + ", tokenUrl=" + tokenUrl + ", webhookSecret=" + (webhookSecret.isPresent() ? "***" : "none") + "]";
    }

    private static void requireGuid(String key, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key + " is missing: " + what);
        }
        if (!GUID.matcher(value).matches()) {
            throw new ConfigException(key + " must be a GUID such as 00000000-0000-0000-0000-000000000000 (" + what + ")");
        }
    }

    private static void requireWebhookKey(String secret) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException ex) {
            // never echo the value: it is a secret
            throw new ConfigException(WEBHOOK_SECRET + " must be the security token Teams showed when the outgoing"
                    + " webhook was created (base64)");
        }
        if (key.length < WEBHOOK_KEY_BYTES) {
            throw new ConfigException(WEBHOOK_SECRET + " is too short for a Teams security token (" + key.length
                    + " bytes, Teams gives " + WEBHOOK_KEY_BYTES + "): copy it again in full");
        }
    }

    private static URI url(String key, String raw) {
        try {
            return new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException(key + " is not a URL (got '" + raw + "')");
        }
    }

    private static void requireHttp(String key, URI uri) {
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new ConfigException(key + " must be an http(s) URL (got '" + uri + "')");
        }
    }
}
