package planbot.teams.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.teams.TeamsSettings;

/**
 * Checks that an inbound request really comes from the Bot Connector for this bot, before anything reads the
 * activity, as Microsoft's "Authenticate requests from the Bot Connector service to your bot" requires: an
 * {@code Authorization: Bearer} JWT, RS256 only, signed by a key of the JWKS that the OpenID metadata names
 * ({@code jwks_uri}); issuer {@code https://api.botframework.com} (or, for a single-tenant bot, its tenant's Entra
 * issuers, with that tenant's Entra keys); audience our app id; {@code exp}/{@code nbf} within five minutes' skew;
 * the {@code serviceurl} claim equal to the activity's {@code serviceUrl}; and, when the key carries
 * {@code endorsements}, the activity's {@code channelId} among them.
 *
 * <p>Entra-issued tokens: Microsoft's page documents only the Bot Framework issuer for the Connector; its newer
 * Teams SDKs also accept tokens from the bot's own tenant ({@code https://login.microsoftonline.com/{tenant}/v2.0}
 * and {@code https://sts.windows.net/{tenant}/}, keys from that tenant's JWKS). planbot accepts those for a
 * single-tenant bot only, and only with the same {@code serviceurl} claim, since the claim is what lets a
 * serviceUrl be trusted.
 *
 * <p>Keys are fetched lazily, cached, and fetched again when a token names an unknown {@code kid} (Microsoft
 * rotates keys), at most once a minute per metadata document so that forged kids cannot make planbot hammer it,
 * and once a day regardless. Fetches time out after five seconds; a failed fetch is logged and the request is
 * {@link NotAuthorized}.
 *
 * <p>Thread-safe; called by the HTTP route for every activity.
 */
public final class ConnectorAuth {
    public static final String BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
    static final Duration SKEW = Duration.ofMinutes(5);
    static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    static final Duration MAX_KEY_AGE = Duration.ofDays(1);
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorAuth.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String appId;
    private final HttpClient http;
    private final Clock clock;
    private final Keys botFramework;
    /** For a single-tenant bot: its tenant's Entra keys, by the issuers that tenant signs as. */
    private final Map<String, Keys> entra = new HashMap<>();

    /** @param settings a bot's settings ({@link TeamsSettings#bot()}) */
    public ConnectorAuth(TeamsSettings settings, HttpClient http, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        if (!settings.bot()) {
            throw new IllegalArgumentException("verifying the Bot Connector needs the bot's app id");
        }
        this.appId = settings.appId();
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.botFramework = new Keys(settings.openIdMetadataUrl());
        settings.entraOpenIdMetadataUrl().ifPresent(url -> {
            Keys keys = new Keys(url);
            String tenant = settings.tenantId().orElseThrow();
            for (String issuer : entraIssuers(tenant)) {
                entra.put(issuer, keys);
            }
        });
    }

    /** The issuers a tenant's Entra signs tokens as: v2.0 and v1 access tokens. */
    public static List<String> entraIssuers(String tenantId) {
        return List.of("https://login.microsoftonline.com/" + tenantId + "/v2.0", "https://sts.windows.net/" + tenantId + "/");
    }

    /**
     * Verifies the request's {@code Authorization} header for an activity.
     *
     * @param authorizationHeader the header as received, or null
     * @param activityServiceUrl  the activity's {@code serviceUrl}
     * @param channelId           the activity's {@code channelId} ({@code msteams})
     * @throws NotAuthorized with a short reason for the log when anything does not hold
     */
    public VerifiedToken verify(String authorizationHeader, String activityServiceUrl, String channelId) throws NotAuthorized {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new NotAuthorized("no bearer token");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(authorizationHeader.substring(7).strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException ex) {
            throw new NotAuthorized("malformed token");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            // the header's words are the sender's: not repeated into the log
            throw new NotAuthorized("algorithm not accepted (RS256 only)");
        }
        String issuer = claims.getIssuer();
        Keys keys = BOT_FRAMEWORK_ISSUER.equals(issuer) ? botFramework : entra.get(issuer);
        if (keys == null) {
            throw new NotAuthorized("wrong issuer");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) {
            throw new NotAuthorized("no key id");
        }
        Key key = keys.find(kid);
        if (key == null) {
            throw new NotAuthorized("unknown signing key");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(key.rsa()))) {
                throw new NotAuthorized("bad signature");
            }
        } catch (JOSEException ex) {
            throw new NotAuthorized("bad signature");
        }
        if (key.endorsements() != null && !key.endorsements().contains(channelId)) {
            throw new NotAuthorized("signing key not endorsed for the activity's channel");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(appId)) {
            throw new NotAuthorized("wrong audience");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || !now.isBefore(exp.toInstant().plus(SKEW))) {
            throw new NotAuthorized("expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.isBefore(nbf.toInstant().minus(SKEW))) {
            throw new NotAuthorized("not yet valid");
        }
        Object serviceUrl = claims.getClaim("serviceurl");
        if (!(serviceUrl instanceof String) || activityServiceUrl == null
                || !withoutSlash((String) serviceUrl).equals(withoutSlash(activityServiceUrl))) {
            throw new NotAuthorized("serviceUrl does not match the token");
        }
        return new VerifiedToken(issuer, appId, activityServiceUrl);
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A signing key and the channels it is endorsed for (null: no endorsements given, so no restriction). */
    private record Key(RSAKey rsa, Set<String> endorsements) {
    }

    /** The keys named by one OpenID metadata document, fetched when needed and at most once a minute. */
    private final class Keys {
        private final URI metadata;
        private volatile Map<String, Key> byKid = Map.of();
        private volatile Instant fetched;

        Keys(URI metadata) {
            this.metadata = metadata;
        }

        Key find(String kid) {
            // the common case reads without the lock, so a slow fetch never holds up tokens of known keys
            Key known = byKid.get(kid);
            Instant at = fetched;
            if (known != null && at != null && clock.instant().isBefore(at.plus(MAX_KEY_AGE))) {
                return known;
            }
            return refreshFor(kid);
        }

        private synchronized Key refreshFor(String kid) {
            Instant now = clock.instant();
            boolean stale = fetched == null || !now.isBefore(fetched.plus(MAX_KEY_AGE));
            boolean mayRefresh = fetched == null || !now.isBefore(fetched.plus(MIN_REFRESH));
            if (stale || (!byKid.containsKey(kid) && mayRefresh)) {
                fetched = now;
                fetch().ifPresent(keys -> byKid = keys);
            }
            return byKid.get(kid);
        }

        private Optional<Map<String, Key>> fetch() {
            try {
                JsonNode doc = get(metadata);
                JsonNode jwksUri = doc.path("jwks_uri");
                if (!jwksUri.isTextual()) {
                    LOG.warn("Teams: the OpenID metadata at {} names no jwks_uri", metadata);
                    return Optional.empty();
                }
                Map<String, Key> keys = new HashMap<>();
                for (JsonNode k : get(URI.create(jwksUri.asText())).path("keys")) {
                    key(k).ifPresent(key -> keys.put(key.rsa().getKeyID(), key));
                }
                return Optional.of(Map.copyOf(keys));
            } catch (IOException | IllegalArgumentException ex) {
                LOG.warn("Teams: could not fetch the signing keys named by {} ({}): inbound activities are refused until"
                        + " they can be fetched", metadata, ex.getMessage());
                return Optional.empty();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        private Optional<Key> key(JsonNode k) {
            try {
                JWK jwk = JWK.parse(k.toString());
                if (!(jwk instanceof RSAKey) || jwk.getKeyID() == null) {
                    return Optional.empty();
                }
                Set<String> endorsements = null;
                if (k.path("endorsements").isArray()) {
                    endorsements = new HashSet<>();
                    for (JsonNode e : k.get("endorsements")) {
                        endorsements.add(e.asText());
                    }
                }
                return Optional.of(new Key((RSAKey) jwk, endorsements));
            } catch (ParseException ex) {
                return Optional.empty();
            }
        }

        private JsonNode get(URI uri) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode() + " from " + uri);
            }
            return JSON.readTree(r.body());
        }
    }
}
