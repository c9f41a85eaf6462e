package planbot.slack;

/**
 * Slack's text rules for what users typed: {@link #escape} makes it inert ({@code <!channel>}, {@code <@U123>}
 * and {@code <https://…|label>} cannot ping or link once {@code &}, {@code <} and {@code >} are entities, as
 * long as nothing sends {@code link_names} or {@code parse=full}), and {@link #cut} shortens text to a limit
 * without breaking a surrogate pair or one of those entities. Pure and thread-safe.
 */
public final class SlackText {
    /** What a cut text ends with. */
    public static final String ELLIPSIS = "…";
    /** The longest entity {@link #escape} writes: {@code &amp;}. */
    private static final int LONGEST_ENTITY = 5;

    private SlackText() {
    }

    /** {@code &} → {@code &amp;}, {@code <} → {@code &lt;}, {@code >} → {@code &gt;}; nothing else changes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * What a user typed, from Slack's wire form: Slack sends a literal {@code &}, {@code <} and {@code >} in
     * message and command text as {@code &amp;}, {@code &lt;} and {@code &gt;} (its own markup, such as a
     * mention {@code <@U123|sam>}, keeps real angle brackets). The inverse of {@link #escape}, so that a note
     * typed as "legal & finance" is stored as typed and shown as typed.
     */
    public static String unescape(String wire) {
        if (wire == null) {
            return null;
        }
        // an email address Slack linked (<mailto:sam@x.gov.uk|sam@x.gov.uk>) is the address as typed
        String text = wire.indexOf("<mailto:") < 0 ? wire : MAILTO.matcher(wire).replaceAll("$1");
        if (text.indexOf('&') < 0) {
            return text;
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static final java.util.regex.Pattern MAILTO = java.util.regex.Pattern.compile("<mailto:([^|>]+)(?:\\|[^>]*)?>");

    /** {@link #escape} then {@link #cut}: user text made safe and fitted to a field of {@code max} chars. */
    public static String escapeAndCut(String text, int max) {
        return cut(escape(text), max);
    }

    /**
     * The text itself when it has at most {@code max} chars (UTF-16 units, as Slack counts), else its longest
     * start that, with {@link #ELLIPSIS} added, fits: never ending in half a surrogate pair or inside an entity
     * ({@code &amp;}, {@code &lt;}, {@code &gt;}).
     */
    public static String cut(String text, int max) {
        if (max < ELLIPSIS.length()) {
            throw new IllegalArgumentException("cannot cut to fewer than " + ELLIPSIS.length() + " chars: " + max);
        }
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int amp = text.lastIndexOf('&', end - 1);
        if (amp >= 0 && amp >= end - LONGEST_ENTITY + 1) {
            int semi = text.indexOf(';', amp);
            if (semi >= end) {
                end = amp; // the entity would be cut: leave it out whole
            }
        }
        return text.substring(0, end) + ELLIPSIS;
    }
}
