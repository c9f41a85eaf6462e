package planbot.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link OutboxDispatcher} works through the outbox.
 *
 * @param batchSize   how many due rows one pass claims
 * @param lease       how long a claim lasts: a row whose dispatcher died is claimed again after this, so it must
 *                    be well above the slowest send (an HTTP timeout)
 * @param backoff     the wait between attempts when the platform does not say how long
 * @param maxAttempts after this many failed attempts a row is given up on (DEAD) and an admin told
 * @param idlePoll    how long the background loop waits between passes when there is nothing to do
 */
public record DeliveryConfig(int batchSize, Duration lease, Backoff backoff, int maxAttempts, Duration idlePoll) {

    public DeliveryConfig {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(idlePoll, "idlePoll");
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize and maxAttempts must be at least 1");
        }
        if (lease.isNegative() || lease.isZero() || idlePoll.isNegative() || idlePoll.isZero()) {
            throw new IllegalArgumentException("lease and idlePoll must be positive");
        }
    }

    /** 50 rows a pass, 5-minute claims, retries from 30 s doubling up to 1 h, 8 attempts, a pass a second when idle. */
    public static DeliveryConfig defaults() {
        return new DeliveryConfig(50, Duration.ofMinutes(5), new Backoff(Duration.ofSeconds(30), Duration.ofHours(1)), 8,
                Duration.ofSeconds(1));
    }

    public DeliveryConfig withLease(Duration newLease) {
        return new DeliveryConfig(batchSize, newLease, backoff, maxAttempts, idlePoll);
    }

    public DeliveryConfig withMaxAttempts(int n) {
        return new DeliveryConfig(batchSize, lease, backoff, n, idlePoll);
    }

    public DeliveryConfig withBatchSize(int n) {
        return new DeliveryConfig(n, lease, backoff, maxAttempts, idlePoll);
    }

    public DeliveryConfig withIdlePoll(Duration poll) {
        return new DeliveryConfig(batchSize, lease, backoff, maxAttempts, poll);
    }
}
