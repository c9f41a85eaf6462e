package planbot.tracker.read;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import planbot.domain.Layout.Role;
import planbot.domain.PlanDate;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.tracker.DatesInWords;
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
 *
 * <p>A task cell that lists milestones (Word plans: bullets, see {@link Milestones}) makes one task per bullet; the
 * sentence before the bullets joins the action's text and the row's notes go to the action. A task with no target
 * cell takes the date its own text names ({@link DatesInWords}); an owner "ditto" or "as above" is the one above.
 */
final class HeaderTableReader {
    private static final Pattern HIERARCHICAL = Pattern.compile("(.*[A-Za-z0-9])\\s*[/.\\-]\\s*\\d+");
    /** "3", "EN3", "A-03", "1.2": a ref alone on a row is a task with nothing filled in, not a heading like "Theme 1". */
    private static final Pattern REF_LIKE = Pattern.compile("[A-Za-z]{0,6}-?\\d+(?:[/.\\-]\\d+)*");

    private final Header header;
    private final ReadLog log = new ReadLog();
    private final PlanDraft draft = new PlanDraft();
    private ActionDraft current;
    private String lastOwner;
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
        // a Word cell's paragraphs are one name
        String section = cells.text(Field.SECTION).replaceAll("\\s*\n\\s*", " ");
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

        RowFields.Dates dates = cells.dates();
        Status status = cells.status(Field.STATUS);
        Milestones.Items milestones = Milestones.split(taskText.text());
        if (milestones == null) {
            addTask(n, action, taskRef, taskText.text().isEmpty() ? actionText.text() : taskText.text(), status,
                    cells, dates, owner(cells.text(Field.OWNER)), cells.notes(taskText.notes()));
            return;
        }
        // A Word plan's row: the sentence before the bullets says what the action is, each bullet is a milestone,
        // and the row's progress notes are about the action as a whole.
        action.addRecommendation(milestones.intro());
        String notes = cells.notes(taskText.notes());
        if (notes != null) {
            action.notes.add(notes);
        }
        List<String> owners = Milestones.owners(cells.text(Field.OWNER), milestones.items().size());
        int count = milestones.items().size();
        int dated = 0;
        for (int i = 0; i < count; i++) {
            Task task = addTask(n, action, i == 0 ? taskRef : "", milestones.items().get(i), status, cells, dates,
                    owner(owners.get(i)), null);
            dated += task.target() != null && dates.target() == null ? 1 : 0;
        }
        log.notice(n, count + (count == 1 ? " milestone" : " milestones") + " read as tasks of " + action.displayName()
                + (milestones.intro().isEmpty() ? "" : ", the sentence before them as the action's text")
                + (dated == 0 ? "" : "; " + dated + " with a target date from their text")
                + (new HashSet<>(owners).size() > 1 ? "; one owner per milestone, line by line" : ""));
    }

    /**
     * Adds a task to the action under its own ref when it has a hierarchical one, else the action's next. A task
     * without a target cell takes the date its text names ("by December 2016").
     */
    private Task addTask(int n, ActionDraft action, String taskRef, String text, Status status, RowFields cells,
                         RowFields.Dates dates, String owner, String notes) {
        String ref = HIERARCHICAL.matcher(taskRef).matches()
                ? taskRef : String.format(Locale.ROOT, "%s/%02d", action.key, action.tasks.size() + 1);
        if (!draft.claimTaskRef(ref)) {
            String free = draft.freeTaskRef(ref);
            log.problem(n, cells.name(Field.TASK_REF), ref, "another task already has this ref; this one is read as "
                    + free);
            ref = free;
        }
        PlanDate target = dates.target();
        if (target == null && dates.timescale() == null) {
            DatesInWords.Found found = DatesInWords.target(text);
            target = found.date();
            if (found.problem() != null) {
                log.notice(n, found.problem());
            }
        }
        Task task = new Task(ref, text, status, cells.text(Field.TERM), dates.start(), target, dates.timescale(), owner,
                notes);
        action.tasks.add(task);
        return task;
    }

    /** The owner as written, or the owner of the task above when the cell says "ditto" or "as above". */
    private String owner(String cell) {
        if (!cell.isEmpty() && Milestones.isDitto(cell) && lastOwner != null) {
            return lastOwner;
        }
        lastOwner = cell.isEmpty() ? lastOwner : cell;
        return cell;
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
