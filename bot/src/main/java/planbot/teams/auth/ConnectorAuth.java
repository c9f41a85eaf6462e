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
import java.util.ArrayDeque;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>Two steps, so that the route can check the token before it reads the activity:
 * {@link #verify(String, String)} checks what the token alone proves (signature, algorithm, issuer, audience,
 * {@code exp}/{@code nbf}, and the key's endorsements for a channel: Teams always sends {@code msteams}, so the route
 * passes {@link #TEAMS_CHANNEL} before parsing and then refuses an activity whose {@code channelId} differs), and
 * {@link #checkServiceUrl(VerifiedToken, String)} then checks the activity's {@code serviceUrl} against the token's
 * claim. {@link #verify(String, String, String)} does both, for an activity already parsed.
 *
 * <p>Teams sends the same token (valid an hour) with many activities, so a token that passed every check is
 * remembered by its exact string ({@value #MAX_CACHED} at most, the oldest forgotten first): seen again, it costs a
 * map lookup instead of an RSA verify and a JSON parse. Its {@code exp}/{@code nbf} are still checked against the
 * clock, the channel against its key's endorsements, and its {@code serviceurl} against each activity's; and it is
 * remembered only while the key that signed it is still the one published under its {@code kid} (a key removed or
 * replaced in the JWKS forgets the tokens it signed, which are then verified afresh). A token that fails any check is
 * never remembered.
 *
 * <p>Thread-safe; called by the HTTP route for every activity. Known tokens and known keys are read without a lock.
 */
public final class ConnectorAuth {
    public static final String BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
    /** The {@code channelId} of every activity Teams sends. */
    public static final String TEAMS_CHANNEL = "msteams";
    /** How many verified tokens are remembered. */
    static final int MAX_CACHED = 1_000;
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
    private final TokenCache cache = new TokenCache();
    /** Signature checks made, for tests: a remembered token makes none. */
    private final AtomicLong signatureChecks = new AtomicLong();

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
     * Verifies the request's {@code Authorization} header for an activity: {@link #verify(String, String)} then
     * {@link #checkServiceUrl(VerifiedToken, String)}.
     *
     * @param authorizationHeader the header as received, or null
     * @param activityServiceUrl  the activity's {@code serviceUrl}
     * @param channelId           the activity's {@code channelId} ({@code msteams})
     * @return what the token vouched for, with the activity's {@code serviceUrl}
     * @throws NotAuthorized with a short reason for the log when anything does not hold
     */
    public VerifiedToken verify(String authorizationHeader, String activityServiceUrl, String channelId) throws NotAuthorized {
        VerifiedToken token = verify(authorizationHeader, channelId);
        checkServiceUrl(token, activityServiceUrl);
        return new VerifiedToken(token.issuer(), token.audience(), activityServiceUrl);
    }

    /**
     * Verifies the request's {@code Authorization} header before the activity is read: the signature (RS256, a key
     * of the issuer's JWKS), issuer, audience, {@code exp}/{@code nbf}, and that the key is endorsed for
     * {@code channelId}. The caller must then pass the activity's {@code serviceUrl} to
     * {@link #checkServiceUrl(VerifiedToken, String)}, and refuse an activity whose {@code channelId} is not the one
     * given here.
     *
     * @param authorizationHeader the header as received, or null
     * @param channelId           the channel the activity must come from: {@link #TEAMS_CHANNEL} for Teams
     * @return what the token vouched for, with the {@code serviceurl} claim as the token has it
     * @throws NotAuthorized with a short reason for the log when anything does not hold
     */
    public VerifiedToken verify(String authorizationHeader, String channelId) throws NotAuthorized {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new NotAuthorized("no bearer token");
        }
        String token = authorizationHeader.substring(7).strip();
        Verified known = cache.get(token);
        if (known != null) {
            if (known.keys().find(known.kid()) == known.key()) {
                Instant now = clock.instant();
                if (!now.isBefore(known.expires())) {
                    cache.remove(token, known);
                }
                return known.check(channelId, now);
            }
            // its key was removed or replaced since: verified afresh against the keys published now
            cache.remove(token, known);
        }
        return verifyAndRemember(token, channelId);
    }

    /**
     * Checks the activity's {@code serviceUrl} against the {@code serviceurl} claim of its token (a trailing slash
     * aside), so that a reply may go there.
     *
     * @param token              what {@link #verify(String, String)} returned for the activity's request
     * @param activityServiceUrl the activity's {@code serviceUrl}
     * @throws NotAuthorized when they differ or the activity has none
     */
    public void checkServiceUrl(VerifiedToken token, String activityServiceUrl) throws NotAuthorized {
        Objects.requireNonNull(token, "token");
        if (activityServiceUrl == null || !withoutSlash(token.serviceUrl()).equals(withoutSlash(activityServiceUrl))) {
            throw new NotAuthorized("serviceUrl does not match the token");
        }
    }

    private VerifiedToken verifyAndRemember(String token, String channelId) throws NotAuthorized {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
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
        signatureChecks.incrementAndGet();
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
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new NotAuthorized("expired");
        }
        Date nbf = claims.getNotBeforeTime();
        Instant expires = exp.toInstant().plus(SKEW);
        Instant notBefore = nbf == null ? null : nbf.toInstant().minus(SKEW);
        checkTime(clock.instant(), expires, notBefore);
        if (!(claims.getClaim("serviceurl") instanceof String serviceUrl)) {
            throw new NotAuthorized("serviceUrl does not match the token");
        }
        Verified verified = new Verified(new VerifiedToken(issuer, appId, serviceUrl), keys, kid, key, expires, notBefore);
        cache.put(token, verified);
        return verified.token();
    }

    /** {@code exp} and {@code nbf}, five minutes' skew included, against the clock. */
    private static void checkTime(Instant now, Instant expires, Instant notBefore) throws NotAuthorized {
        if (!now.isBefore(expires)) {
            throw new NotAuthorized("expired");
        }
        if (notBefore != null && now.isBefore(notBefore)) {
            throw new NotAuthorized("not yet valid");
        }
    }

    /** Package-private for tests: how many signatures were checked. */
    long signatureChecks() {
        return signatureChecks.get();
    }

    /** Package-private for tests: how many verified tokens are remembered. */
    int cachedTokens() {
        return cache.size();
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * A token that passed every check, remembered for the checks that change with time or channel: what it vouches
     * for, the key that signed it (remembered only while that very key is still published under its kid), and when
     * it is valid, skew included.
     */
    private record Verified(VerifiedToken token, Keys keys, String kid, Key key, Instant expires, Instant notBefore) {
        /** The checks made on every use of the token, in the order a fresh token is checked in. */
        VerifiedToken check(String channelId, Instant now) throws NotAuthorized {
            if (key.endorsements() != null && !key.endorsements().contains(channelId)) {
                throw new NotAuthorized("signing key not endorsed for the activity's channel");
            }
            checkTime(now, expires, notBefore);
            return token;
        }
    }

    /**
     * Verified tokens by their exact string, at most {@link #MAX_CACHED}, the oldest forgotten first. Read without a
     * lock; written (after a full verify, or when keys change) under one.
     */
    private static final class TokenCache {
        private final Map<String, Verified> byToken = new ConcurrentHashMap<>();
        /** Oldest first: the token strings put, with what was put, so that a newer entry is never removed for an older. */
        private final ArrayDeque<Map.Entry<String, Verified>> order = new ArrayDeque<>();

        Verified get(String token) {
            return byToken.get(token);
        }

        synchronized void put(String token, Verified verified) {
            byToken.put(token, verified);
            order.addLast(Map.entry(token, verified));
            while (order.size() > MAX_CACHED) {
                Map.Entry<String, Verified> oldest = order.removeFirst();
                byToken.remove(oldest.getKey(), oldest.getValue());
            }
        }

        void remove(String token, Verified verified) {
            byToken.remove(token, verified);
        }

        /** Forgets the tokens signed by a key of {@code keys} that {@code published} no longer has as it was. */
        synchronized void keysChanged(Keys keys, Map<String, Key> published) {
            byToken.values().removeIf(v -> v.keys() == keys && published.get(v.kid()) != v.key());
            order.removeIf(e -> e.getValue().keys() == keys && published.get(e.getValue().kid()) != e.getValue().key());
        }

        int size() {
            return byToken.size();
        }
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
                fetch().ifPresent(this::publish);
            }
            return byKid.get(kid);
        }

        /**
         * Takes the keys just fetched, keeping the very objects of keys that did not change (remembered tokens are
         * tied to them), and forgets the tokens signed by keys that were removed or replaced.
         */
        private void publish(Map<String, Key> fresh) {
            Map<String, Key> old = byKid;
            Map<String, Key> keys = new HashMap<>();
            fresh.forEach((kid, key) -> keys.put(kid, key.equals(old.get(kid)) ? old.get(kid) : key));
            byKid = Map.copyOf(keys);
            if (!old.isEmpty() && !byKid.equals(old)) {
                cache.keysChanged(this, byKid);
            }
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
