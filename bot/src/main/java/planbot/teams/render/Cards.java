package planbot.teams.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import planbot.domain.Rag;
import planbot.reply.PlainTextRenderer;
import planbot.teams.TeamsText;

/**
 * The pieces every Teams card is made of, and the size guard. A {@link Card} is a message activity under
 * construction whose size is known at every step: each element goes in only if the whole activity still fits both
 * limits ({@link #MAX_BYTES} of UTF-8, {@link #MAX_UTF16_BYTES} of UTF-16) with the room the caller keeps for what must
 * follow (an "and N more" line, an outcome), so a card never reaches Teams' limit however long the plan's texts are.
 * Not thread-safe (a card is built by one thread); the static helpers are.
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
    /**
     * The whole activity as UTF-8 JSON, images and all, stays within this: what goes over the wire (and what the fake
     * Bot Connector enforces); under the "about 28 KB" Teams is known to refuse past.
     */
    static final int MAX_BYTES = 27_000;
    /**
     * The activity as UTF-16 JSON (2 bytes a character, 4 a supplementary one), leaving out the base64 of images sent
     * as {@code data:} URIs, stays within this: how Microsoft's "Format your bot messages" counts a message's size.
     * Its versions disagree on the limit (40 KB in older and several localised ones, 100 KB in today's English one);
     * a card must pass all of them, so the lower it is.
     */
    static final int MAX_UTF16_BYTES = 40_000;
    /** The activity's own text is a one-line summary (Teams shows it above the card, and in notifications). */
    static final int MAX_SUMMARY = 300;

    private Cards() {
    }

    /**
     * A size as both limits count it: UTF-8 bytes of the JSON, and UTF-16 bytes of it without the base64 of
     * {@code data:} images. Also what a caller keeps in reserve.
     */
    record Size(int utf8, int utf16) {
        static final Size NONE = new Size(0, 0);
        /** A comma between elements of an array. */
        static final Size COMMA = new Size(1, 2);

        /** The size of {@code node} as JSON. */
        static Size of(JsonNode node) {
            String json;
            try {
                json = JSON.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
            }
            return new Size(utf8Length(json), 2 * (json.length() - imageBase64(node)));
        }

        /**
         * How many bytes the text takes in UTF-8, counted without encoding it (encoding text that holds an emoji took a
         * tenth of the Teams edge's CPU in {@code bench teams}).
         */
        static int utf8Length(String text) {
            int bytes = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    bytes++;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
            return bytes;
        }

        /** What {@code element} takes in an array: itself and a comma. */
        static Size ofElement(JsonNode element) {
            return of(element).plus(COMMA);
        }

        Size plus(Size other) {
            return new Size(utf8 + other.utf8, utf16 + other.utf16);
        }

        /** True when a card of this size is within both limits. */
        boolean fits() {
            return utf8 <= MAX_BYTES && utf16 <= MAX_UTF16_BYTES;
        }

        @Override
        public String toString() {
            return utf8 + " bytes UTF-8, " + utf16 + " bytes UTF-16";
        }
    }

    /**
     * The characters of base64 in the {@code data:image/…;base64,} URLs of the Image elements under {@code node}: what
     * Microsoft leaves out of a message's size. Only images are left out: user text that happens to look like a
     * {@code data:} URI counts in full. Base64 needs no escaping, so these are characters of the JSON too.
     */
    private static int imageBase64(JsonNode node) {
        int n = 0;
        if (node.isObject() && "Image".equals(node.path("type").asText())) {
            String url = node.path("url").asText("");
            int comma = url.indexOf(',');
            if (url.startsWith("data:image/") && comma > 0 && url.substring(0, comma).endsWith(";base64")) {
                n += url.length() - comma - 1;
            }
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                n += imageBase64(child);
            }
        }
        return n;
    }

    /** A message activity with one Adaptive Card, its size tracked as elements are added. */
    static final class Card {
        private final ObjectNode activity = JSON.createObjectNode();
        private final ObjectNode card;
        private final ArrayNode body;
        private Size size;

        /** @param summary the activity's plain text, raw: made safe and cut here */
        Card(String summary) {
            activity.put("type", "message");
            activity.put("text", TeamsText.safe(cut(summary.replaceAll("\\s+", " ").strip(), MAX_SUMMARY)));
            ObjectNode attachment = activity.putArray("attachments").addObject();
            attachment.put("contentType", CONTENT_TYPE);
            card = attachment.putObject("content");
            card.put("type", "AdaptiveCard").put("$schema", SCHEMA).put("version", VERSION);
            body = card.putArray("body");
            size = Size.of(activity);
        }

        /** Adds {@code element} to the body if it fits with {@code reserve} to spare; says whether it did. */
        boolean add(JsonNode element, Size reserve) {
            return insert(body.size(), element, reserve);
        }

        /** As {@link #add}, with nothing kept in reserve. */
        boolean add(JsonNode element) {
            return add(element, Size.NONE);
        }

        /** Adds all of {@code elements} to the body if they all fit with {@code reserve} to spare, else none of them. */
        boolean addAll(List<? extends JsonNode> elements, Size reserve) {
            Size more = Size.NONE;
            for (JsonNode e : elements) {
                more = more.plus(Size.ofElement(e));
            }
            if (!size.plus(more).plus(reserve).fits()) {
                return false;
            }
            elements.forEach(body::add);
            size = size.plus(more);
            return true;
        }

        /** Puts {@code element} at {@code index} of the body if it fits with {@code reserve} to spare. */
        boolean insert(int index, JsonNode element, Size reserve) {
            Size more = Size.ofElement(element);
            if (!size.plus(more).plus(reserve).fits()) {
                return false;
            }
            body.insert(index, element);
            size = size.plus(more);
            return true;
        }

        int bodySize() {
            return body.size();
        }

        /**
         * The finished activity. The running count over-estimates (a comma per element), so this always holds; should
         * a card ever measure over a limit, its body is replaced by the summary rather than sent to be refused.
         */
        ObjectNode activity() {
            if (!Size.of(activity).fits()) {
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
}
