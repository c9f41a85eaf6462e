package planbot.domain;

/**
 * A request planbot refuses for a reason the person who made it can fix: an unknown role, plan or section, a
 * reminder setting out of range, an account already linked elsewhere, a file that names a task twice. The message
 * is a sentence written for that person (it names what is wrong and what would do), so a front end may show it as
 * it is: in chat as the user's failure, on the command line as one line. Anything else thrown is a fault of
 * planbot, logged and answered generically.
 *
 * <p>Thrown by services and parsers in every module; carries no stack trace (it is not a fault to debug) and no
 * cause, so nothing of a lower layer can reach a user through it.
 */
public class UserFixableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserFixableException(String message) {
        super(message, null, false, false);
    }
}
