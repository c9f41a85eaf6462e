package planbot.teams.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import planbot.config.Settings;
import planbot.teams.TeamsSettings;
import planbot.teams.fake.FakeBotConnector;
import planbot.teams.fake.FakeBotConnector.Token;
import planbot.testing.LogCapture;
import planbot.testing.MutableClock;

/** Inbound JWTs as the fake Bot Connector signs them, genuine and forged, with real keys over real HTTP. */
class ConnectorAuthTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final FakeBotConnector fake = FakeBotConnector.start(clock);
    final HttpClient http = HttpClient.newHttpClient();
    final ConnectorAuth auth = new ConnectorAuth(settings(fake.settings()), http, clock);
    final FakeBotConnector.User olivia = fake.user("Olivia Reed", "olivia.reed@council.example.gov.uk");
    final ObjectNode activity = fake.message(olivia, fake.inPersonal(olivia), "status ENF003");

    @AfterEach
    void close() {
        fake.close();
    }

    static TeamsSettings settings(Map<String, String> env) {
        return TeamsSettings.from(Settings.load(env, Path.of("no-such.env"))).orElseThrow();
    }

    VerifiedToken verify(ObjectNode a, Token token) throws NotAuthorized {
        return auth.verify(fake.authorization(a, token), a.get("serviceUrl").asText(), "msteams");
    }

    @Test
    void aTokenSignedByTheBotConnectorIsAccepted() throws Exception {
        // WHEN a genuine token is verified
        VerifiedToken t = verify(activity, Token.VALID);

        // THEN it vouches for the Bot Connector, our app, and the activity's serviceUrl
        assertThat(t).isEqualTo(new VerifiedToken("https://api.botframework.com", FakeBotConnector.APP_ID, fake.serviceUrl()));
    }

    @Test
    void aSingleTenantBotAcceptsItsTenantsEntraIssuedTokens() throws Exception {
        // WHEN a token Entra issued for our tenant is verified (keys from the tenant's Entra metadata)
        VerifiedToken t = verify(activity, Token.ENTRA);

        // THEN it is accepted, as issued by the tenant's Entra
        assertThat(t.issuer()).isEqualTo("https://login.microsoftonline.com/" + FakeBotConnector.TENANT_ID + "/v2.0");
    }

    @Test
    void aMultiTenantBotRefusesEntraIssuedTokens() {
        // GIVEN a bot configured without a tenant id
        Map<String, String> env = new HashMap<>(fake.settings());
        env.remove("TEAMS_TENANT_ID");
        ConnectorAuth multi = new ConnectorAuth(settings(env), http, clock);

        // WHEN an Entra-issued token arrives, THEN it is refused for its issuer
        assertThatThrownBy(() -> multi.verify(fake.authorization(activity, Token.ENTRA), fake.serviceUrl(), "msteams"))
                .isInstanceOf(NotAuthorized.class).hasMessage("wrong issuer");
    }

    @ParameterizedTest
    @EnumSource(value = Token.class, names = {"VALID", "ENTRA"}, mode = EnumSource.Mode.EXCLUDE)
    void everyForgeryIsRefusedWithAShortReasonThatHoldsNoToken(Token forgery) {
        String header = fake.authorization(activity, forgery);

        // WHEN a forged (or missing) token is verified
        // THEN it is refused, and the reason does not repeat the token
        assertThatThrownBy(() -> auth.verify(header, fake.serviceUrl(), "msteams"))
                .isInstanceOfSatisfying(NotAuthorized.class, e -> {
                    assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(80);
                    if (header != null) {
                        assertThat(e.getMessage()).doesNotContain(header.substring(7, 30));
                    }
                });
    }

    @Test
    void eachForgeryIsRefusedForItsOwnReason() {
        assertThat(reason(Token.FORGED_SIGNATURE)).isEqualTo("bad signature");
        assertThat(reason(Token.UNKNOWN_KEY)).isEqualTo("unknown signing key");
        assertThat(reason(Token.EXPIRED)).isEqualTo("expired");
        assertThat(reason(Token.NOT_YET_VALID)).isEqualTo("not yet valid");
        assertThat(reason(Token.WRONG_AUDIENCE)).isEqualTo("wrong audience");
        assertThat(reason(Token.WRONG_ISSUER)).isEqualTo("wrong issuer");
        assertThat(reason(Token.SERVICE_URL_MISMATCH)).isEqualTo("serviceUrl does not match the token");
        assertThat(reason(Token.NOT_ENDORSED)).isEqualTo("signing key not endorsed for the activity's channel");
        // an alg:none token does not even parse as a signed JWT
        assertThat(reason(Token.UNSIGNED)).isEqualTo("malformed token");
        assertThat(reason(Token.NO_HEADER)).isEqualTo("no bearer token");
    }

    @Test
    void aTokenSignedWithHmacIsRefusedWhateverItsKeyId() throws Exception {
        // GIVEN a token signed HS256 (the algorithm-confusion attack), naming the real key id
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(fake.keyId()).build(),
                new JWTClaimsSet.Builder().issuer("https://api.botframework.com").audience(FakeBotConnector.APP_ID)
                        .expirationTime(Date.from(clock.instant().plusSeconds(600)))
                        .claim("serviceurl", fake.serviceUrl()).build());
        jwt.sign(new MACSigner(new byte[32]));

        // WHEN it is verified, THEN it is refused for its algorithm
        assertThatThrownBy(() -> auth.verify("Bearer " + jwt.serialize(), fake.serviceUrl(), "msteams"))
                .isInstanceOf(NotAuthorized.class).hasMessage("algorithm not accepted (RS256 only)");
    }

    String reason(Token forgery) {
        try {
            verify(activity, forgery);
            return "accepted";
        } catch (NotAuthorized e) {
            return e.getMessage();
        }
    }

    @Test
    void anActivityFromAnotherChannelThanTheKeyIsEndorsedForIsRefused() {
        // GIVEN a genuine token whose key is endorsed for msteams (and the emulator)
        String header = fake.authorization(activity, Token.VALID);

        // WHEN the activity claims to come from another channel, THEN it is refused
        assertThatThrownBy(() -> auth.verify(header, fake.serviceUrl(), "webchat")).isInstanceOf(NotAuthorized.class)
                .hasMessage("signing key not endorsed for the activity's channel");
    }

    @Test
    void theServiceUrlMayDifferOnlyByATrailingSlash() throws Exception {
        String header = fake.authorization(activity, Token.VALID);
        String noSlash = fake.serviceUrl().substring(0, fake.serviceUrl().length() - 1);

        // WHEN the activity's serviceUrl lacks the token's trailing slash, THEN it is accepted
        assertThat(auth.verify(header, noSlash, "msteams").serviceUrl()).isEqualTo(noSlash);
        // AND a serviceUrl that differs otherwise (another region) is refused
        assertThatThrownBy(() -> auth.verify(header, fake.url() + "/emea/" + FakeBotConnector.TENANT_ID + "/", "msteams"))
                .isInstanceOf(NotAuthorized.class);
    }

    @Test
    void expiryAndNotBeforeAllowFiveMinutesOfSkewAndNoMore() throws Exception {
        // GIVEN a token valid for an hour from now
        String header = fake.authorization(activity, Token.VALID);

        // WHEN our clock is 4 minutes past its expiry, THEN it is still accepted
        clock.advance(Duration.ofMinutes(64));
        auth.verify(header, fake.serviceUrl(), "msteams");

        // WHEN it is 6 minutes past, THEN it is refused
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> auth.verify(header, fake.serviceUrl(), "msteams")).hasMessage("expired");

        // AND a token whose nbf is 4 minutes ahead of our clock (theirs runs fast) is accepted
        String early = fake.authorization(activity, Token.VALID);
        clock.advance(Duration.ofMinutes(-4));
        auth.verify(early, fake.serviceUrl(), "msteams");
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesIt() throws Exception {
        // GIVEN keys fetched once for a token of the current key
        verify(activity, Token.VALID);
        assertThat(fake.jwksFetches()).isEqualTo(1);

        // WHEN Microsoft rotates its key a minute later and a token signed with the new one arrives
        clock.advance(Duration.ofSeconds(61));
        fake.rotateKey();
        VerifiedToken t = verify(activity, Token.VALID);

        // THEN the keys were fetched again, once, and the token accepted
        assertThat(t.audience()).isEqualTo(FakeBotConnector.APP_ID);
        assertThat(fake.jwksFetches()).isEqualTo(2);
    }

    @Test
    void aFloodOfUnknownKeyIdsFetchesTheKeysAtMostOnceAMinute() {
        // GIVEN keys fetched a moment ago
        assertThat(reason(Token.VALID)).isEqualTo("accepted");

        // WHEN a hundred tokens naming a key nobody published arrive within the minute
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(500));
            assertThat(reason(Token.UNKNOWN_KEY)).isEqualTo("unknown signing key");
        }

        // THEN the keys were not fetched again within the minute, and once when it had passed
        assertThat(fake.jwksFetches()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(11));
        assertThat(reason(Token.UNKNOWN_KEY)).isEqualTo("unknown signing key");
        assertThat(reason(Token.UNKNOWN_KEY)).isEqualTo("unknown signing key");
        assertThat(fake.jwksFetches()).isEqualTo(2);
        // AND genuine tokens, of a known key, never cause a fetch
        assertThat(reason(Token.VALID)).isEqualTo("accepted");
        assertThat(fake.jwksFetches()).isEqualTo(2);
    }

    @Test
    void keysThatCannotBeFetchedRefuseTheRequestAndSaySoInTheLog() {
        // GIVEN OpenID metadata nobody answers at
        Map<String, String> env = new HashMap<>(fake.settings());
        env.put("TEAMS_OPENID_METADATA_URL", fake.url() + "/no/such/metadata");
        ConnectorAuth broken = new ConnectorAuth(settings(env), http, clock);

        try (LogCapture logs = LogCapture.start()) {
            // WHEN a genuine token arrives, THEN it is refused and the log says why
            assertThatThrownBy(() -> broken.verify(fake.authorization(activity, Token.VALID), fake.serviceUrl(), "msteams"))
                    .isInstanceOf(NotAuthorized.class).hasMessage("unknown signing key");
            assertThat(logs.at("WARN")).anySatisfy(l -> assertThat(l).contains("could not fetch the signing keys"));
        }
    }
}
