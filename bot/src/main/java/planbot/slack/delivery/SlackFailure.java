package planbot.slack.delivery;

import java.util.Objects;
import planbot.delivery.SendResult;

/**
 * A Web API call that did not succeed, already judged: {@link #result()} is {@link SendResult.RetryLater} (rate
 * limited, 5xx, timeout, network) or {@link SendResult.Permanent} (Slack's answer will not change by asking
 * again), with a reason an admin can act on that never holds a token. Thrown by {@link SlackPoster}.
 */
public final class SlackFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SendResult result;
    private final String error;

    SlackFailure(SendResult result, String error) {
        super(reason(result), null, false, false);
        if (result instanceof SendResult.Sent) {
            throw new IllegalArgumentException("a failure cannot be a success");
        }
        this.result = result;
        this.error = Objects.requireNonNull(error, "error");
    }

    /** RetryLater or Permanent. */
    public SendResult result() {
        return result;
    }

    /** Slack's error code ({@code channel_not_found}), or {@code http_503}, {@code ratelimited}, {@code io}. */
    public String error() {
        return error;
    }

    public boolean isTransient() {
        return result instanceof SendResult.RetryLater;
    }

    private static String reason(SendResult r) {
        return r instanceof SendResult.RetryLater ? ((SendResult.RetryLater) r).reason() : ((SendResult.Permanent) r).reason();
    }
}
