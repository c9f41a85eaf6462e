package planbot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import planbot.reply.PlainTextRenderer;

/**
 * Teams text in and out, for the Teams platform and its renderers. In ({@link #neutral}): an activity's text and
 * mention entities become planbot's neutral text — the bot's own mention removed, other mentions in the neutral
 * {@code <@ID|Name>} / {@code <#ID|Name>} form, Teams' HTML undone. Out ({@link #safe}): user text made safe for an
 * activity's {@code text}, which Teams reads as HTML, so that it cannot mention anyone or inject markup. Stateless
 * and thread-safe; never throws for odd input.
 */
public final class TeamsText {
    /** The few HTML tags Teams wraps typed text in; anything else that looks like a tag is text the user typed. */
    private static final Pattern TAG = Pattern.compile(
            "</?(?:p|div|span|br|b|i|u|s|em|strong|font|pre|code|blockquote|ol|ul|li|h[1-6]|a|img|at)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BREAK = Pattern.compile("<br\\s*/?>|</p>|</div>|</li>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});");
    /** Private-use characters around a mention's number while the HTML is undone, so that no tag rule touches it. */
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private TeamsText() {
    }

    /**
     * The neutral text of an activity: each {@code mention} entity's {@code text} (as it appears in the activity, e.g.
     * {@code <at>planbot dev</at>}) is replaced — by nothing when it mentions {@code botId} (whatever the display name,
     * even glued to the command), by {@code <#ID|Name>} for a channel, by {@code @Name} for a tag or team, and by
     * {@code <@ID|Name>} for a person, ID being the entity's {@code mentioned.aadObjectId} when it carries one, else
     * its {@code mentioned.id}. Then Teams' HTML is undone and whitespace trimmed.
     *
     * @param activityText the activity's {@code text}; may be null
     * @param entities     its {@code entities} array; may be null or missing
     * @param botId        our id in the conversation ({@code recipient.id})
     */
    public static String neutral(String activityText, JsonNode entities, String botId) {
        if (activityText == null) {
            return "";
        }
        String text = activityText;
        List<String> mentions = new ArrayList<>();
        if (entities != null && entities.isArray()) {
            for (JsonNode e : entities) {
                String at = e.path("text").asText("");
                if (!"mention".equals(e.path("type").asText()) || at.isEmpty() || !text.contains(at)) {
                    continue;
                }
                JsonNode who = e.path("mentioned");
                String id = who.path("id").asText("");
                String replacement;
                if (!id.isEmpty() && id.equals(botId)) {
                    replacement = " ";
                } else {
                    replacement = " " + OPEN + mentions.size() + CLOSE + " ";
                    mentions.add(neutralMention(who, at));
                }
                text = text.replace(at, replacement);
            }
        }
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = unescapeHtml(text);
        for (int i = 0; i < mentions.size(); i++) {
            text = text.replace(OPEN + Integer.toString(i) + CLOSE, mentions.get(i));
        }
        return tidy(text);
    }

    /** One mention in the neutral form; its name is the entity's, or the text between the {@code <at>} tags. */
    private static String neutralMention(JsonNode who, String at) {
        String name = who.path("name").asText("");
        if (name.isBlank()) {
            name = unescapeHtml(TAG.matcher(at).replaceAll(""));
        }
        name = name.replace('<', ' ').replace('>', ' ').replace('|', ' ').strip();
        String kind = who.path("conversationIdentityType").asText("");
        String id = who.path("aadObjectId").asText("");
        if (id.isEmpty()) {
            id = who.path("id").asText("");
        }
        if ("channel".equalsIgnoreCase(kind) && !id.isEmpty()) {
            return "<#" + id + "|" + name + ">";
        }
        if ("tag".equalsIgnoreCase(kind) || "team".equalsIgnoreCase(kind) || id.isEmpty()) {
            return "@" + name;
        }
        return "<@" + id + "|" + name + ">";
    }

    /** HTML character references undone; {@code &nbsp;} becomes a plain space. Unknown names are left as typed. */
    static String unescapeHtml(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#")) {
            try {
                int cp = name.startsWith("#x") || name.startsWith("#X")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return cp == 0xA0 ? " " : Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : whole;
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            default: return whole;
        }
    }

    /** Spaces collapsed within each line, lines trimmed, blank lines at either end dropped. */
    private static String tidy(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.replace('\u00A0', ' ').replace("\r\n", "\n").split("\n", -1)) {
            String l = line.replaceAll("[ \\t\\u2007\\u202F]+", " ").strip();
            if (out.length() > 0 || !l.isEmpty()) {
                out.append(l).append('\n');
            }
        }
        return out.toString().strip();
    }

    /**
     * User text as an activity's {@code text} may carry it. Teams reads that text as markdown with some HTML, so
     * {@code &}, {@code <}, {@code >} are escaped as HTML (then {@code <at>Sam</at>} typed into a task title shows as
     * typed and mentions nobody; a mention also needs an entity, which planbot never emits for user text), the
     * markdown of links and emphasis ({@code \ * _ [ ] `}) with a backslash (a title cannot inject a link), and control
     * characters are shown as symbols.
     */
    public static String safe(String raw) {
        String s = PlainTextRenderer.visibleControls(raw == null ? "" : raw);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '\\': case '*': case '_': case '[': case ']': case '`': out.append('\\').append(c); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
