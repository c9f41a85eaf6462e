package planbot.tracker.read;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import planbot.domain.Layout.Role;
import planbot.domain.Task;
import planbot.tracker.CouncilLayout.Field;
import planbot.tracker.Markup;
import planbot.tracker.read.PlanDraft.ActionDraft;

/**
 * Reads any other tracker with a header row, column by column as {@link ShapeDetector} mapped it. One row is
 * one task. Rows are grouped into actions by, in order: an action ref column; the prefix of a hierarchical task
 * ref ({@code EN3/1} → {@code EN3}, {@code 1.2} → {@code 1}, {@code A-03} → {@code A}); a flat ref, which names
 * the action; or the action column, where an empty cell continues the action above. Actions without a ref get
 * keys A01, A02, … and their tasks A01/01, A01/02, …. A row with a single cell in the first column is a section
 * heading, and so is a change in a section column.
 */
final class HeaderTableReader {
    private static final Pattern HIERARCHICAL = Pattern.compile("(.*[A-Za-z0-9])\\s*[/.\\-]\\s*\\d+");
    /** "3", "EN3", "A-03", "1.2": a ref alone on a row is a task with nothing filled in, not a heading like "Theme 1". */
    private static final Pattern REF_LIKE = Pattern.compile("[A-Za-z]{0,6}-?\\d+(?:[/.\\-]\\d+)*");

    private final Header header;
    private final ReadLog log = new ReadLog();
    private final PlanDraft draft = new PlanDraft();
    private ActionDraft current;
    private int generated;

    private HeaderTableReader(Header header) {
        this.header = header;
    }

    static ReadResult read(Table table, Header header, String planName) {
        HeaderTableReader reader = new HeaderTableReader(header);
        List<Table.Row> rows = table.rows();
        for (Table.Row row : rows.subList(header.index() + 1, rows.size())) {
            if (!row.isBlank()) {
                reader.readRow(row);
            }
        }
        return reader.log.result(reader.draft.build(planName, header.layout()));
    }

    private void readRow(Table.Row row) {
        int n = row.number();
        if (isSectionRow(row)) {
            draft.startSection(row.text(firstFilled(row)));
            current = null;
            return;
        }
        RowFields cells = new RowFields(header, log, row);
        String section = cells.text(Field.SECTION);
        if (!section.isEmpty() && !section.equals(draft.currentSectionName())) {
            draft.startSection(section);
            current = null;
        }
        String taskRef = cells.text(Field.TASK_REF);
        Markup.Split actionText = Markup.withoutInlineNotes(cells.raw(Field.ACTION));
        Markup.Split taskText = Markup.withoutInlineNotes(cells.raw(Field.TASK));

        ActionDraft action = draft.action(actionKey(cells.text(Field.ACTION_REF), taskRef, actionText.text()));
        current = action;
        action.addRecommendation(actionText.text());
        cells.addActionCells(action);
        action.notes.addAll(actionText.notes());
        if (isActionOnly(cells, taskRef, taskText)) {
            return; // "1 | Improve validation" above its tasks 1.1, 1.2: it says what the action is, nothing more
        }

        String ref = HIERARCHICAL.matcher(taskRef).matches()
                ? taskRef : String.format(Locale.ROOT, "%s/%02d", action.key, action.tasks.size() + 1);
        if (!draft.claimTaskRef(ref)) {
            String free = draft.freeTaskRef(ref);
            log.problem(n, cells.name(Field.TASK_REF), ref, "another task already has this ref; this one is read as "
                    + free);
            ref = free;
        }
        RowFields.Dates dates = cells.dates();
        action.tasks.add(new Task(ref,
                taskText.text().isEmpty() ? actionText.text() : taskText.text(),
                cells.status(Field.STATUS),
                cells.text(Field.TERM),
                dates.start(),
                dates.target(),
                dates.timescale(),
                cells.text(Field.OWNER),
                cells.notes(taskText.notes())));
    }

    private String actionKey(String actionRef, String taskRef, String actionText) {
        if (!actionRef.isEmpty()) {
            return actionRef;
        }
        if (!taskRef.isEmpty()) {
            Matcher m = HIERARCHICAL.matcher(taskRef);
            return m.matches() ? m.group(1) : taskRef;
        }
        boolean continues = current != null && (actionText.isEmpty() || current.recommendation.contains(actionText));
        if (continues) {
            return current.key;
        }
        String key;
        do {
            key = String.format(Locale.ROOT, "A%02d", ++generated);
        } while (draft.hasAction(key));
        return key;
    }

    /** A row that only names its action: a task column exists but is empty, and the row has no task data. */
    private boolean isActionOnly(RowFields cells, String taskRef, Markup.Split taskText) {
        return header.has(Field.TASK) && taskText.text().isEmpty() && !HIERARCHICAL.matcher(taskRef).matches()
                && !cells.hasTaskData();
    }

    /**
     * A lone cell in the first column (or the section column) is a heading, unless it looks like a ref, is a
     * paragraph, or sits in an action or task column without being bold or in capitals.
     */
    private boolean isSectionRow(Table.Row row) {
        int filled = firstFilled(row);
        for (int i = filled + 1; i < row.cells().size(); i++) {
            if (!row.text(i).isEmpty()) {
                return false;
            }
        }
        if (filled != 0 && filled != header.column(Field.SECTION)) {
            return false;
        }
        String text = row.text(filled);
        if (REF_LIKE.matcher(text).matches() || text.length() > 120) {
            return false;
        }
        Role role = filled < header.columns().size() ? header.columns().get(filled).role() : Role.IGNORED;
        if (role == Role.ACTION || role == Role.TASK) {
            return row.cell(filled).toLowerCase(Locale.ROOT).contains("<b") || text.equals(text.toUpperCase(Locale.ROOT));
        }
        return true;
    }

    private static int firstFilled(Table.Row row) {
        for (int i = 0; i < row.cells().size(); i++) {
            if (!row.text(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
