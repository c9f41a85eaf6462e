package planbot.tracker.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import planbot.domain.Task;
import planbot.tracker.CouncilLayout.Field;
import planbot.tracker.Markup;
import planbot.tracker.Timescales;
import planbot.tracker.read.PlanDraft.ActionDraft;

/**
 * Reads an activity plan: WORKSTREAM | INITIAL ACTIVITIES | TIMESCALE | LEAD. Each workstream is an action
 * (the plan has one unnamed section: a section per workstream would only repeat the workstream's name) and
 * its activities are tasks. Activity plans have no refs, so the action key is made from the workstream's
 * initials (Smart Sharing → SS, Governance → GOV) and tasks are numbered SS/01, SS/02, … in tracker order. The
 * workstream's name is the action's label, unless it is just that key. Statuses, notes and action leads, which
 * an activity plan has no columns for, come from planbot's trailing columns when the file is planbot's own
 * export ({@link planbot.tracker.CouncilLayout}).
 *
 * <p>Two slips are repaired, each with a notice: a new workstream written one column to the right (in the
 * activities column, its activity under TIMESCALE and its timescale under LEAD), and an activity written in
 * the workstream column with the activities cell empty, which belongs to the current workstream.
 */
final class ActivityPlanReader {
    private static final String UNASSIGNED = "Unassigned";
    private static final Set<String> SMALL_WORDS = Set.of("and", "of", "the", "for", "in", "to", "on", "with", "a", "an");

    private final Header header;
    private final ReadLog log = new ReadLog();
    private final PlanDraft draft = new PlanDraft();
    private final int workstreamCol;
    private final int activityCol;
    private final int timescaleCol;
    private final int leadCol;
    private final Map<String, ActionDraft> byName = new HashMap<>();
    private ActionDraft current;

    private ActivityPlanReader(Header header) {
        this.header = header;
        workstreamCol = header.column(Field.ACTION_REF);
        activityCol = header.column(Field.TASK);
        timescaleCol = header.column(Field.TIMESCALE);
        leadCol = header.column(Field.OWNER);
    }

    static ReadResult read(Table table, Header header, String planName) {
        ActivityPlanReader reader = new ActivityPlanReader(header);
        List<Table.Row> rows = table.rows();
        for (Table.Row row : rows.subList(header.index() + 1, rows.size())) {
            if (!row.isBlank()) {
                reader.readRow(row);
            }
        }
        return reader.log.result(reader.draft.build(planName, header.layout()));
    }

    private void readRow(Table.Row original) {
        Table.Row row = original;
        int n = row.number();
        if (row.text(workstreamCol).isEmpty() && !row.text(activityCol).isEmpty()
                && isTimescale(row.text(leadCol)) && !isTimescale(row.text(timescaleCol))) {
            List<String> cells = new ArrayList<>(row.cells());
            cells.remove(workstreamCol);
            row = new Table.Row(n, cells);
            log.notice(n, "the row was shifted one column to the right; '" + row.text(workstreamCol)
                    + "' is read as a new workstream");
        }
        String workstream = row.text(workstreamCol);
        Markup.Split activity = Markup.withoutInlineNotes(row.cell(activityCol));
        if (!workstream.isEmpty() && activity.text().isEmpty() && current != null && isSentence(workstream)) {
            log.notice(n, "an activity is written in the " + header.name(workstreamCol) + " column; it is read as an "
                    + "activity of '" + current.displayName() + "'");
            activity = Markup.withoutInlineNotes(row.cell(workstreamCol));
            workstream = "";
        }
        if (!workstream.isEmpty()) {
            current = workstream(workstream, n);
        }
        RowFields cells = new RowFields(header, log, row);
        if (activity.text().isEmpty() && !cells.hasTaskData()) {
            if (current != null) {
                cells.addActionCells(current);
            }
            return; // a workstream named on a row of its own
        }
        if (current == null) {
            log.problem(n, header.name(activityCol), activity.text(), "this activity comes before any workstream; it "
                    + "is read into a workstream named '" + UNASSIGNED + "'");
            current = workstream(UNASSIGNED, n);
        }
        cells.addActionCells(current);
        RowFields.Dates dates = cells.dates();
        String ref = String.format(Locale.ROOT, "%s/%02d", current.key, current.tasks.size() + 1);
        draft.claimTaskRef(ref);
        current.tasks.add(new Task(ref, activity.text(), cells.status(Field.STATUS), cells.text(Field.TERM),
                dates.start(), dates.target(), dates.timescale(), cells.text(Field.OWNER),
                cells.notes(activity.notes())));
    }

    /**
     * The action for a workstream named on row {@code n}: the one already read under that name (a workstream named
     * again continues), or a new one keyed by its initials and labelled with its name unless that is the key.
     */
    private ActionDraft workstream(String name, int n) {
        String known = name.toLowerCase(Locale.ROOT);
        ActionDraft action = byName.get(known);
        if (action == null) {
            action = draft.action(key(name));
            if (!name.equals(action.key)) {
                action.label = name;
                action.labelRow = n;
            }
            byName.put(known, action);
        }
        return action;
    }

    private static boolean isTimescale(String text) {
        return !text.isEmpty() && Timescales.read(text).problem() == null;
    }

    /** Workstream names are short titles; an activity is a sentence. */
    private static boolean isSentence(String text) {
        return text.endsWith(".") || text.split("\\s+").length > 6;
    }

    /** Initials of the workstream's words (BCOA), or the first three letters of a single word (GOV), made unique. */
    private String key(String workstream) {
        List<String> words = new ArrayList<>(Arrays.asList(workstream.split("[^\\p{L}\\p{N}]+")));
        words.removeIf(w -> w.isEmpty() || SMALL_WORDS.contains(w.toLowerCase(Locale.ROOT)));
        String key;
        if (words.isEmpty()) {
            key = "WS";
        } else if (words.size() == 1) {
            String w = words.get(0).toUpperCase(Locale.ROOT);
            key = w.length() <= 3 ? w : w.substring(0, 3);
        } else {
            StringBuilder b = new StringBuilder();
            words.forEach(w -> b.append(w.substring(0, 1).toUpperCase(Locale.ROOT)));
            key = b.toString();
        }
        String unique = key;
        for (int n = 2; draft.hasAction(unique); n++) {
            unique = key + n;
        }
        return unique;
    }
}
