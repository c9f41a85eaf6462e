package planbot.teams.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import planbot.delivery.SendResult;
import planbot.teams.TeamsSettings;
import planbot.teams.connector.TeamsFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's outbound token for the Bot Connector: OAuth client credentials at {@code TEAMS_TOKEN_URL} with scope
 * {@code https://api.botframework.com/.default}, cached until five minutes before it expires.
 *
 * <p>Thread-safe: one fetch at a time (callers wait for it rather than each fetching). Failure: a
 * {@link TeamsFailure} that is {@link SendResult.RetryLater} when the endpoint is down or slow and
 * {@link SendResult.Permanent}, naming {@code TEAMS_APP_ID}/{@code TEAMS_APP_PASSWORD}, when it refuses the
 * credentials. Neither the secret nor a token ever reaches a log line or a message.
 */
public final class AppTokens {
    public static final String SCOPE = "https://api.botframework.com/.default";
    static final Duration EARLY = Duration.ofMinutes(5);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(AppTokens.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TeamsSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    /** @param settings a bot's settings ({@link TeamsSettings#bot()}) */
    public AppTokens(TeamsSettings settings, HttpClient http, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!settings.bot()) {
            throw new IllegalArgumentException("outbound tokens need the bot's app id and password");
        }
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token for {@code Authorization: Bearer}, fetched when none is cached or it expires within five minutes. */
    public synchronized String token() throws TeamsFailure {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** Drops {@code rejected} if it is still the cached token (the Connector answered 401 to it). */
    public synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }

    private void fetch() throws TeamsFailure {
        String form = "grant_type=client_credentials&client_id=" + enc(settings.appId()) + "&client_secret="
                + enc(settings.appPassword()) + "&scope=" + enc(SCOPE);
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUrl()).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Instant asked = clock.instant();
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException ex) {
            throw transientFailure(0, "timeout", "the Teams token endpoint did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException ex) {
            throw transientFailure(0, "io", "could not reach the Teams token endpoint (" + ex.getClass().getSimpleName() + ")");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw transientFailure(0, "io", "fetching the Teams token was interrupted");
        }
        JsonNode body = parse(r.body());
        if (r.statusCode() == 200 && body.path("access_token").isTextual()) {
            long expiresIn = body.path("expires_in").asLong(0);
            Duration life = Duration.ofSeconds(Math.max(expiresIn, 0));
            // refresh 5 minutes early, or halfway through a token that lives less than 10 minutes
            Duration keep = life.compareTo(EARLY.multipliedBy(2)) >= 0 ? life.minus(EARLY) : life.dividedBy(2);
            token = body.get("access_token").asText();
            refreshAt = asked.plus(keep);
            return;
        }
        String raw = body.path("error").asText("");
        // Entra's codes are words (invalid_client); anything else is not repeated into a reason
        String error = raw.matches("[a-z_]{1,64}") ? raw : "http_" + r.statusCode();
        if (r.statusCode() == 429 || r.statusCode() >= 500) {
            throw transientFailure(r.statusCode(), error, "the Teams token endpoint answered HTTP " + r.statusCode());
        }
        LOG.warn("the Teams token endpoint refused the bot's credentials: HTTP {} {}", r.statusCode(), error);
        if ("invalid_client".equals(error) || "unauthorized_client".equals(error) || r.statusCode() == 401) {
            throw new TeamsFailure(new SendResult.Permanent("Microsoft Entra refused the bot's credentials (" + error
                    + "): check " + TeamsSettings.APP_ID + " and " + TeamsSettings.APP_PASSWORD + " (is the client secret"
                    + " expired?) and " + TeamsSettings.TENANT_ID), r.statusCode(), error);
        }
        throw new TeamsFailure(new SendResult.Permanent("Microsoft Entra refused the bot's token request (" + error
                + ", HTTP " + r.statusCode() + "): check " + TeamsSettings.APP_ID + ", " + TeamsSettings.TENANT_ID + " and "
                + TeamsSettings.TOKEN_URL), r.statusCode(), error);
    }

    private static TeamsFailure transientFailure(int status, String code, String reason) {
        return new TeamsFailure(new SendResult.RetryLater(null, reason), status, code);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException ex) {
            return JSON.createObjectNode();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
