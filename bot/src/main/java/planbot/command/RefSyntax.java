package planbot.command;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Recognises typed refs and normalises them for a resolver to compare (see {@link NormalisedRef}).
 *
 * <p>A ref is one to four letter words, then a number, then optionally {@code /} and a task number:
 * {@code ENF003}, {@code ENFORCEMENT 003}, {@code enforcement 3}, {@code EN3}, {@code EN003/01},
 * {@code en3/1}, {@code IT INFRASTRUCTURE 012}, {@code PRE-APP 001}. Letters are ASCII; words may be
 * separated by spaces, hyphens or underscores; trailing sentence punctuation ({@code EN3?}) and invisible
 * format characters are ignored. Anything else is not a ref. Stateless and thread-safe; never throws.
 */
public final class RefSyntax {
    static final int MAX_WORDS = 4;
    private static final int MAX_DIGITS = 6;
    private static final int MAX_LENGTH = 100;

    private RefSyntax() {
    }

    /** True when the text has the shape of an action or task ref. */
    public static boolean looksLikeRef(String typed) {
        return parse(typed).isPresent();
    }

    /** The normalised form of a typed ref, or empty when the text is not shaped like one. */
    public static Optional<NormalisedRef> parse(String typed) {
        if (typed == null || typed.length() > MAX_LENGTH * 4) {
            return Optional.empty();
        }
        String s = clean(typed);
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        java.util.List<String> words = new java.util.ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n && !isDigit(s.charAt(i))) {
            char c = s.charAt(i);
            if (isLetter(c)) {
                int start = i;
                while (i < n && isLetter(s.charAt(i))) {
                    i++;
                }
                if (words.size() == MAX_WORDS) {
                    return Optional.empty();
                }
                words.add(s.substring(start, i).toUpperCase(Locale.ROOT));
            } else if (c == ' ' || c == '_' || Tokens.isDash(c)) {
                i++;
            } else {
                return Optional.empty();
            }
        }
        if (words.isEmpty() || i == n) {
            return Optional.empty();
        }
        int numberStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        int number = number(s, numberStart, i);
        if (number < 0) {
            return Optional.empty();
        }
        if (i == n) {
            return Optional.of(new NormalisedRef(NormalisedRef.Kind.ACTION, words, number, OptionalInt.empty()));
        }
        if (s.charAt(i) != '/') {
            return Optional.empty();
        }
        int taskStart = ++i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        int task = number(s, taskStart, i);
        if (task < 0 || i != n) {
            return Optional.empty();
        }
        return Optional.of(new NormalisedRef(NormalisedRef.Kind.TASK, words, number, OptionalInt.of(task)));
    }

    /** Without invisible format characters, surrounding space and trailing sentence punctuation; spaces folded to ' '. */
    private static String clean(String typed) {
        StringBuilder b = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); ) {
            int cp = typed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.FORMAT) {
                continue;
            }
            b.appendCodePoint(Tokens.isSpace(cp) ? ' ' : cp);
        }
        int end = b.length();
        while (end > 0 && (b.charAt(end - 1) == ' ' || ".,;:!?".indexOf(b.charAt(end - 1)) >= 0)) {
            end--;
        }
        int start = 0;
        while (start < end && b.charAt(start) == ' ') {
            start++;
        }
        return b.substring(start, end);
    }

    /** The value of the digits at [start, end), or -1 when there are none or too many. */
    private static int number(String s, int start, int end) {
        while (start < end - 1 && s.charAt(start) == '0') {
            start++;
        }
        if (start >= end || end - start > MAX_DIGITS) {
            return -1;
        }
        return Integer.parseInt(s, start, end, 10);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
