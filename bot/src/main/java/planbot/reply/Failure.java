package planbot.reply;

import java.util.List;
import java.util.Objects;

/**
 * The command was not done, with a reason the user can act on and, where it helps, suggestions
 * ("Did you mean EN003/01?"). Never carries exception text.
 */
public record Failure(String message, List<String> suggestions) implements Reply {
    public Failure {
        Objects.requireNonNull(message, "message");
        suggestions = List.copyOf(suggestions);
    }

    public static Failure of(String message) {
        return new Failure(message, List.of());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
