package planbot.command;

import java.util.ArrayList;
import java.util.Locale;

/**
 * Splits typed text into whitespace-separated tokens that remember where they came from, so that free
 * text (a note, a reason, a name) can be cut from the original string exactly as it was typed.
 *
 * <p>One left-to-right pass, no regular expressions: linear in the length of the text it looks at, and
 * it stops after {@code max} tokens. A mention in planbot's neutral form is one token even when its label has spaces
 * ({@code <@29:1ab|Oscar Other>}). "Whitespace" includes no-break and other Unicode spaces, which chat
 * clients like to insert; a run of nothing but invisible format characters (a stray right-to-left mark) is
 * not a token either.
 */
final class Tokens {

    /** A run of non-space characters at {@code [start, end)} of the text it was cut from. */
    record Token(String text, int start, int end) {

        /**
         * The token for matching keywords: lower-case, without invisible format characters (bidi marks,
         * zero-width spaces) and without trailing punctuation that people add to words ({@code done.},
         * {@code status:}, {@code 31st,}). A trailing {@code ?} is kept: {@code done?} is a question.
         */
        String word() {
            return Tokens.word(text);
        }

        boolean hasAsciiDigit() {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    return true;
                }
            }
            return false;
        }
    }

    private Tokens() {
    }

    static java.util.List<Token> split(String text, int from, int max) {
        java.util.List<Token> tokens = new ArrayList<>();
        int i = Math.max(0, from);
        int n = text.length();
        while (i < n && tokens.size() < max) {
            while (i < n && isSpace(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i >= n) {
                break;
            }
            int start = i;
            i = mentionEnd(text, i);
            while (i < n && !isSpace(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (!onlyFormat(text, start, i)) {
                tokens.add(new Token(text.substring(start, i), start, i));
            }
        }
        return tokens;
    }

    /** How far a mention's label may run: display names, not paragraphs. */
    private static final int MAX_MENTION = 200;

    /**
     * Where a neutral mention starting at {@code i} ends, spaces in its label and all ({@code <@29:1ab|Oscar Other>}: a
     * display name has spaces), or {@code i} when there is no mention there. Looks at most {@link #MAX_MENTION}
     * characters ahead, so a text of many unclosed {@code <@} stays linear.
     */
    private static int mentionEnd(String text, int i) {
        if (!(text.startsWith("<@", i) || text.startsWith("<#", i))) {
            return i;
        }
        int limit = Math.min(text.length(), i + MAX_MENTION);
        for (int j = i + 2; j < limit; j++) {
            char c = text.charAt(j);
            if (c == '>') {
                return j + 1;
            }
            if (c == '<' || c == '\n' || c == '\r') {
                return i;
            }
        }
        return i;
    }

    static java.util.List<Token> split(String text) {
        return split(text, 0, Integer.MAX_VALUE);
    }

    /** True when [start, end) holds nothing but invisible format characters (bidi marks, zero-width spaces): not a word. */
    private static boolean onlyFormat(String text, int start, int end) {
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            if (Character.getType(cp) != Character.FORMAT) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** True when the text has nothing but spaces (in the wide sense of {@link #isSpace}). */
    static boolean isBlank(String text) {
        return text == null || split(text, 0, 1).isEmpty();
    }

    /** The text without surrounding spaces (in the wide sense of {@link #isSpace}); inner text untouched. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    static String word(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.getType(cp) != Character.FORMAT) {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        int end = b.length();
        while (end > 0 && ",.;:!".indexOf(b.charAt(end - 1)) >= 0) {
            end--;
        }
        b.setLength(end);
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** True for a token that only separates one part of a sentence from the next: -, –, —, :, ;, or ,. */
    static boolean isSeparator(String tokenText) {
        if (tokenText.isEmpty()) {
            return false;
        }
        for (int i = 0; i < tokenText.length(); i++) {
            if (!isDash(tokenText.charAt(i)) && ":;,".indexOf(tokenText.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isDash(char c) {
        return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
    }
}
