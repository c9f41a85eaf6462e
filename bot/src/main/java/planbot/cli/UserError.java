package planbot.cli;

import planbot.domain.UserFixableException;

/**
 * Something the user of the command line can fix (a missing file, a bad option, an unknown plan), worded for the
 * command line. Like any {@link UserFixableException}, {@code Main} prints it as one line and exits 1.
 */
public class UserError extends UserFixableException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
