package planbot.teams.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What a Teams message activity carrying an Adaptive Card must look like, as the tests (and Teams) see it: a message
 * with a text and exactly one Adaptive Card 1.5 attachment; only element and action types Teams knows; every input
 * with an id and every id unique in the card (nested cards included); Submit data an object; images https or
 * {@code data:image/}; no mention entities anywhere; the whole activity at most 27,000 bytes of UTF-8 JSON.
 */
final class CardShape {
    static final int MAX_BYTES = 27_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ELEMENTS = Set.of("TextBlock", "RichTextBlock", "FactSet", "Container", "ColumnSet",
            "Column", "ActionSet", "Image", "Input.Date", "Input.Text", "Input.ChoiceSet", "Input.Toggle");
    private static final Set<String> ACTIONS = Set.of("Action.Submit", "Action.ShowCard", "Action.OpenUrl", "Action.Execute");

    private CardShape() {
    }

    /** Null when {@code activity} is a valid card message; else what is wrong with it. */
    static String problem(JsonNode activity) throws Exception {
        int bytes = JSON.writeValueAsString(activity).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return "the activity is " + bytes + " bytes, over " + MAX_BYTES;
        }
        if (!"message".equals(activity.path("type").asText()) || !activity.path("text").isTextual()) {
            return "not a message with a text: " + activity.path("type");
        }
        if (activity.toString().contains("\"entities\"")) {
            return "the activity carries entities (mentions)";
        }
        JsonNode attachments = activity.path("attachments");
        if (!attachments.isArray() || attachments.size() != 1) {
            return "a card message has exactly one attachment";
        }
        JsonNode a = attachments.get(0);
        if (!"application/vnd.microsoft.card.adaptive".equals(a.path("contentType").asText())) {
            return "wrong contentType " + a.path("contentType");
        }
        JsonNode card = a.path("content");
        if (!"1.5".equals(card.path("version").asText()) || !card.path("$schema").isTextual()) {
            return "the card needs version 1.5 and a $schema";
        }
        return card(card, new HashSet<>());
    }

    private static String card(JsonNode card, Set<String> ids) {
        if (!"AdaptiveCard".equals(card.path("type").asText()) || !card.path("body").isArray()) {
            return "not an AdaptiveCard with a body: " + card.path("type");
        }
        String p = elements(card.path("body"), ids);
        if (p == null && card.has("actions")) {
            p = actions(card.path("actions"), ids);
        }
        return p;
    }

    private static String elements(JsonNode list, Set<String> ids) {
        for (JsonNode e : list) {
            String type = e.path("type").asText();
            if (!ELEMENTS.contains(type)) {
                return "unknown element type " + type;
            }
            String p = id(e, ids);
            if (p != null) {
                return p;
            }
            if (type.startsWith("Input.") && !e.path("id").isTextual()) {
                return "an input without an id";
            }
            if (type.equals("TextBlock") && !e.path("text").isTextual()) {
                return "a TextBlock without text";
            }
            if (type.equals("Image") && !(e.path("url").asText().startsWith("https://") || e.path("url").asText().startsWith("data:image/"))) {
                return "an image that is not https or data:image/";
            }
            for (String nested : List.of("items", "columns")) {
                if (e.has(nested) && (p = elements(e.path(nested), ids)) != null) {
                    return p;
                }
            }
            if (type.equals("ActionSet") && (p = actions(e.path("actions"), ids)) != null) {
                return p;
            }
        }
        return null;
    }

    private static String actions(JsonNode list, Set<String> ids) {
        if (!list.isArray()) {
            return "actions is not an array";
        }
        for (JsonNode a : list) {
            String type = a.path("type").asText();
            if (!ACTIONS.contains(type)) {
                return "unknown action type " + type;
            }
            if (!a.path("title").isTextual()) {
                return "an action without a title";
            }
            String p = id(a, ids);
            if (p != null) {
                return p;
            }
            if (type.equals("Action.Submit") && a.has("data") && !a.path("data").isObject()) {
                return "Submit data that is not an object";
            }
            if (type.equals("Action.ShowCard") && (p = card(a.path("card"), ids)) != null) {
                return p;
            }
        }
        return null;
    }

    private static String id(JsonNode e, Set<String> ids) {
        if (e.has("id") && !ids.add(e.path("id").asText())) {
            return "id used twice: " + e.path("id").asText();
        }
        return null;
    }

    /** Every node of the card (depth first), for tests that look for one kind. */
    static void each(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
        visit.accept(node);
        if (node.isContainerNode()) {
            Iterator<JsonNode> it = node.elements();
            while (it.hasNext()) {
                each(it.next(), visit);
            }
        }
    }

    /** All nodes whose "type" is {@code type}. */
    static List<JsonNode> all(JsonNode root, String type) {
        List<JsonNode> out = new java.util.ArrayList<>();
        each(root, n -> {
            if (n.isObject() && type.equals(n.path("type").asText())) {
                out.add(n);
            }
        });
        return out;
    }

    /** The card of an activity. */
    static JsonNode content(JsonNode activity) {
        return activity.path("attachments").path(0).path("content");
    }
}
