package planbot.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a request came from Slack: {@code X-Slack-Signature} must be {@code v0=} + hex(HMAC-SHA256(signing
 * secret, "v0:" + timestamp + ":" + raw body)), compared in constant time, and {@code X-Slack-Request-Timestamp}
 * must be within five minutes of now, in the past or the future (a replayed request is refused).
 *
 * <p>Called by the HTTP edge on the raw body bytes before anything parses them. Thread-safe; never throws for
 * bad input: every way a request can be wrong is a {@link Verdict}.
 */
public final class SlackSignature {
    /** How far a request's timestamp may be from now, either way. */
    public static final long MAX_SKEW_SECONDS = 300;

    /** The outcome of a check: only {@link #VALID} lets a request through. */
    public enum Verdict {
        VALID, MISSING_HEADERS, BAD_TIMESTAMP, STALE, FORGED;

        /** What the edge logs about a refused request: the reason in words, never a header's value. */
        public String reason() {
            switch (this) {
                case MISSING_HEADERS: return "missing signature headers";
                case BAD_TIMESTAMP: return "malformed timestamp";
                case STALE: return "stale signature";
                case FORGED: return "forged signature";
                default: return "valid";
            }
        }
    }

    private final SecretKeySpec key;
    private final Clock clock;
    /**
     * One keyed Mac per thread: looking up the provider and keying a Mac cost more than signing a slash command's
     * body. A Mac is not thread-safe, and {@code doFinal} resets it for the next use, so one per thread is safe.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public SlackSignature(String signingSecret, Clock clock) {
        Objects.requireNonNull(signingSecret, "signingSecret");
        if (signingSecret.isEmpty()) {
            throw new IllegalArgumentException("a signing secret cannot be empty");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks one request.
     *
     * @param timestamp the {@code X-Slack-Request-Timestamp} header, or null when absent
     * @param signature the {@code X-Slack-Signature} header, or null when absent
     * @param body      the raw body bytes exactly as received
     */
    public Verdict verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Verdict.MISSING_HEADERS;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        long now = clock.instant().getEpochSecond();
        // Math.abs would overflow on Long.MIN_VALUE; compare both ways instead.
        if (ts < now - MAX_SKEW_SECONDS || ts > now + MAX_SKEW_SECONDS) {
            return Verdict.STALE;
        }
        byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.FORGED;
    }

    /** The signature Slack would send for this timestamp and body: {@code v0=…} (for tests and the benchmark's clients). */
    public String sign(String timestamp, byte[] body) {
        Mac mac = macs.get();
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
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
