package planbot.teams.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import planbot.domain.Rag;
import planbot.reply.PlainTextRenderer;
import planbot.teams.TeamsText;

/**
 * The pieces every Teams card is made of, and the size guard. A {@link Card} is a message activity under
 * construction whose size in bytes is known at every step: each element goes in only if the whole activity still
 * fits {@link #MAX_BYTES} with the room the caller keeps for what must follow (an "and N more" line, an outcome), so a
 * card never reaches Teams' limit however long the plan's texts are. Not thread-safe (a card is built by one thread);
 * the static helpers are.
 */
final class Cards {
    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Teams renders Adaptive Cards up to 1.5 for bots on desktop, web and mobile (Microsoft's Copilot Studio guidance:
     * "Teams is limited to version 1.5"); nothing here needs more than 1.2 (ActionSet) and 1.3 (input validation).
     */
    static final String VERSION = "1.5";
    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    /** Teams refuses a message over about 28 KB; the whole activity, as UTF-8 JSON, stays under this. */
    static final int MAX_BYTES = 27_000;
    /** The activity's own text is a one-line summary (Teams shows it above the card, and in notifications). */
    static final int MAX_SUMMARY = 300;

    private Cards() {
    }

    /** A message activity with one Adaptive Card, its size tracked as elements are added. */
    static final class Card {
        private final ObjectNode activity = JSON.createObjectNode();
        private final ObjectNode card;
        private final ArrayNode body;
        private int bytes;

        /** @param summary the activity's plain text, raw: made safe and cut here */
        Card(String summary) {
            activity.put("type", "message");
            activity.put("text", TeamsText.safe(cut(summary.replaceAll("\\s+", " ").strip(), MAX_SUMMARY)));
            ObjectNode attachment = activity.putArray("attachments").addObject();
            attachment.put("contentType", CONTENT_TYPE);
            card = attachment.putObject("content");
            card.put("type", "AdaptiveCard").put("$schema", SCHEMA).put("version", VERSION);
            body = card.putArray("body");
            bytes = size(activity);
        }

        /** Adds {@code element} to the body if it fits with {@code reserve} bytes to spare; says whether it did. */
        boolean add(JsonNode element, int reserve) {
            return insert(body.size(), element, reserve);
        }

        /** As {@link #add}, with nothing kept in reserve. */
        boolean add(JsonNode element) {
            return add(element, 0);
        }

        /** Puts {@code element} at {@code index} of the body if it fits with {@code reserve} to spare. */
        boolean insert(int index, JsonNode element, int reserve) {
            int more = size(element) + 1;
            if (bytes + more + reserve > MAX_BYTES) {
                return false;
            }
            body.insert(index, element);
            bytes += more;
            return true;
        }

        int bodySize() {
            return body.size();
        }

        /**
         * The finished activity. The running count over-estimates (a comma per element), so this always holds; should
         * a card ever measure over the limit, its body is replaced by the summary rather than sent to be refused.
         */
        ObjectNode activity() {
            if (size(activity) > MAX_BYTES) {
                body.removeAll();
                body.add(text(activity.path("text").asText(), Style.PLAIN));
            }
            return activity;
        }
    }

    /** How a TextBlock looks: LINE is one of a list, close under the one above. */
    enum Style { PLAIN, HEADING, BOLD, SUBTLE, LINE }

    /** A wrapped TextBlock of already-escaped markdown. */
    static ObjectNode text(String markdown, Style style) {
        ObjectNode t = JSON.createObjectNode();
        t.put("type", "TextBlock").put("text", markdown).put("wrap", true);
        switch (style) {
            case HEADING:
                t.put("size", "Medium").put("weight", "Bolder");
                break;
            case BOLD:
                t.put("weight", "Bolder");
                break;
            case SUBTLE:
                t.put("isSubtle", true).put("spacing", "None");
                break;
            case LINE:
                t.put("spacing", "None");
                break;
            default:
                break;
        }
        return t;
    }

    /** A TextBlock in one of Adaptive Cards' colours: Good, Warning, Attention, Accent. */
    static ObjectNode text(String markdown, Style style, String color) {
        ObjectNode t = text(markdown, style);
        if (color != null) {
            t.put("color", color);
        }
        return t;
    }

    /** A FactSet; {@code pairs} alternate title and value, both raw (escaped here). */
    static ObjectNode facts(String... pairs) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "FactSet");
        ArrayNode list = f.putArray("facts");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                list.addObject().put("title", md(pairs[i], 80)).put("value", md(pairs[i + 1], 500));
            }
        }
        return f;
    }

    /** A Container of {@code items}, set apart from what is above it. */
    static ObjectNode container(JsonNode... items) {
        ObjectNode c = JSON.createObjectNode();
        c.put("type", "Container").put("separator", true);
        ArrayNode list = c.putArray("items");
        for (JsonNode item : items) {
            if (item != null) {
                list.add(item);
            }
        }
        return c;
    }

    /** The RAG colour as the symbol every line starts with (Slack's circles, so both platforms look alike). */
    static String symbol(Rag rag) {
        switch (rag) {
            case RED: return "🔴";
            case AMBER: return "🟠";
            case GREEN: return "🟢";
            case BLUE: return "🔵";
            case GREY: return "⚪";
            default: return "⚫";
        }
    }

    /** The RAG colour as an Adaptive Cards text colour; null for the default. */
    static String color(Rag rag) {
        switch (rag) {
            case RED: return "Attention";
            case AMBER: return "Warning";
            case GREEN: return "Good";
            case BLUE: return "Accent";
            default: return null;
        }
    }

    /**
     * User text as TextBlock markdown that shows as typed: cut to {@code max} characters, control characters made
     * visible, the markdown Teams acts on ({@code \ * _ [ ] `}) escaped so that a title cannot inject a link or
     * emphasis, and line breaks doubled (a single one is no break in a TextBlock). {@code <at>} needs a mention entity
     * to mention anyone in a card, and planbot sends none, so it shows as typed.
     */
    static String md(String raw, int max) {
        String s = PlainTextRenderer.visibleControls(cut(raw == null ? "" : raw.replace("\r\n", "\n").strip(), max));
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\n\n");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** User text on one line (whitespace runs folded), escaped as {@link #md}. */
    static String md1(String raw, int max) {
        return md(raw == null ? "" : raw.replaceAll("\\s+", " "), max);
    }

    /** {@code s} cut to at most {@code max} characters, ending with "…" when cut; never splits a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    /** The UTF-8 size of a node as JSON. */
    static int size(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
        }
    }
}
