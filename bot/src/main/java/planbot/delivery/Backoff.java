package planbot.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before trying a message again when the platform did not say: {@code first} after the first
 * failed attempt, doubling with each further one, never more than {@code max}; each wait is lengthened by up to a
 * quarter at random (still within {@code max}), so that many messages failed together do not come back together.
 */
public record Backoff(Duration first, Duration max) {
    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= max, not " + first + " and " + max);
        }
    }

    /**
     * The wait after failed attempt number {@code attempt} (1 for the first).
     *
     * @param random a number in [0, 1) that picks the jitter
     */
    public Duration delay(int attempt, double random) {
        long firstMs = first.toMillis();
        long maxMs = max.toMillis();
        int doublings = Math.max(0, Math.min(attempt - 1, 40));
        long base = firstMs > (maxMs >> doublings) ? maxMs : Math.min(maxMs, firstMs << doublings);
        double r = Math.max(0.0, Math.min(random, 1.0));
        return Duration.ofMillis(Math.min(maxMs, base + (long) (base * 0.25 * r)));
    }
}
