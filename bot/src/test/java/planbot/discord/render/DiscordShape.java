package planbot.discord.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord's documented limits on a message body (the same rules the fake Discord enforces on the wire), and what in a
 * body would render as a mention. Lengths are counted in UTF-16 units, never fewer than Discord counts.
 */
final class DiscordShape {
    /** Mention syntax Discord renders (and, allowed, pings): groups, members, roles, channels. */
    static final Pattern MENTION = Pattern.compile("@everyone|@here|<@!?\\d+>|<@&\\d+>|<#\\d+>", Pattern.CASE_INSENSITIVE);

    private DiscordShape() {
    }

    /** Every way {@code body} breaks Discord's limits; empty when Discord would take it. */
    static List<String> problems(JsonNode body) {
        List<String> p = new ArrayList<>();
        JsonNode mentions = body.path("allowed_mentions");
        if (!mentions.path("parse").isArray() || mentions.path("parse").size() != 0
                || mentions.path("users").size() > 0 || mentions.path("roles").size() > 0) {
            p.add("allowed_mentions must be {\"parse\":[]}");
        }
        max(p, body.path("content"), 2000, "content");
        JsonNode embeds = body.path("embeds");
        if (embeds.size() > 10) {
            p.add("more than 10 embeds: " + embeds.size());
        }
        int total = 0;
        for (int e = 0; e < embeds.size(); e++) {
            JsonNode embed = embeds.get(e);
            String at = "embeds." + e;
            if (!embed.has("title") && !embed.has("description") && !embed.has("fields") && !embed.has("image")) {
                p.add(at + " is empty");
            }
            total += max(p, embed.path("title"), 256, at + ".title");
            total += max(p, embed.path("description"), 4096, at + ".description");
            total += max(p, embed.path("footer").path("text"), 2048, at + ".footer");
            total += max(p, embed.path("author").path("name"), 256, at + ".author");
            JsonNode fields = embed.path("fields");
            if (fields.size() > 25) {
                p.add(at + " has more than 25 fields");
            }
            for (int f = 0; f < fields.size(); f++) {
                total += between(p, fields.get(f).path("name"), 1, 256, at + ".fields." + f + ".name");
                total += between(p, fields.get(f).path("value"), 1, 1024, at + ".fields." + f + ".value");
            }
            if (embed.has("color") && (!embed.get("color").isInt() || embed.get("color").asInt() < 0
                    || embed.get("color").asInt() > 0xFFFFFF)) {
                p.add(at + ".color is not an RGB int");
            }
        }
        if (total > 6000) {
            p.add("embeds hold " + total + " characters, more than 6000");
        }
        components(p, body.path("components"));
        if (body.path("content").asText("").isEmpty() && embeds.size() == 0 && body.path("components").size() == 0) {
            p.add("the message is empty");
        }
        return p;
    }

    private static void components(List<String> p, JsonNode rows) {
        if (rows.size() > 5) {
            p.add("more than 5 action rows: " + rows.size());
        }
        Set<String> ids = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            String at = "components." + r;
            JsonNode inner = row.path("components");
            if (row.path("type").asInt() != 1 || inner.size() < 1) {
                p.add(at + " is not an action row with components");
                continue;
            }
            boolean select = inner.get(0).path("type").asInt() == 3;
            if (select ? inner.size() != 1 : inner.size() > 5) {
                p.add(at + " holds " + inner.size() + (select ? " components beside a select" : " buttons"));
            }
            for (int c = 0; c < inner.size(); c++) {
                JsonNode comp = inner.get(c);
                String cat = at + "." + c;
                between(p, comp.path("custom_id"), 1, 100, cat + ".custom_id");
                if (!ids.add(comp.path("custom_id").asText())) {
                    p.add(cat + ".custom_id is not unique in the message");
                }
                if (comp.path("type").asInt() == 2) {
                    between(p, comp.path("label"), 1, 80, cat + ".label");
                    if (comp.path("style").asInt() < 1 || comp.path("style").asInt() > 4) {
                        p.add(cat + ".style is not a button style with a custom_id");
                    }
                } else if (comp.path("type").asInt() == 3) {
                    select(p, comp, cat);
                } else {
                    p.add(cat + " is neither a button nor a string select");
                }
            }
        }
    }

    private static void select(List<String> p, JsonNode s, String at) {
        JsonNode options = s.path("options");
        if (options.size() < 1 || options.size() > 25) {
            p.add(at + " has " + options.size() + " options, not 1 to 25");
        }
        max(p, s.path("placeholder"), 150, at + ".placeholder");
        if (s.path("min_values").asInt(1) < 0 || s.path("max_values").asInt(1) > options.size()
                || s.path("min_values").asInt(1) > s.path("max_values").asInt(1)) {
            p.add(at + " min_values/max_values out of range");
        }
        Set<String> values = new HashSet<>();
        for (int o = 0; o < options.size(); o++) {
            JsonNode option = options.get(o);
            between(p, option.path("label"), 1, 100, at + ".options." + o + ".label");
            between(p, option.path("value"), 1, 100, at + ".options." + o + ".value");
            max(p, option.path("description"), 100, at + ".options." + o + ".description");
            if (!values.add(option.path("value").asText())) {
                p.add(at + ".options." + o + ".value is not unique");
            }
        }
    }

    private static int max(List<String> p, JsonNode text, int max, String at) {
        int n = text.isTextual() ? text.asText().length() : 0;
        if (n > max) {
            p.add(at + " is " + n + " characters, more than " + max);
        }
        return n;
    }

    private static int between(List<String> p, JsonNode text, int min, int max, String at) {
        int n = text.isTextual() ? text.asText().length() : 0;
        if (n < min || n > max) {
            p.add(at + " is " + n + " characters, not " + min + " to " + max);
        }
        return n;
    }

    /** Every string in the body a person can read (all but custom_ids and URLs), one per line. */
    static String text(JsonNode body) {
        StringBuilder b = new StringBuilder();
        collect(body, b);
        return b.toString();
    }

    private static void collect(JsonNode node, StringBuilder b) {
        if (node.isTextual()) {
            b.append(node.asText()).append('\n');
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("custom_id") && !e.getKey().equals("url")) {
                collect(e.getValue(), b);
            }
        });
        if (node.isArray()) {
            node.forEach(n -> collect(n, b));
        }
    }

    /**
     * The text of the places where Discord renders markdown (content, embed titles, descriptions and fields), one per
     * line; labels, options and footers show as plain text.
     */
    static String markdown(JsonNode body) {
        StringBuilder b = new StringBuilder(body.path("content").asText("")).append('\n');
        for (JsonNode e : body.path("embeds")) {
            b.append(e.path("title").asText("")).append('\n').append(e.path("description").asText("")).append('\n');
            e.path("fields").forEach(f -> b.append(f.path("name").asText()).append('\n').append(f.path("value").asText()).append('\n'));
        }
        return b.toString();
    }

    /** The mentions Discord would render in the body's readable text. */
    static List<String> mentions(JsonNode body) {
        List<String> found = new ArrayList<>();
        Matcher m = MENTION.matcher(text(body));
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** What Discord shows for escaped markdown text: backslash escapes undone, zero-width spaces invisible. */
    static String shown(String escaped) {
        return escaped.replaceAll("\\\\(\\p{Punct})", "$1").replace("\u200B", "");
    }
}
