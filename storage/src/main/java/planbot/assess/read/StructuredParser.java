package planbot.assess.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import planbot.assess.Part;
import planbot.assess.Scale;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.assess.read.TemplateRead.Skipped;

/**
 * Reads planbot's own template form, YAML or JSON (the same keys; see README "Assessments"):
 * <pre>
 * name: Customer contact          # the template's name (default: the file name)
 * scale: 1-5                      # optional: 1-5 (the default) or rag (red, amber, green)
 * questions: ["What score …?"]    # optional; for every part that has none of its own (quote a "?")
 * parts:
 *   - title: Telephone            # optional ("Part N")
 *     poor: …                     # the score-1 statement
 *     excellent: …                # the score-5 statement
 *     tips: [First tip, {number: 7, text: Seventh tip}]   # a plain tip takes the number after the last one
 *     questions: [ … ]
 * </pre>
 * On {@code scale: rag} a part is a standard: {@code description} and {@code good} (what green looks like) take the
 * places of {@code poor} and {@code excellent}.
 * A key it does not know is skipped and reported; a value of the wrong kind refuses the file with its path.
 * Stateless and thread-safe.
 */
final class StructuredParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> TOP_KEYS = Set.of("name", "scale", "questions", "parts");
    private static final Set<String> PART_KEYS = Set.of("number", "title", "poor", "excellent", "tips", "questions");
    private static final Set<String> STANDARD_KEYS = Set.of("number", "title", "description", "good", "tips", "questions");

    private StructuredParser() {
    }

    static TemplateRead parse(String text, boolean yaml, String fallbackName, String source) throws TemplateFormatException {
        String form = yaml ? "yaml" : "json";
        String upper = form.toUpperCase(Locale.ROOT);
        JsonNode root;
        try {
            root = (yaml ? YAML : JSON).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new TemplateFormatException("it is not valid " + upper
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        }
        if (root == null || !root.isObject()) {
            throw new TemplateFormatException("it must be a " + upper
                    + " object with 'name' and 'parts'");
        }
        List<Skipped> skipped = new ArrayList<>();
        unknownKeys(root, TOP_KEYS, "", skipped);
        String scaleText = text(root, "scale", "scale");
        Scale scale = scaleText == null ? Scale.ONE_TO_FIVE : Scale.named(scaleText).orElseThrow(() ->
                new TemplateFormatException("its scale is '" + scaleText + "', but planbot rates on 1-5 or rag (red, amber, green)"));
        boolean rag = scale == Scale.RAG;
        String low = rag ? "description" : "poor";
        String high = rag ? "good" : "excellent";
        String name = text(root, "name", "name");
        List<String> shared = strings(root, "questions", "questions");
        JsonNode parts = root.get("parts");
        if (parts == null || !parts.isArray() || parts.isEmpty()) {
            throw new TemplateFormatException("it has no parts: give a list under 'parts'");
        }
        List<Part> read = new ArrayList<>();
        int lastTip = 0;
        for (int i = 0; i < parts.size(); i++) {
            String path = "parts[" + (i + 1) + "]";
            JsonNode p = parts.get(i);
            if (!p.isObject()) {
                throw new TemplateFormatException(path + " must be an object with '" + low + "', '" + high + "' and 'tips'");
            }
            unknownKeys(p, rag ? STANDARD_KEYS : PART_KEYS, path + ".", skipped);
            List<Tip> tips = new ArrayList<>();
            JsonNode tipNodes = p.get("tips");
            if (tipNodes != null && !tipNodes.isArray()) {
                throw new TemplateFormatException(path + ".tips must be a list");
            }
            for (int t = 0; tipNodes != null && t < tipNodes.size(); t++) {
                Tip tip = tip(tipNodes.get(t), path + ".tips[" + (t + 1) + "]", lastTip);
                if (tips.stream().anyMatch(x -> x.number() == tip.number())) {
                    throw new TemplateFormatException(path + " has tip " + tip.number() + " twice");
                }
                tips.add(tip);
                lastTip = tip.number();
            }
            List<String> questions = strings(p, "questions", path + ".questions");
            String number = text(p, "number", path + ".number");
            read.add(new Part(number == null ? i + 1 : positive(number, path + ".number"), text(p, "title", path + ".title"),
                    orEmpty(text(p, low, path + "." + low)), orEmpty(text(p, high, path + "." + high)), tips,
                    questions.isEmpty() ? shared : questions));
        }
        try {
            return new TemplateRead(new Template(name == null || name.isBlank() ? fallbackName : name, source, read, scale),
                    form, skipped);
        } catch (IllegalArgumentException e) {
            // two parts with one number: the records say so in a sentence of their own
            throw new TemplateFormatException(e.getMessage());
        }
    }

    private static Tip tip(JsonNode node, String path, int lastTip) throws TemplateFormatException {
        if (node.isObject()) {
            String text = text(node, "text", path + ".text");
            String number = text(node, "number", path + ".number");
            if (text == null || text.isBlank()) {
                throw new TemplateFormatException(path + " has no text");
            }
            return new Tip(number == null ? lastTip + 1 : positive(number, path + ".number"), text);
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            throw new TemplateFormatException(path + " must be the tip's text, or 'number' and 'text'");
        }
        return new Tip(lastTip + 1, node.asText());
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, List<Skipped> skipped) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!known.contains(field.getKey())) {
                skipped.add(new Skipped(prefix + field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : "",
                        "not a key planbot knows"));
            }
        }
    }

    /** A text value (numbers too, as written); null when absent or null. */
    private static String text(JsonNode node, String key, String path) throws TemplateFormatException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new TemplateFormatException(path + " must be text, not a " + (v.isArray() ? "list" : "map"));
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode node, String key, String path) throws TemplateFormatException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new TemplateFormatException(path + " must be a list");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isValueNode()) {
                throw new TemplateFormatException(path + "[" + (i + 1) + "] must be text");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    private static int positive(String value, String path) throws TemplateFormatException {
        if (!value.strip().matches("\\d{1,4}") || Integer.parseInt(value.strip()) < 1) {
            throw new TemplateFormatException(path + " must be a whole number from 1, not '" + value + "'");
        }
        return Integer.parseInt(value.strip());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
