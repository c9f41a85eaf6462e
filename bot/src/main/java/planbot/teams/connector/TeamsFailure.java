package planbot.teams.connector;

import java.util.Objects;
import planbot.delivery.SendResult;

/**
 * A call to the Bot Connector (or for its token) that did not succeed, already judged: {@link #result()} is
 * {@link SendResult.RetryLater} (429, 5xx, timeout, network) or {@link SendResult.Permanent} (the answer will not
 * change by asking again), with a reason an admin can act on that never holds a token or a secret.
 */
public final class TeamsFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SendResult result;
    private final int status;
    private final String code;

    /**
     * @param status the HTTP status, or 0 when there was no answer (timeout, network, refused before sending)
     * @param code   the Connector's error code ({@code BotNotInConversationRoster}), or a short word of ours
     *               ({@code http_503}, {@code io}, {@code untrusted_service_url})
     */
    public TeamsFailure(SendResult result, int status, String code) {
        super(reason(result), null, false, false);
        if (result instanceof SendResult.Sent) {
            throw new IllegalArgumentException("a failure cannot be a success");
        }
        this.result = result;
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
    }

    /** RetryLater or Permanent. */
    public SendResult result() {
        return result;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The Connector's error code, or {@code http_NNN}, {@code io}, {@code timeout}, {@code untrusted_service_url}. */
    public String code() {
        return code;
    }

    public boolean isTransient() {
        return result instanceof SendResult.RetryLater;
    }

    private static String reason(SendResult r) {
        return r instanceof SendResult.RetryLater ? ((SendResult.RetryLater) r).reason() : ((SendResult.Permanent) r).reason();
    }
}
