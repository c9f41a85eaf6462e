package planbot.command;

/**
 * Quotes a piece of what the user typed inside a message back to them ("I don't know `stats`").
 *
 * <p>Only for echoing inside our own sentences, never for data: the result is short (at most
 * {@value #MAX_CODE_POINTS} characters, then "…"), has no control or invisible format characters (so a
 * right-to-left mark cannot reorder our sentence), no lone surrogates, and no backticks (so it cannot
 * close the code span). Renderers must still escape platform markup such as {@code <!channel>}.
 */
final class Quote {
    static final int MAX_CODE_POINTS = 40;

    private Quote() {
    }

    static String of(String typed) {
        return "`" + clean(typed) + "`";
    }

    /**
     * Typed text to put inside a suggested command: on one line (runs of whitespace become one space),
     * otherwise cleaned as {@link #clean}; null when it is too long to suggest.
     */
    static String oneLine(String typed) {
        StringBuilder b = new StringBuilder();
        for (Tokens.Token t : Tokens.split(typed, 0, MAX_CODE_POINTS)) {
            b.append(b.length() == 0 ? "" : " ").append(t.text());
        }
        String s = b.toString();
        if (s.codePointCount(0, s.length()) > MAX_CODE_POINTS) {
            return null;
        }
        String cleaned = clean(s);
        return cleaned.endsWith("…") || cleaned.equals("…") ? null : cleaned;
    }

    static String clean(String typed) {
        StringBuilder b = new StringBuilder();
        int count = 0;
        String s = Tokens.strip(typed);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT) {
                cp = Tokens.isSpace(cp) ? ' ' : -1;
            } else if (type == Character.SURROGATE) {
                cp = '\uFFFD';
            } else if (cp == '`') {
                cp = '\'';
            }
            if (cp < 0) {
                continue;
            }
            if (count == MAX_CODE_POINTS) {
                b.append('…');
                break;
            }
            b.appendCodePoint(cp);
            count++;
        }
        String out = b.toString();
        return out.isBlank() ? "…" : out;
    }
}
