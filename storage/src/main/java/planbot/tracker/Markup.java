package planbot.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cells exported from web pages and Word tables carry HTML: {@code <b>PLANNING ENFORCEMENT</b>},
 * {@code &amp;}. Readers want the text; the review tracker also marks remarks inside a cell as a bold
 * parenthesised segment ({@code <b>(DUPLICATE OF 005.)</b>}), which belong in the notes, not the description.
 * The exporter {@link #escape escapes} the rare text that would read as markup, so that it reads back as written.
 * Stateless and thread-safe.
 */
public final class Markup {
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
    // Only things shaped like tags, so that "a < b" or "<5 days" in a cell survive.
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]*)?/?>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});");
    private static final Pattern INLINE_NOTE = Pattern.compile(
            "\\s*<(b|strong)>\\s*\\((.*?)\\)\\s*</\\1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("pound", "£"), Map.entry("euro", "€"),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("hellip", "…"), Map.entry("bull", "•"));

    private Markup() {
    }

    /** A cell's text: tags removed, entities decoded, non-breaking spaces made plain, ends trimmed. */
    public static String plain(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = raw;
        if (s.indexOf('<') >= 0) {
            s = TAG.matcher(BREAK.matcher(s).replaceAll("\n")).replaceAll("");
        }
        if (s.indexOf('&') >= 0) {
            s = decodeEntities(s);
        }
        return s.replace('\u00a0', ' ').strip();
    }

    /**
     * The cell to write for a text so that {@link #plain} gives the text back: text holding something shaped like
     * a tag or an entity ({@code <b>}, {@code &amp;}, {@code &#163;}) has every {@code &} and {@code <} written
     * as an entity; any other text, "Fees & income" and "<5 days" included, is written as it is.
     */
    public static String escape(String text) {
        if (text == null || plain(text).equals(text.replace('\u00a0', ' ').strip())) {
            return text;
        }
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }

    /** A cell's text with its inline notes taken out, and the notes (without their parentheses). */
    public record Split(String text, List<String> notes) {
    }

    public static Split withoutInlineNotes(String raw) {
        if (raw == null || raw.indexOf('<') < 0) {
            return new Split(plain(raw), List.of());
        }
        List<String> notes = new ArrayList<>();
        Matcher m = INLINE_NOTE.matcher(raw);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            String note = plain(m.group(2));
            if (!note.isEmpty()) {
                notes.add(note);
            }
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        return new Split(plain(rest.toString()), notes);
    }

    private static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.startsWith("#")) {
                boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
                int code = Integer.parseInt(hex ? name.substring(2) : name.substring(1), hex ? 16 : 10);
                value = Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : m.group();
            } else {
                value = NAMED.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
