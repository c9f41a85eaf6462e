package planbot.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import planbot.domain.AuditEvent;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.Task;
import planbot.storage.ActionRow;
import planbot.storage.TaskRow;

/**
 * The API's JSON shapes of the plan: dates ISO ({@code 2024-06-30}), a month-precision date as its month
 * ({@code "2016-12"}, {@code "precision":"month"}) and never a made-up day, and what is no date (TBC, N/A, Ongoing)
 * as null with its words in {@code …Text}. Stateless.
 */
final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiJson() {
    }

    static ObjectNode task(TaskRow row, LocalDate today) {
        Task t = row.task();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("ref", t.ref());
        o.put("plan", row.planName());
        o.put("section", row.sectionName());
        o.put("action", row.actionKey());
        o.put("description", t.description());
        o.put("status", t.status() == null ? null : t.status().word());
        o.put("rag", word(Rag.of(t.status(), t.target(), today)));
        date(o, "target", t.target());
        date(o, "start", t.start());
        o.put("owner", t.owner());
        o.put("notes", t.notes());
        return o;
    }

    static ObjectNode action(ActionRow row, LocalDate today) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("key", row.key());
        o.put("plan", row.planName());
        o.put("section", row.sectionName());
        o.put("name", row.action().displayName());
        o.put("recommendation", row.action().recommendation());
        o.put("status", row.action().status() == null ? null : row.action().status().word());
        o.put("lead", row.action().lead());
        var tasks = o.putArray("tasks");
        int position = 0;
        for (Task t : row.action().tasks()) {
            tasks.add(task(new TaskRow(0, row.planName(), row.sectionName(), row.key(), position++, t), today));
        }
        return o;
    }

    static ObjectNode event(AuditEvent e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("at", e.at().toString());
        o.put("actor", e.actor());
        o.put("source", e.source().word());
        o.put("entity", e.entity());
        o.put("entityRef", e.entityRef());
        o.put("change", e.change());
        o.put("before", e.before());
        o.put("after", e.after());
        o.put("note", e.note());
        return o;
    }

    /** {@code targetDate}, {@code targetPrecision} ("day" or "month", or null) and {@code targetText} (as the plan says it). */
    private static void date(ObjectNode o, String name, PlanDate d) {
        boolean dated = d != null && d.isDate();
        boolean month = dated && d.precision() == PlanDate.Precision.MONTH;
        o.put(name + "Date", !dated ? null : month ? YearMonth.from(d.date()).toString() : d.date().toString());
        o.put(name + "Precision", !dated ? null : month ? "month" : "day");
        o.put(name + "Text", d == null ? null : d.display());
    }

    static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
