package planbot.tracker.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import planbot.domain.Layout.Role;
import planbot.domain.PlanDate;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.tracker.Markup;
import planbot.tracker.Timescales;
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
        String section = row.text(col(Role.SECTION));
        if (!section.isEmpty() && !section.equals(draft.currentSectionName())) {
            draft.startSection(section);
            current = null;
        }
        String taskRef = row.text(col(Role.TASK_REF));
        Markup.Split actionText = Markup.withoutInlineNotes(row.cell(col(Role.ACTION)));
        Markup.Split taskText = Markup.withoutInlineNotes(row.cell(col(Role.TASK)));

        ActionDraft action = draft.action(actionKey(row.text(col(Role.ACTION_REF)), taskRef, actionText.text()));
        current = action;
        action.addRecommendation(actionText.text());
        action.notes.addAll(actionText.notes());
        Status actionStatus = log.status(n, name(Role.ACTION_STATUS), row.text(col(Role.ACTION_STATUS)));
        if (action.status == null) {
            action.status = actionStatus;
        }
        if (action.lead == null && !row.text(col(Role.LEAD)).isEmpty()) {
            action.lead = row.text(col(Role.LEAD));
        }
        if (isActionOnly(row, taskRef, taskText)) {
            return; // "1 | Improve validation" above its tasks 1.1, 1.2: it says what the action is, nothing more
        }

        String ref = HIERARCHICAL.matcher(taskRef).matches()
                ? taskRef : String.format(Locale.ROOT, "%s/%02d", action.key, action.tasks.size() + 1);
        if (!draft.claimTaskRef(ref)) {
            String free = draft.freeTaskRef(ref);
            log.problem(n, name(Role.TASK_REF), ref, "another task already has this ref; this one is read as " + free);
            ref = free;
        }
        String timescale = row.text(col(Role.TIMESCALE));
        Timescales.Reading span = Timescales.read(timescale);
        if (span.problem() != null) {
            log.problem(n, name(Role.TIMESCALE), timescale, span.problem());
        }
        PlanDate start = log.date(n, name(Role.START), row.text(col(Role.START)), true);
        PlanDate target = log.date(n, name(Role.TARGET), row.text(col(Role.TARGET)), false);
        List<String> notes = new ArrayList<>(taskText.notes());
        String noteCell = row.text(col(Role.NOTES));
        if (!noteCell.isEmpty()) {
            notes.add(0, noteCell);
        }
        action.tasks.add(new Task(ref,
                taskText.text().isEmpty() ? actionText.text() : taskText.text(),
                log.status(n, name(Role.STATUS), row.text(col(Role.STATUS))),
                row.text(col(Role.TERM)),
                start != null ? start : span.start(),
                target != null ? target : span.target(),
                timescale,
                row.text(col(Role.OWNER)),
                notes.isEmpty() ? null : String.join("\n", notes)));
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
    private boolean isActionOnly(Table.Row row, String taskRef, Markup.Split taskText) {
        if (!header.has(Role.TASK) || !taskText.text().isEmpty() || HIERARCHICAL.matcher(taskRef).matches()) {
            return false;
        }
        for (Role r : List.of(Role.STATUS, Role.TERM, Role.START, Role.TARGET, Role.TIMESCALE, Role.OWNER, Role.NOTES)) {
            if (!row.text(col(r)).isEmpty()) {
                return false;
            }
        }
        return true;
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
        if (filled != 0 && filled != col(Role.SECTION)) {
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

    private int col(Role role) {
        return header.column(role);
    }

    private String name(Role role) {
        return header.name(header.column(role));
    }
}
