package planbot.teams.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a request came from a Teams outgoing webhook: {@code Authorization: HMAC <base64(HMAC-SHA256(key, raw
 * body bytes))>}, where the key is the webhook's security token base64-DECODED (Teams shows it base64-encoded; signing
 * with its text instead is the usual mistake). Compared in constant time. There is no timestamp to check, so a
 * replay is the {@link OutgoingWebhook}'s to refuse, by activity id.
 *
 * <p>Called on the raw body before anything parses it. Thread-safe; never throws for a bad request.
 */
public final class WebhookSignature {
    private static final String SCHEME = "HMAC ";
    private final SecretKeySpec key;
    /** A keyed Mac is not thread-safe; {@code doFinal} resets it, so one per thread is. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * @param securityToken the token Teams showed when the webhook was created ({@code TEAMS_WEBHOOK_SECRET}), base64
     * @throws IllegalArgumentException when it is not base64 or is empty (the message never contains it)
     */
    public WebhookSignature(String securityToken) {
        Objects.requireNonNull(securityToken, "securityToken");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(securityToken.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the outgoing webhook's security token is not base64: copy it from Teams as shown");
        }
        if (raw.length == 0) {
            throw new IllegalArgumentException("the outgoing webhook's security token is empty");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    /**
     * @param authorization the {@code Authorization} header, or null when absent
     * @param body          the raw body bytes exactly as received
     * @return true only when the header carries this body's signature
     */
    public boolean verify(String authorization, byte[] body) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] given = authorization.substring(SCHEME.length()).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(sign(body).substring(SCHEME.length()).getBytes(StandardCharsets.US_ASCII), given);
    }

    /** The header Teams would send with this body: {@code HMAC …} (for tests and test clients). */
    public String sign(byte[] body) {
        return SCHEME + Base64.getEncoder().encodeToString(macs.get().doFinal(body));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
