package planbot.discord.rest;

import java.time.Duration;
import java.util.Objects;
import planbot.delivery.SendResult;

/**
 * A Discord REST call that did not succeed, already judged: {@link #result()} is {@link SendResult.RetryLater} (429,
 * 5xx, timeout, network) or {@link SendResult.Permanent} (asking again gives the same answer), with a reason an
 * admin can act on that never holds a token. {@link DiscordRest} makes these; the outbox's messenger hands
 * {@link #result()} to the dispatcher, which owns every retry.
 */
public final class DiscordFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Discord's JSON error codes planbot tells apart. */
    public static final int UNKNOWN_CHANNEL = 10003;
    public static final int UNKNOWN_MESSAGE = 10008;
    public static final int UNKNOWN_USER = 10013;
    public static final int UNKNOWN_INTERACTION = 10062;
    public static final int INVALID_WEBHOOK_TOKEN = 50027;
    public static final int MISSING_ACCESS = 50001;
    public static final int CANNOT_DM_USER = 50007;
    public static final int MISSING_PERMISSIONS = 50013;
    public static final int INVALID_FORM_BODY = 50035;

    private final transient SendResult result;
    private final int status;
    private final int code;

    /**
     * @param status the HTTP status, or 0 when there was no answer (timeout, network, refused before sending)
     * @param code   Discord's JSON error code ({@code 50007}), or 0 when the answer had none
     */
    public DiscordFailure(SendResult result, int status, int code) {
        super(reason(result), null, false, false);
        if (result instanceof SendResult.Sent) {
            throw new IllegalArgumentException("a failure cannot be a success");
        }
        this.result = result;
        this.status = status;
        this.code = code;
    }

    static DiscordFailure permanent(int status, int code, String reason) {
        return new DiscordFailure(new SendResult.Permanent(reason), status, code);
    }

    static DiscordFailure retryLater(int status, int code, Duration retryAfter, String reason) {
        return new DiscordFailure(new SendResult.RetryLater(retryAfter, reason), status, code);
    }

    /** RetryLater or Permanent. */
    public SendResult result() {
        return result;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** Discord's JSON error code, or 0. */
    public int code() {
        return code;
    }

    /** True for RetryLater: the same call may succeed later. */
    public boolean isTransient() {
        return result instanceof SendResult.RetryLater;
    }

    private static String reason(SendResult r) {
        Objects.requireNonNull(r, "result");
        return r instanceof SendResult.RetryLater ? ((SendResult.RetryLater) r).reason() : ((SendResult.Permanent) r).reason();
    }
}
