package planbot.cli;

/** Something the user can fix (a missing file, a bad option, an unknown plan). Printed as one line, exit 1. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
