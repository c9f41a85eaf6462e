package planbot.tracker.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import planbot.domain.Layout;
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

    /** How far above a header its title may be: a title line, a blank line or two. */
    private static final int TITLE_ROWS = 3;

    private final Header header;
    private final ReadLog log;
    private final PlanDraft draft;
    private ActionDraft current;
    private String lastOwner;
    private int generated;

    private HeaderTableReader(Header header, ReadLog log, PlanDraft draft) {
        this.header = header;
        this.log = log;
        this.draft = draft;
    }

    static ReadResult read(Table table, Header header, String planName) {
        return read(table, List.of(header), planName);
    }

    /**
     * Reads a file of one or more tables, each under its own header. With several, each table is read by its own
     * header (spellings differ from table to table) into one plan: a section per table, named by the title line
     * above its header (or "Table N"), unless the table has a section column. The plan's layout is the first
     * table's.
     */
    static ReadResult read(Table table, List<Header> headers, String planName) {
        ReadLog log = new ReadLog();
        PlanDraft draft = new PlanDraft();
        List<Table.Row> rows = table.rows();
        List<List<Table.Row>> tables = new ArrayList<>();
        for (int k = 0; k < headers.size(); k++) {
            int start = headers.get(k).index() + 1;
            int end = k + 1 < headers.size() ? titleStart(rows, headers.get(k + 1).index()) : rows.size();
            tables.add(rows.subList(start, Math.max(start, end)));
        }
        Table.Row repeated = sectionThatRepeats(headers, tables);
        Header layout = null;
        for (int k = 0; k < headers.size(); k++) {
            List<Table.Row> data = tables.get(k);
            Header header = repeated == null ? headers.get(k)
                    : withoutSections(headers.get(k), rows.get(headers.get(k).index()).number(), repeated, log);
            layout = layout == null ? header : layout;
            if (headers.size() > 1 && !header.has(Field.SECTION)) {
                String title = title(rows, headers.get(k).index());
                String name = draft.unusedSectionName(title.isEmpty() ? "Table " + (k + 1) : title);
                draft.startSection(name);
                log.notice(rows.get(headers.get(k).index()).number(), "table " + (k + 1) + " of " + headers.size()
                        + " is read by its own header as the section '" + name + "'");
            }
            HeaderTableReader reader = new HeaderTableReader(header, log, draft);
            for (Table.Row row : data) {
                if (!row.isBlank()) {
                    reader.readRow(row);
                }
            }
        }
        return log.result(draft.build(planName, layout.layout()));
    }

    /** Where the title lines above a header begin: the lone cells and blank rows just above it. */
    private static int titleStart(List<Table.Row> rows, int headerIndex) {
        int start = headerIndex;
        while (start > 0 && headerIndex - start < TITLE_ROWS && isTitleLine(rows.get(start - 1))) {
            start--;
        }
        return start;
    }

    /** The nearest title line above a header; "" when there is none. */
    private static String title(List<Table.Row> rows, int headerIndex) {
        for (int i = headerIndex - 1; i >= titleStart(rows, headerIndex); i--) {
            if (!rows.get(i).isBlank()) {
                return rows.get(i).text(0).replaceAll("\\s+", " ");
            }
        }
        return "";
    }

    private static boolean isTitleLine(Table.Row row) {
        return row.isBlank() || (firstFilled(row) == 0 && row.cells().stream().skip(1).allMatch(c -> Markup.plain(c).isEmpty()));
    }

    /**
     * The row where a section column names a value again after another ("Development Management", "Building
     * Control", "Development Management"), in any of the tables; null when none does. Such a column names teams,
     * not sections: read as sections it would split the plan into a section per row and name one twice.
     */
    private static Table.Row sectionThatRepeats(List<Header> headers, List<List<Table.Row>> tables) {
        Set<String> seen = new HashSet<>();
        String previous = null;
        for (int k = 0; k < headers.size(); k++) {
            int column = headers.get(k).column(Field.SECTION);
            if (column < 0) {
                continue;
            }
            for (Table.Row row : tables.get(k)) {
                String value = row.text(column).replaceAll("\\s+", " ");
                if (value.isEmpty() || value.equals(previous)) {
                    continue;
                }
                if (!seen.add(value)) {
                    return row;
                }
                previous = value;
            }
        }
        return null;
    }

    /** The header with its section column read as the owner when it has no owner column, else not read; reported. */
    private static Header withoutSections(Header header, int headerRow, Table.Row repeated, ReadLog log) {
        int column = header.column(Field.SECTION);
        if (column < 0 || column >= header.columns().size()) {
            return header;
        }
        Role role = header.has(Field.OWNER) ? Role.IGNORED : Role.OWNER;
        List<Layout.Column> columns = new ArrayList<>(header.columns());
        columns.set(column, new Layout.Column(columns.get(column).header(), role));
        log.notice(headerRow, "the column '" + header.name(column) + "' holds no sections (row " + repeated.number()
                + " names one again after another): it is read as "
                + (role == Role.OWNER ? "the owner" : "nothing (the table has an owner column)"));
        return new Header(header.shape(), header.index(), columns, header.trailing());
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

        Status status = cells.status(Field.STATUS);
        Milestones.Items milestones = Milestones.split(taskText.text());
        if (milestones == null) {
            addTask(n, action, taskRef, taskText.text().isEmpty() ? actionText.text() : taskText.text(), status,
                    cells, cells.dates(), owner(cells.text(Field.OWNER)), cells.notes(taskText.notes()));
            return;
        }
        // A Word plan's row: the sentence before the bullets says what the action is, each bullet is a milestone,
        // and the row's progress notes are about the action as a whole.
        action.addRecommendation(milestones.intro());
        String notes = cells.notes(taskText.notes());
        if (notes != null) {
            action.notes.add(notes);
        }
        int count = milestones.items().size();
        List<String> owners = Milestones.owners(cells.text(Field.OWNER), count);
        String due = cells.text(Field.TARGET);
        List<String> dues = Milestones.dueTexts(due, count);
        if (dues == null) {
            action.notes.add(cells.name(Field.TARGET) + ": " + due);
            log.notice(n, "the lines of the " + cells.name(Field.TARGET) + " cell do not match the milestones; the cell "
                    + "is kept in the action's notes");
            dues = Collections.nCopies(count, "");
        }
        Map<String, RowFields.Dates> datesByText = new HashMap<>(); // a cell shared by milestones is read (and reported) once
        int dated = 0;
        for (int i = 0; i < count; i++) {
            RowFields.Dates dates = datesByText.computeIfAbsent(dues.get(i), cells::dates);
            Task task = addTask(n, action, i == 0 ? taskRef : "", milestones.items().get(i), status, cells, dates,
                    owner(owners.get(i)), null);
            dated += task.target() != null && task.target().isDate() ? 1 : 0;
        }
        log.notice(n, count + (count == 1 ? " milestone" : " milestones") + " read as tasks of " + action.displayName()
                + (milestones.intro().isEmpty() ? "" : ", the sentence before them as the action's text")
                + (dated == 0 ? "" : "; " + dated + " with a target date")
                + (new HashSet<>(owners).size() > 1 ? "; one owner per milestone, line by line" : "")
                + (new HashSet<>(dues).size() > 1 ? "; one target per milestone, by letter or line" : ""));
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
