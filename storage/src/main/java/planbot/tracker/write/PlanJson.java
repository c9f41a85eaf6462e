package planbot.tracker.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import planbot.domain.Action;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.StatusKind;
import planbot.domain.Task;

/**
 * planbot's own JSON for a plan: lossless, so {@code read(write(plan))} equals {@code plan}. UTF-8, indented,
 * ending with a line break, keys always in this order and always present ({@code null} when a value is missing),
 * so two exports of the same plan are byte for byte the same and diff well:
 *
 * <pre>{@code
 * {
 *   "plan": "Planning review",
 *   "layout": { "shape": "REVIEW", "columns": [ { "header": "REF.", "role": "ACTION_REF" }, ... ] },
 *   "sections": [ {
 *     "name": "PLANNING ENFORCEMENT",
 *     "actions": [ {
 *       "key": "EN003", "label": "ENFORCEMENT 003", "recommendation": "An Annual Report ...",
 *       "status": { "word": "In progress", "kind": "IN_PROGRESS" },
 *       "lead": null, "notes": null,
 *       "tasks": [ {
 *         "ref": "EN003/01", "description": "Determine the key criteria ...",
 *         "status": { "word": "In progress", "kind": "IN_PROGRESS" },
 *         "term": "Medium",
 *         "start":  { "kind": "DATE", "date": "2023-04-01", "precision": "DAY", "remark": null, "text": "01/04/2023" },
 *         "target": { "kind": "TBC", "date": null, "precision": "DAY", "remark": "interdependency ...",
 *                     "text": "TBC - interdependency ..." },
 *         "timescale": null, "owner": null, "notes": null
 *       } ]
 *     } ]
 *   } ]
 * }
 * }</pre>
 *
 * Enum values are the Java names ({@link Layout.Shape}, {@link Layout.Role}, {@link StatusKind},
 * {@link PlanDate.Kind}, {@link PlanDate.Precision}); dates are ISO {@code yyyy-MM-dd}; a missing status or
 * date is {@code null}. A status keeps the kind it was written with (not re-derived from the word), so a
 * word planbot did not know stays UNKNOWN. Reading tolerates a missing optional key as {@code null}.
 *
 * <p>Stateless and thread-safe. Neither method closes the stream it is given.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory().copy()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private PlanJson() {
    }

    /** Writes the plan as JSON, streaming (a large plan never exists twice in memory). */
    public static void write(Plan plan, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("plan", plan.name());
            g.writeObjectFieldStart("layout");
            g.writeStringField("shape", plan.layout().shape().name());
            g.writeArrayFieldStart("columns");
            for (Layout.Column c : plan.layout().columns()) {
                g.writeStartObject();
                g.writeStringField("header", c.header());
                g.writeStringField("role", c.role().name());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("sections");
            for (Section s : plan.sections()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeArrayFieldStart("actions");
                for (Action a : s.actions()) {
                    writeAction(g, a);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        // a text file ends with a line break; editors and diff tools complain otherwise
        out.write('\n');
        out.flush();
    }

    /**
     * Reads a plan written by {@link #write}.
     *
     * @throws IOException when the stream is not JSON or not a plan; the message names the offending key
     *                     (e.g. {@code sections[2].actions[0].tasks[1].ref})
     */
    public static Plan read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonParseException e) {
            throw new IOException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("not a planbot plan: expected a JSON object");
        }
        try {
            JsonNode layoutNode = required(root, "layout", "");
            List<Layout.Column> columns = new ArrayList<>();
            int i = 0;
            for (JsonNode c : array(layoutNode, "columns", "layout")) {
                String at = "layout.columns[" + i++ + "]";
                columns.add(new Layout.Column(text(c, "header", at), enumValue(Layout.Role.class, c, "role", at)));
            }
            Layout layout = new Layout(enumValue(Layout.Shape.class, layoutNode, "shape", "layout"), columns);
            List<Section> sections = new ArrayList<>();
            int si = 0;
            for (JsonNode s : array(root, "sections", "")) {
                String at = "sections[" + si++ + "]";
                List<Action> actions = new ArrayList<>();
                int ai = 0;
                for (JsonNode a : array(s, "actions", at)) {
                    actions.add(readAction(a, at + ".actions[" + ai++ + "]"));
                }
                sections.add(new Section(optionalText(s, "name", at), actions));
            }
            return new Plan(text(root, "plan", ""), layout, sections);
        } catch (IllegalArgumentException e) {
            // a record refused a value (a blank key, a DATE without a date): say so as a bad file
            throw new IOException("not a valid planbot plan: " + e.getMessage(), e);
        }
    }

    private static void writeAction(JsonGenerator g, Action a) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", a.key());
        g.writeStringField("label", a.label());
        g.writeStringField("recommendation", a.recommendation());
        writeStatus(g, "status", a.status());
        g.writeStringField("lead", a.lead());
        g.writeStringField("notes", a.notes());
        g.writeArrayFieldStart("tasks");
        for (Task t : a.tasks()) {
            g.writeStartObject();
            g.writeStringField("ref", t.ref());
            g.writeStringField("description", t.description());
            writeStatus(g, "status", t.status());
            g.writeStringField("term", t.term());
            writeDate(g, "start", t.start());
            writeDate(g, "target", t.target());
            g.writeStringField("timescale", t.timescale());
            g.writeStringField("owner", t.owner());
            g.writeStringField("notes", t.notes());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeStatus(JsonGenerator g, String name, Status status) throws IOException {
        if (status == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("word", status.word());
        g.writeStringField("kind", status.kind().name());
        g.writeEndObject();
    }

    private static void writeDate(JsonGenerator g, String name, PlanDate date) throws IOException {
        if (date == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("kind", date.kind().name());
        g.writeStringField("date", date.date() == null ? null : date.date().toString());
        g.writeStringField("precision", date.precision().name());
        g.writeStringField("remark", date.remark());
        g.writeStringField("text", date.text());
        g.writeEndObject();
    }

    private static Action readAction(JsonNode a, String at) throws IOException {
        List<Task> tasks = new ArrayList<>();
        int ti = 0;
        for (JsonNode t : array(a, "tasks", at)) {
            String tat = at + ".tasks[" + ti++ + "]";
            tasks.add(new Task(text(t, "ref", tat), optionalText(t, "description", tat),
                    status(t, "status", tat), optionalText(t, "term", tat), date(t, "start", tat),
                    date(t, "target", tat), optionalText(t, "timescale", tat), optionalText(t, "owner", tat),
                    optionalText(t, "notes", tat)));
        }
        return new Action(text(a, "key", at), optionalText(a, "label", at), optionalText(a, "recommendation", at),
                status(a, "status", at), optionalText(a, "lead", at), optionalText(a, "notes", at), tasks);
    }

    private static Status status(JsonNode parent, String name, String at) throws IOException {
        JsonNode s = parent.get(name);
        if (s == null || s.isNull()) {
            return null;
        }
        String sat = path(at, name);
        return new Status(text(s, "word", sat), enumValue(StatusKind.class, s, "kind", sat));
    }

    private static PlanDate date(JsonNode parent, String name, String at) throws IOException {
        JsonNode d = parent.get(name);
        if (d == null || d.isNull()) {
            return null;
        }
        String dat = path(at, name);
        String iso = optionalText(d, "date", dat);
        LocalDate date;
        try {
            date = iso == null ? null : LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            throw new IOException("not a valid planbot plan: " + path(dat, "date") + " '" + iso
                    + "' is not a yyyy-MM-dd date", e);
        }
        return new PlanDate(enumValue(PlanDate.Kind.class, d, "kind", dat), date,
                enumValue(PlanDate.Precision.class, d, "precision", dat), optionalText(d, "remark", dat),
                optionalText(d, "text", dat));
    }

    private static JsonNode required(JsonNode parent, String name, String at) throws IOException {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            throw new IOException("not a valid planbot plan: " + path(at, name) + " is missing");
        }
        return n;
    }

    private static Iterable<JsonNode> array(JsonNode parent, String name, String at) throws IOException {
        JsonNode n = required(parent, name, at);
        if (!n.isArray()) {
            throw new IOException("not a valid planbot plan: " + path(at, name) + " must be an array");
        }
        return n;
    }

    private static String text(JsonNode parent, String name, String at) throws IOException {
        String s = optionalText(parent, name, at);
        if (s == null) {
            throw new IOException("not a valid planbot plan: " + path(at, name) + " is missing");
        }
        return s;
    }

    private static String optionalText(JsonNode parent, String name, String at) throws IOException {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IOException("not a valid planbot plan: " + path(at, name) + " must be a string");
        }
        return n.textValue();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode parent, String name, String at)
            throws IOException {
        String word = text(parent, name, at);
        try {
            return Enum.valueOf(type, word);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a valid planbot plan: " + path(at, name) + " has unknown value '" + word
                    + "'", e);
        }
    }

    /** The JSON path of a key, for error messages: {@code sections[2].actions[0].key}. */
    private static String path(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }
}
