package planbot.command;

import java.util.Objects;
import java.util.Optional;

/**
 * A reference to an action or task exactly as the user typed it ({@code ENF003}, {@code enforcement 3},
 * {@code EN3/1}). Resolving it against the plan is the command service's job; {@link #form()} gives the
 * normalised shape a resolver compares.
 *
 * @param text the ref as typed, without surrounding whitespace; never blank
 */
public record RefText(String text) {
    public RefText {
        Objects.requireNonNull(text, "text");
        text = Tokens.strip(text);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a ref cannot be blank");
        }
    }

    /** The normalised form, or empty when the text does not look like a ref (see {@link RefSyntax}). */
    public Optional<NormalisedRef> form() {
        return RefSyntax.parse(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
