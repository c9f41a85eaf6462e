package planbot.discord.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import planbot.reply.PlainTextRenderer;

/**
 * User text made safe for Discord, and Discord's mention syntax made neutral.
 *
 * <p>Discord renders markdown in message content, embed titles, descriptions and fields, and a backslash before any
 * ASCII punctuation shows that character as it is (the backslash itself is not shown). {@link #escape} relies on that
 * for formatting, masked links and bare links ({@code https\://…} is not linked); mentions are broken with a zero-width
 * space ({@code @\u200Beveryone}, {@code <\u200B@123>}) so that they neither ping nor even render as a mention, on top
 * of the empty {@code allowed_mentions} every body carries.
 *
 * <p>Called by the renderers of this package and by the Discord inbound side ({@link #neutral}). Stateless and
 * thread-safe; never throws on any string (null is taken as empty).
 */
public final class DiscordText {
    /** Zero-width space: invisible, but enough to stop Discord reading a mention. */
    static final char ZWSP = '\u200B';
    /** Characters that format, quote, head, list, spoil or mask-link ({@code [text](url)}) somewhere in Discord markdown. */
    private static final String MARKDOWN = "\\*_~`|>#-+[]";
    private static final Pattern NUMBERED = Pattern.compile("(?m)^(\\s*\\d+)\\.");
    private static final Pattern GROUP = Pattern.compile("(?i)@(everyone|here)");
    private static final Pattern MEMBER = Pattern.compile("<@!?(\\d{1,25})>");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d{1,25})>");
    private static final Pattern TYPED_GROUP = Pattern.compile("(?<![\\w.@])@(everyone|here)(?![\\w@])");

    private DiscordText() {
    }

    /**
     * User text (a title, a note, a name) as Discord markdown that shows it as typed: markdown characters escaped, links
     * not clickable, mentions broken visibly, control characters shown as symbols. Line breaks are kept.
     */
    public static String escape(String userText) {
        String s = PlainTextRenderer.visibleControls(userText == null ? "" : userText.replace("\r\n", "\n"));
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (MARKDOWN.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == ':' && s.startsWith("//", i + 1)) {
                out.append("\\:");
            } else if (c == '<') {
                out.append('<').append(ZWSP);
            } else if (c == '@' && GROUP.matcher(s).region(i, s.length()).lookingAt()) {
                out.append('@').append(ZWSP);
            } else {
                out.append(c);
            }
        }
        return NUMBERED.matcher(out).replaceAll("$1\\\\.");
    }

    /**
     * Text for places Discord shows as plain text (button and option labels, footers): on one line, mentions broken as
     * in {@link #escape} (in case a client ever renders them there), nothing else changed; cut to {@code max}.
     */
    static String plain(String text, int max) {
        String s = PlainTextRenderer.visibleControls(text == null ? "" : text.replaceAll("\\s+", " ").strip());
        s = GROUP.matcher(s.replace("<", "<" + ZWSP)).replaceAll("@" + ZWSP + "$1");
        return cut(s, max);
    }

    /** {@link #escape escaped} and {@link #cut} to at most {@code max} characters. */
    static String escape(String userText, int max) {
        return cut(escape(userText), max);
    }

    /** User text on one line (whitespace runs folded), {@link #escape escaped} and cut to {@code max}. */
    static String line(String userText, int max) {
        return cut(escape(userText == null ? "" : userText.replaceAll("\\s+", " ").strip()), max);
    }

    /**
     * {@code s} cut to at most {@code max} characters (UTF-16 units, which is at least Discord's count), ending with
     * "…" when cut; never splits a surrogate pair or leaves an escaping backslash without what it escaped.
     */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        int slashes = 0;
        while (end - slashes > 0 && s.charAt(end - slashes - 1) == '\\') {
            slashes++;
        }
        if (slashes % 2 == 1) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    /**
     * Typed option text with Discord's mention syntax turned into planbot's neutral form (see
     * {@link planbot.platform.ChatPlatform#neutralMentions}): {@code <@123>} and {@code <@!123>} a person
     * {@code <@123>}, {@code <#789>} a channel as it is, a role {@code <@&456>} the group {@code <!role^456>},
     * {@code @everyone} and {@code @here} the groups {@code <!everyone>} and {@code <!here>} (not inside an email
     * address). Discord does not escape option values, so there is nothing else to undo.
     */
    public static String neutral(String typed) {
        if (typed == null) {
            return "";
        }
        String s = MEMBER.matcher(typed).replaceAll("<@$1>");
        s = ROLE.matcher(s).replaceAll("<!role^$1>");
        Matcher m = TYPED_GROUP.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<!" + m.group(1).toLowerCase(java.util.Locale.ROOT) + ">"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
