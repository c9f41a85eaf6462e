package planbot.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets that travel in URLs and cookies (sign-in link tokens, session ids): 256 random bits from
 * {@link SecureRandom}, base64url without padding (43 characters), stored only as their SHA-256 (hex) and looked up by
 * it. A secret this long needs no salt or slow hash. Thread-safe.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** A new secret: 32 random bytes, base64url. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** SHA-256 of the text's UTF-8 bytes, lower-case hex: what is stored and looked up instead of the secret. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** True when both texts are equal, in time that does not depend on where they differ. */
    public static boolean sameSecret(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        // compare digests: equal length, so MessageDigest.isEqual's time depends on neither text
        return MessageDigest.isEqual(sha256(a), sha256(b));
    }

    /** A value derived from a secret for another purpose (its CSRF token): base64url SHA-256 of purpose and secret. */
    static String derive(String purpose, String secret) {
        return BASE64URL.encodeToString(sha256(purpose + ":" + secret));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
