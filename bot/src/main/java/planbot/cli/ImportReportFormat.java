package planbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import planbot.tracker.ImportReport;
import planbot.tracker.Problem;

/** The import report as a person reads it, and as one JSON object for scripts. */
final class ImportReportFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportReportFormat() {
    }

    static String text(Path file, ImportReport r, boolean refused) {
        StringBuilder b = new StringBuilder();
        b.append(refused ? "Not imported (nothing written): " : r.dryRun() ? "Dry run (nothing written): " : "Imported ")
                .append(file.getFileName()).append(" into plan \"").append(r.plan()).append("\" of tenant '")
                .append(r.tenant()).append("'\n");
        b.append("  ").append(r.sections()).append(plural(r.sections(), " section")).append(", ")
                .append(r.actions()).append(plural(r.actions(), " action")).append(", ")
                .append(r.tasks()).append(plural(r.tasks(), " task")).append(" (")
                .append(r.datedTasks()).append(" with a target date)\n");
        if (!r.statuses().isEmpty()) {
            b.append("  task statuses: ").append(counts(r.statuses())).append('\n');
        }
        if (!r.actionStatuses().isEmpty()) {
            b.append("  action statuses: ").append(counts(r.actionStatuses())).append('\n');
        }
        b.append("  actions: ").append(changes(r.actionChanges(), r.dryRun())).append('\n');
        b.append("  tasks: ").append(changes(r.taskChanges(), r.dryRun())).append('\n');
        if (!r.notices().isEmpty()) {
            b.append("  ").append(r.notices().size()).append(plural(r.notices().size(), " repair")).append(":\n");
            r.notices().forEach(n -> b.append("    ").append(n).append('\n'));
        }
        if (r.problems().isEmpty()) {
            b.append("  every cell was read\n");
        } else {
            b.append("  ").append(r.problems().size()).append(r.problems().size() == 1 ? " cell" : " cells")
                    .append(" could not be read:\n");
            r.problems().forEach(p -> b.append("    ").append(p).append('\n'));
        }
        return b.toString();
    }

    static String json(Path file, ImportReport r, boolean refused) {
        ObjectNode o = JSON.createObjectNode();
        o.put("file", file.toString());
        o.put("applied", !r.dryRun());
        o.put("tenant", r.tenant());
        o.put("plan", r.plan());
        o.put("dryRun", r.dryRun() && !refused);
        o.put("sections", r.sections());
        o.put("actions", r.actions());
        o.put("tasks", r.tasks());
        o.put("datedTasks", r.datedTasks());
        ObjectNode statuses = o.putObject("statuses");
        r.statuses().forEach(statuses::put);
        ObjectNode actionStatuses = o.putObject("actionStatuses");
        r.actionStatuses().forEach(actionStatuses::put);
        changes(o.putObject("actionChanges"), r.actionChanges());
        changes(o.putObject("taskChanges"), r.taskChanges());
        ArrayNode problems = o.putArray("problems");
        for (Problem p : r.problems()) {
            ObjectNode n = problems.addObject();
            n.put("row", p.row());
            n.put("column", p.column());
            n.put("cell", p.cell());
            n.put("message", p.message());
        }
        ArrayNode notices = o.putArray("notices");
        r.notices().forEach(notices::add);
        return o.toString();
    }

    private static void changes(ObjectNode n, ImportReport.Changes c) {
        n.put("created", c.created());
        n.put("updated", c.updated());
        n.put("unchanged", c.unchanged());
        ArrayNode kept = n.putArray("keptMissing");
        c.keptMissing().forEach(kept::add);
    }

    private static String changes(ImportReport.Changes c, boolean dryRun) {
        String s = (dryRun ? "would create " : "created ") + c.created() + ", " + (dryRun ? "would update " : "updated ")
                + c.updated() + ", unchanged " + c.unchanged();
        if (!c.keptMissing().isEmpty()) {
            s += "; not in this file but kept: " + String.join(", ", c.keptMissing());
        }
        return s;
    }

    private static String counts(Map<String, Integer> m) {
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }
}
