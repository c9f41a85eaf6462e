package planbot.discord;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import planbot.config.ConfigException;
import planbot.config.Settings;

/**
 * The Discord slice of the configuration, validated. Built once at start-up by {@link #from(Settings)}; a value that
 * is wrong stops start-up with a one-line {@link ConfigException} naming the key (never the value of a secret).
 * {@link #toString()} masks the secrets, so the settings may be logged. Immutable.
 *
 * <p>Discord runs in one or both of two modes: the gateway (JDA, a WebSocket planbot opens) when the bot token is
 * set, and HTTP interactions (Discord POSTs to {@code /discord/interactions}) when the public key is set. Either way
 * the application id is needed: it names the app's commands and its interaction webhooks.
 *
 * @param token          {@code DISCORD_TOKEN}, the bot token: gateway mode and every REST call made as the bot
 * @param publicKeyHex   {@code DISCORD_PUBLIC_KEY}, the application's Ed25519 public key (64 hex digits, lower
 *                       case once read): HTTP interactions mode
 * @param applicationId  {@code DISCORD_APPLICATION_ID}, the application's snowflake
 * @param apiBaseUrl     {@code DISCORD_API_BASE_URL}, the REST API with its version and no trailing slash
 *                       ({@link #DEFAULT_API_BASE_URL}; a test double otherwise)
 */
public record DiscordSettings(Optional<String> token, Optional<String> publicKeyHex, String applicationId, URI apiBaseUrl) {
    public static final String TOKEN = "DISCORD_TOKEN";
    public static final String PUBLIC_KEY = "DISCORD_PUBLIC_KEY";
    public static final String APPLICATION_ID = "DISCORD_APPLICATION_ID";
    public static final String API_BASE_URL = "DISCORD_API_BASE_URL";
    public static final String DEFAULT_API_BASE_URL = "https://discord.com/api/v10";

    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{15,21}");
    private static final Pattern KEY = Pattern.compile("[0-9a-fA-F]{64}");
    /** A bot token has no spaces (a pasted "Bot " prefix is the usual mistake). */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9._-]{20,}");

    /** @throws ConfigException naming the key of the first value that is missing or malformed */
    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(publicKeyHex, "publicKeyHex");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        if (token.isEmpty() && publicKeyHex.isEmpty()) {
            throw new ConfigException(TOKEN + " or " + PUBLIC_KEY + " is needed (the bot token for the gateway,"
                    + " the public key for HTTP interactions)");
        }
        if (applicationId == null || applicationId.isBlank()) {
            throw new ConfigException(APPLICATION_ID + " is missing: the Application ID on the Developer Portal's"
                    + " General Information page");
        }
        if (!SNOWFLAKE.matcher(applicationId).matches()) {
            throw new ConfigException(APPLICATION_ID + " must be the application's numeric id (digits only), as the"
                    + " Developer Portal shows it");
        }
        token.ifPresent(t -> {
            if (!TOKEN_SHAPE.matcher(t).matches()) {
                // never echo the value: it is a secret
                throw new ConfigException(TOKEN + " does not look like a bot token: copy it again from the Developer"
                        + " Portal's Bot page (without a \"Bot \" prefix or quotes)");
            }
        });
        publicKeyHex.ifPresent(k -> {
            if (!KEY.matcher(k).matches()) {
                throw new ConfigException(PUBLIC_KEY + " must be the 64 hex digits of the Public Key on the Developer"
                        + " Portal's General Information page");
            }
        });
        publicKeyHex = publicKeyHex.map(k -> k.toLowerCase(java.util.Locale.ROOT));
        if (!("https".equals(apiBaseUrl.getScheme()) || "http".equals(apiBaseUrl.getScheme()))
                || apiBaseUrl.getHost() == null) {
            throw new ConfigException(API_BASE_URL + " must be an http(s) URL (got '" + apiBaseUrl + "')");
        }
    }

    /**
     * The Discord settings, or empty when no {@code DISCORD_*} key is set.
     *
     * @throws ConfigException when Discord is half-configured or a value is malformed
     */
    public static Optional<DiscordSettings> from(Settings settings) {
        Optional<String> token = settings.get(TOKEN).map(String::strip);
        Optional<String> key = settings.get(PUBLIC_KEY).map(String::strip);
        Optional<String> app = settings.get(APPLICATION_ID).map(String::strip);
        Optional<String> base = settings.get(API_BASE_URL).map(String::strip);
        if (token.isEmpty() && key.isEmpty() && app.isEmpty() && base.isEmpty()) {
            return Optional.empty();
        }
        if (app.isEmpty()) {
            throw new ConfigException(APPLICATION_ID + " is missing (other DISCORD_* settings are set): the"
                    + " Application ID on the Developer Portal's General Information page");
        }
        return Optional.of(new DiscordSettings(token, key, app.get(), url(base.orElse(DEFAULT_API_BASE_URL))));
    }

    /** Gateway mode (JDA): the bot token is set. */
    public boolean gateway() {
        return token.isPresent();
    }

    /** HTTP interactions mode: the public key is set. */
    public boolean http() {
        return publicKeyHex.isPresent();
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=" + (token.isPresent() ? "***" : "none") + ", publicKeyHex="
                + publicKeyHex.orElse("none") + ", applicationId=" + applicationId + ", apiBaseUrl=" + apiBaseUrl + "]";
    }

    private static URI url(String raw) {
        String trimmed = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        try {
            return new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new ConfigException(API_BASE_URL + " is not a URL (got '" + raw + "')");
        }
    }
}
