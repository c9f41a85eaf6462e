package planbot.platform;

/** A platform could not start; the message is for the operator, names the setting to fix and holds no secret. */
public final class PlatformStartException extends Exception {
    public PlatformStartException(String message) {
        super(message);
    }
}
