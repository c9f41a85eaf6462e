package planbot.discord;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Checks that an HTTP interaction came from Discord: the {@code X-Signature-Ed25519} header is the application's
 * Ed25519 signature over {@code X-Signature-Timestamp} followed by the raw body, and the timestamp (Unix seconds) is
 * within {@link #TOLERANCE} of now (so a captured request cannot be replayed later). Discord probes endpoints with
 * bad signatures and disables those that accept them, so anything doubtful is simply false.
 *
 * <p>Called by the HTTP route before anything reads the body. Thread-safe (a {@link Signature} is made per call);
 * never throws for bad input.
 */
public final class DiscordSignature {
    /** How far the timestamp may be from now, either way. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** The DER prefix that makes a raw 32-byte Ed25519 key an X.509 SubjectPublicKeyInfo (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;

    private final PublicKey key;
    private final Clock clock;

    /**
     * @param publicKeyHex the application's public key, 64 hex digits ({@code DISCORD_PUBLIC_KEY})
     * @throws IllegalArgumentException when it is not an Ed25519 public key
     */
    public DiscordSignature(String publicKeyHex, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(publicKeyHex, "publicKeyHex");
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(publicKeyHex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key is not hex", e);
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + raw.length);
        }
        byte[] der = new byte[X509_PREFIX.length + KEY_BYTES];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, KEY_BYTES);
        try {
            this.key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /**
     * True when {@code signatureHex} is the application's signature over {@code timestamp + body} and the timestamp
     * is within five minutes of now; false for anything else (missing or malformed headers included).
     *
     * @param signatureHex the {@code X-Signature-Ed25519} header, or null
     * @param timestamp    the {@code X-Signature-Timestamp} header (Unix seconds), or null
     * @param body         the raw request body, exactly as received
     */
    public boolean verify(String signatureHex, String timestamp, byte[] body) {
        if (signatureHex == null || timestamp == null || body == null || signatureHex.length() != 2 * SIGNATURE_BYTES
                || !fresh(timestamp)) {
            return false;
        }
        try {
            byte[] signature = HexFormat.of().parseHex(signatureHex);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private boolean fresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        // a negative timestamp could overflow the subtraction into a "small" skew
        return seconds >= 0 && Math.abs(clock.instant().getEpochSecond() - seconds) <= TOLERANCE.toSeconds();
    }
}
