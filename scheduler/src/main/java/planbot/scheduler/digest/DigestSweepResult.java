package planbot.scheduler.digest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import planbot.storage.DigestSubscription;

/**
 * What a {@link DigestSweep} did.
 *
 * @param at            the instant it decided for
 * @param subscriptions how many subscriptions it looked at
 * @param sent          the digests it enqueued: new rows only, never one that was already in the outbox
 * @param failed        the subscriptions it could not decide or build, with why; the others were not held up
 */
public record DigestSweepResult(Instant at, int subscriptions, List<Sent> sent, List<Failure> failed) {
    public DigestSweepResult {
        Objects.requireNonNull(at, "at");
        sent = List.copyOf(sent);
        failed = List.copyOf(failed);
    }

    /** A digest enqueued under {@code key} for the slot {@code slot}. */
    public record Sent(DigestSubscription subscription, String key, ZonedDateTime slot, Digest digest) {
        public Sent {
            Objects.requireNonNull(subscription, "subscription");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(slot, "slot");
            Objects.requireNonNull(digest, "digest");
        }
    }

    /**
     * A subscription whose digest could not be decided or built: an {@link IllegalArgumentException} says it names
     * something the tenant does not have (or cannot be a subscription at all); anything else is a fault.
     */
    public record Failure(DigestSubscription subscription, RuntimeException error) {
        public Failure {
            Objects.requireNonNull(subscription, "subscription");
            Objects.requireNonNull(error, "error");
        }
    }
}
