package planbot.command;

import java.util.Objects;

/** Checks shared by the records' compact constructors. */
final class Texts {
    private Texts() {
    }

    /** The text without surrounding whitespace; throws when it is null or blank. */
    static String required(String text, String what) {
        Objects.requireNonNull(text, what);
        String s = Tokens.strip(text);
        if (s.isEmpty()) {
            throw new IllegalArgumentException(what + " cannot be blank");
        }
        return s;
    }

    /** The text without surrounding whitespace, or null when it is null or blank. */
    static String optional(String text) {
        if (text == null) {
            return null;
        }
        String s = Tokens.strip(text);
        return s.isEmpty() ? null : s;
    }
}
