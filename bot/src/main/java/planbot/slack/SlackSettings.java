package planbot.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import planbot.config.ConfigException;
import planbot.config.Settings;

/**
 * The Slack slice of the configuration, validated. Built once at start-up by {@link #from(Settings)}; a value
 * that is wrong stops start-up with a {@link ConfigException} naming the key (never the value of a secret).
 * {@link #toString()} masks the secrets, so the settings may be logged.
 *
 * @param botToken      {@code SLACK_BOT_TOKEN}, {@code xoxb-…}
 * @param signingSecret {@code SLACK_SIGNING_SECRET}: checks that HTTP requests came from Slack
 * @param appToken      {@code SLACK_APP_TOKEN}, {@code xapp-…}, or null: when set, planbot talks to Slack over
 *                      Socket Mode (no public URL needed) instead of receiving HTTP requests
 * @param apiBaseUrl    {@code SLACK_API_BASE_URL}: where the Web API is, ending in {@code /} (a fake in tests)
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, String apiBaseUrl) {
    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String API_BASE_URL = "SLACK_API_BASE_URL";
    public static final String DEFAULT_API_BASE_URL = "https://slack.com/api/";

    /** @throws ConfigException naming the key of the first value that is missing or malformed */
    public SlackSettings {
        requirePrefix(BOT_TOKEN, botToken, "xoxb-");
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new ConfigException(SIGNING_SECRET + " is missing: copy the Signing Secret from the app's Basic Information page");
        }
        if (appToken != null) {
            requirePrefix(APP_TOKEN, appToken, "xapp-");
        }
        apiBaseUrl = baseUrl(Objects.requireNonNullElse(apiBaseUrl, DEFAULT_API_BASE_URL));
    }

    /**
     * The Slack settings, or empty when Slack is not configured at all (neither a bot token nor a signing secret).
     *
     * @throws ConfigException when Slack is half-configured or a value is malformed
     */
    public static Optional<SlackSettings> from(Settings settings) {
        Optional<String> token = settings.get(BOT_TOKEN);
        Optional<String> secret = settings.get(SIGNING_SECRET);
        if (token.isEmpty() && secret.isEmpty()) {
            if (settings.get(APP_TOKEN).isPresent()) {
                throw new ConfigException(APP_TOKEN + " is set but " + BOT_TOKEN + " and " + SIGNING_SECRET + " are not: Slack needs all three for Socket Mode");
            }
            return Optional.empty();
        }
        if (token.isEmpty()) {
            throw new ConfigException(BOT_TOKEN + " is missing (" + SIGNING_SECRET + " is set): Slack needs both");
        }
        if (secret.isEmpty()) {
            throw new ConfigException(SIGNING_SECRET + " is missing (" + BOT_TOKEN + " is set): Slack needs both");
        }
        return Optional.of(new SlackSettings(token.get(), secret.get(), settings.get(APP_TOKEN).orElse(null),
                settings.getOrDefault(API_BASE_URL, DEFAULT_API_BASE_URL)));
    }

    /** True when planbot connects out over Socket Mode rather than listening for HTTP requests. */
    public boolean socketMode() {
        return appToken != null;
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=" + mask(botToken) + ", signingSecret=***, appToken=" + mask(appToken)
                + ", apiBaseUrl=" + apiBaseUrl + "]";
    }

    private static void requirePrefix(String key, String token, String prefix) {
        if (token == null || token.isBlank()) {
            throw new ConfigException(key + " is missing");
        }
        if (!token.startsWith(prefix) || token.length() <= prefix.length() || !token.strip().equals(token)) {
            // never echo the value: it may be a real secret pasted into the wrong key
            throw new ConfigException(key + " must be a token starting with " + prefix);
        }
    }

    private static String baseUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException(API_BASE_URL + " is not a URL (got '" + raw + "')");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new ConfigException(API_BASE_URL + " must be an http(s) URL such as " + DEFAULT_API_BASE_URL + " (got '" + raw + "')");
        }
        String s = uri.toString();
        return s.endsWith("/") ? s : s + "/";
    }

    private static String mask(String token) {
        return token == null ? "none" : token.substring(0, 5) + "***";
    }
}
