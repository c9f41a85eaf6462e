package planbot.discord.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one or more Discord message bodies out of embeds, keeping every body within Discord's message limits: at most
 * {@value #EMBEDS} embeds, {@value #TOTAL} characters over all of a message's embeds' titles, descriptions, fields and
 * footers, {@value #TITLE} per title, {@value #DESCRIPTION} per description, {@value #FIELDS} fields of at most
 * {@value #FIELD_NAME}/{@value #FIELD_VALUE}. Lines that do not fit flow into another embed, then into another message
 * (up to the number asked for), and end with "… and N more" where even those are full: room for that line is always
 * kept ({@value #RESERVE} characters). Lengths count UTF-16 units, never fewer than Discord counts.
 *
 * <p>Text given here is already escaped ({@link DiscordText}); it is only cut. Every body has {@code content} (empty),
 * {@code embeds}, {@code components} (empty) and {@code allowed_mentions} {@code {"parse":[]}}, so that an edit with it
 * replaces all of the message. Not thread-safe: one renderer call builds one.
 */
final class Pages {
    static final int CONTENT = 2000;
    static final int EMBEDS = 10;
    static final int TITLE = 256;
    static final int DESCRIPTION = 4096;
    static final int FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int FOOTER = 2048;
    static final int TOTAL = 6000;
    /** Kept free in every description and message for the "… and N more" line. */
    static final int RESERVE = 160;
    /** Below this much room, a new embed goes to the next message. */
    private static final int MIN_EMBED = 300;

    private final int maxMessages;
    private final List<ObjectNode> bodies = new ArrayList<>();
    private ObjectNode embed;
    private int used;
    private boolean cutShort;

    /** @param maxMessages how many messages the content may take; what does not fit in them is cut with "and N more" */
    Pages(int maxMessages) {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("at least one message");
        }
        this.maxMessages = maxMessages;
    }

    /** An empty body: no content, embeds or components, and no mentions allowed. */
    static ObjectNode body() {
        ObjectNode b = Json.object().put("content", "");
        b.putArray("embeds");
        b.putArray("components");
        b.putObject("allowed_mentions").putArray("parse");
        return b;
    }

    /**
     * Starts an embed with a title (escaped) and a colour (null for none), in a new message when this one has no room
     * for it. When there is no room in any message the section is left out (what is added to it too), and the last
     * embed says so.
     */
    void section(String title, Integer color) {
        if (!room(MIN_EMBED)) {
            if (embed != null && !cutShort) {
                cutShort = true;
                appendLine("… and more that does not fit in " + (maxMessages == 1 ? "one message" : "these messages"));
            }
            embed = null;
            return;
        }
        start(title, color);
    }

    /** True when a new embed of {@code need} characters fits, in this message or in a new one (then started). */
    private boolean room(int need) {
        if (!bodies.isEmpty() && embeds().size() < EMBEDS && used + need <= TOTAL - RESERVE) {
            return true;
        }
        if (bodies.size() >= maxMessages) {
            return false;
        }
        bodies.add(body());
        used = 0;
        return true;
    }

    private void start(String title, Integer color) {
        embed = embeds().addObject();
        if (title != null && !title.isEmpty()) {
            String t = DiscordText.cut(title, TITLE);
            embed.put("title", t);
            used += t.length();
        }
        if (color != null) {
            embed.put("color", color);
        }
    }

    /** The current embed's description, cut to the room there is. */
    void text(String escaped) {
        if (embed == null || escaped.isEmpty()) {
            return;
        }
        int room = Math.min(DESCRIPTION - RESERVE, TOTAL - RESERVE - used);
        if (room < 2) {
            return;
        }
        String d = DiscordText.cut(escaped, room);
        embed.put("description", d);
        used += d.length();
    }

    /** A field of the current embed, both parts cut to the room there is; left out when there is no room at all. */
    void field(String name, String value, boolean inline) {
        if (embed == null || embed.path("fields").size() >= FIELDS || name.isEmpty() || value.isEmpty()) {
            return;
        }
        String n = DiscordText.cut(name, FIELD_NAME);
        int room = fieldRoom(n);
        if (room < 20) {
            return;
        }
        String v = DiscordText.cut(value, room);
        embed.withArray("fields").addObject().put("name", n).put("value", v).put("inline", inline);
        used += n.length() + v.length();
    }

    /** Room left in this message for a field's value, at most {@value #FIELD_VALUE}. */
    int fieldRoom(String name) {
        return Math.max(0, Math.min(FIELD_VALUE, TOTAL - RESERVE - used - name.length()));
    }

    /** The current embed's image ({@code attachment://…} for an uploaded file). */
    void image(String url) {
        if (embed != null) {
            embed.putObject("image").put("url", url);
        }
    }

    /**
     * The current embed's footer, cut to the room left (the reserve included: call it last). Plain text: Discord renders
     * no markdown or mentions there, so nothing in it is escaped.
     */
    void footer(String text) {
        int room = Math.min(FOOTER, TOTAL - used);
        if (embed == null || text.isEmpty() || room < 20) {
            return;
        }
        String f = DiscordText.cut(text, room);
        embed.putObject("footer").put("text", f);
        used += f.length();
    }

    /**
     * Lines (escaped, one each) under the current embed's description, flowing into embeds of the same colour, then
     * into further messages; {@code total} is how many there are in all (more than {@code lines} when the list was cut
     * before), and what is not shown ends with "… and N more" and {@code more} (say where to see the rest; may be
     * empty).
     */
    void lines(List<String> lines, int total, String more) {
        int shown = 0;
        for (String line : lines) {
            String l = DiscordText.cut(line, 1000);
            if (embed == null) {
                break;
            }
            if (!fits(l)) {
                Integer color = embed.has("color") ? embed.get("color").asInt() : null;
                if (!room(l.length())) {
                    break;
                }
                start(null, color);
            }
            appendLine(l);
            shown++;
        }
        if (total > shown && embed != null) {
            appendLine("… and " + (total - shown) + " more" + (more.isEmpty() ? "" : ": " + DiscordText.cut(more, 100)));
        }
    }

    private boolean fits(String line) {
        int d = embed.path("description").asText("").length();
        return d + 1 + line.length() <= DESCRIPTION - RESERVE && used + 1 + line.length() <= TOTAL - RESERVE;
    }

    /** A line under the description, ignoring the reserve (it is what the reserve is for). */
    private void appendLine(String line) {
        String d = embed.path("description").asText("");
        String add = (d.isEmpty() ? "" : "\n") + line;
        int room = Math.min(DESCRIPTION - d.length(), TOTAL - used);
        add = DiscordText.cut(add, Math.max(0, room));
        embed.put("description", d + add);
        used += add.length();
    }

    /** The bodies built, at least one. */
    List<ObjectNode> bodies() {
        if (bodies.isEmpty()) {
            bodies.add(body());
        }
        return bodies;
    }

    private ArrayNode embeds() {
        return (ArrayNode) bodies.get(bodies.size() - 1).get("embeds");
    }
}
