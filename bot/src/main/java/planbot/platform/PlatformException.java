package planbot.platform;

/**
 * A platform could not do what was asked (a missing scope, a refused token, no answer in time). The message is a
 * sentence for an admin, naming what to fix, and holds no secret.
 */
public final class PlatformException extends Exception {
    public PlatformException(String message) {
        super(message);
    }
}
