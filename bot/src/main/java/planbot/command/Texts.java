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

    /** What a message with {@link #hasUnstorableChar unstorable} characters is told. */
    static final String UNSTORABLE = "There's a broken character in that message (half of an emoji, or a NUL), so I "
            + "can't keep it as typed. Please type it again.";

    /**
     * True when the text holds a character no database stores as typed: a lone UTF-16 surrogate (half of a
     * pair; UTF-8 has no form for it, so SQLite writes {@code ?}) or NUL (PostgreSQL refuses it in text).
     * Such text is refused rather than stored altered.
     */
    static boolean hasUnstorableChar(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
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
