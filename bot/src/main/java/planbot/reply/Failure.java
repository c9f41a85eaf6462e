package planbot.reply;

import java.util.List;
import java.util.Objects;

/**
 * The command was not done. Either it is the user's to fix ({@link Kind#USER}): a reason they can act on and,
 * where it helps, suggestions ("Did you mean EN003/01?"); or it failed on our side ({@link Kind#OURS}): always the
 * one {@link #GENERIC} sentence, the detail having gone to the log. Never carries exception text.
 *
 * @param kind        whose it is to fix
 * @param message     the sentence the user sees
 * @param suggestions what they may have meant; empty for our failures
 */
public record Failure(Kind kind, String message, List<String> suggestions) implements Reply {

    /** What every platform says when something failed on our side: nothing of the cause reaches chat. */
    public static final String GENERIC = "Sorry, something went wrong on my side. Please try again in a minute.";

    /** Whose a failure is to fix. */
    public enum Kind {
        /** The user can act on it: a bad ref, a setting out of range. */
        USER,
        /** The user may not do it (their role, or the task is not theirs): shown as USER is; the REST API answers 403. */
        DENIED,
        /** A fault of planbot or what it depends on: logged at ERROR where it was caught, answered with {@link #GENERIC}. */
        OURS
    }

    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        suggestions = List.copyOf(suggestions);
        if (kind == Kind.OURS && (!message.equals(GENERIC) || !suggestions.isEmpty())) {
            throw new IllegalArgumentException("a failure on our side says only the generic sentence");
        }
    }

    /** The user's to fix, with suggestions. */
    public Failure(String message, List<String> suggestions) {
        this(Kind.USER, message, suggestions);
    }

    /** The user's to fix. */
    public static Failure of(String message) {
        return new Failure(Kind.USER, message, List.of());
    }

    /** The user may not do this. */
    public static Failure denied(String message) {
        return new Failure(Kind.DENIED, message, List.of());
    }

    /** Ours: the generic sentence. The caller has logged the cause. */
    public static Failure ours() {
        return new Failure(Kind.OURS, GENERIC, List.of());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
