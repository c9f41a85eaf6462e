package planbot.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one send: the three answers a {@link Messenger} may give. A messenger maps its platform's
 * errors onto these (Slack's HTTP 429 with {@code Retry-After} is {@link RetryLater}, {@code channel_not_found}
 * is {@link Permanent}); reasons are sentences an admin can act on, never a stack trace and never a token.
 */
public sealed interface SendResult permits SendResult.Sent, SendResult.RetryLater, SendResult.Permanent {

    /**
     * Posted.
     *
     * @param platformMessageId the platform's id of the message, unique across the platform as stored (a messenger
     *                          whose platform's ids are unique per channel only, like Slack's {@code ts}, qualifies
     *                          them with the channel): a reply in its thread is mapped back to the task by it
     */
    record Sent(String platformMessageId) implements SendResult {
        public Sent {
            Objects.requireNonNull(platformMessageId, "platformMessageId");
            if (platformMessageId.isBlank()) {
                throw new IllegalArgumentException("a sent message needs the platform's id");
            }
        }
    }

    /**
     * Not posted, for now: a rate limit, a timeout, a 5xx. The dispatcher tries again later.
     *
     * @param retryAfter how long the platform asked us to wait (Slack's {@code Retry-After}); null when it did not
     *                   say, and the dispatcher's backoff decides
     * @param reason     what went wrong
     */
    record RetryLater(Duration retryAfter, String reason) implements SendResult {
        public RetryLater {
            Objects.requireNonNull(reason, "reason");
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter cannot be negative: " + retryAfter);
            }
        }
    }

    /** Never going to be posted as it is (no such channel, the bot was removed, the message is refused). */
    record Permanent(String reason) implements SendResult {
        public Permanent {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
