package planbot.teams.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import planbot.config.Settings;
import planbot.delivery.SendResult;
import planbot.teams.TeamsSettings;
import planbot.teams.connector.TeamsFailure;
import planbot.teams.fake.FakeBotConnector;
import planbot.testing.MutableClock;

/** The bot's client-credentials token, from the fake's Entra token endpoint. */
class AppTokensTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final FakeBotConnector fake = FakeBotConnector.start(clock);
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        fake.close();
    }

    AppTokens tokens(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(fake.settings());
        env.putAll(overrides);
        return new AppTokens(TeamsSettings.from(Settings.load(env, Path.of("no-such.env"))).orElseThrow(), http, clock);
    }

    @Test
    void aTokenIsFetchedWithClientCredentialsAndCached() throws Exception {
        AppTokens tokens = tokens(Map.of());

        // WHEN the token is asked for twice
        String first = tokens.token();
        String second = tokens.token();

        // THEN it was fetched once, as a client-credentials form POST for the Bot Framework scope
        assertThat(second).isEqualTo(first);
        assertThat(fake.tokensIssued()).isEqualTo(1);
        FakeBotConnector.Call call = fake.calls("POST", "/oauth2/v2.0/token").get(0);
        assertThat(call.headers().get("content-type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(call.body())).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", FakeBotConnector.APP_ID).containsEntry("client_secret", FakeBotConnector.APP_PASSWORD)
                .containsEntry("scope", "https://api.botframework.com/.default");
    }

    @Test
    void theTokenIsRefreshedFiveMinutesBeforeItExpires() throws Exception {
        // GIVEN an hour-long token
        AppTokens tokens = tokens(Map.of());
        String first = tokens.token();

        // WHEN 54 minutes have passed, THEN it is still used
        clock.advance(Duration.ofMinutes(54));
        assertThat(tokens.token()).isEqualTo(first);

        // WHEN 55 have passed, THEN a fresh one is fetched
        clock.advance(Duration.ofMinutes(1));
        assertThat(tokens.token()).isNotEqualTo(first);
        assertThat(fake.tokensIssued()).isEqualTo(2);
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        AppTokens tokens = tokens(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            // WHEN sixteen senders ask for the token at once
            List<Future<String>> asked = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                asked.add(pool.submit(tokens::token));
            }
            List<String> got = new ArrayList<>();
            for (Future<String> f : asked) {
                got.add(f.get());
            }

            // THEN one token was fetched, and all got it
            assertThat(fake.tokensIssued()).isEqualTo(1);
            assertThat(got).containsOnly(got.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidateDropsOnlyTheCachedToken() throws Exception {
        AppTokens tokens = tokens(Map.of());
        String first = tokens.token();

        // WHEN a token that is not the cached one is reported refused, THEN the cached one stays
        tokens.invalidate("some-older-token");
        assertThat(tokens.token()).isEqualTo(first);

        // WHEN the cached one is reported refused, THEN the next caller gets a fresh one
        tokens.invalidate(first);
        assertThat(tokens.token()).isNotEqualTo(first);
        assertThat(fake.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aWrongSecretIsPermanentAndNamesTheSettingsNotTheSecret() {
        AppTokens tokens = tokens(Map.of("TEAMS_APP_PASSWORD", "an-expired-secret-value"));

        assertThatThrownBy(tokens::token).isInstanceOfSatisfying(TeamsFailure.class, f -> {
            assertThat(f.result()).isInstanceOf(SendResult.Permanent.class);
            assertThat(f.code()).isEqualTo("invalid_client");
            assertThat(f.getMessage()).contains("TEAMS_APP_ID").contains("TEAMS_APP_PASSWORD")
                    .doesNotContain("an-expired-secret-value");
        });
    }

    @Test
    void anUnknownAppIsPermanent() {
        AppTokens tokens = tokens(Map.of("TEAMS_APP_ID", "00000000-1111-2222-3333-444444444444"));

        assertThatThrownBy(tokens::token).isInstanceOfSatisfying(TeamsFailure.class, f -> {
            assertThat(f.result()).isInstanceOf(SendResult.Permanent.class);
            assertThat(f.code()).isEqualTo("unauthorized_client");
        });
    }

    @Test
    void anUnreachableTokenEndpointIsTransient() {
        // GIVEN a token endpoint where nothing listens
        FakeBotConnector gone = FakeBotConnector.start(clock);
        String url = gone.tokenUrl();
        gone.close();
        AppTokens tokens = tokens(Map.of("TEAMS_TOKEN_URL", url));

        // WHEN a token is asked for, THEN it is to be retried later
        assertThatThrownBy(tokens::token).isInstanceOfSatisfying(TeamsFailure.class, f -> {
            assertThat(f.result()).isInstanceOf(SendResult.RetryLater.class);
            assertThat(f.code()).isEqualTo("io");
        });
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
