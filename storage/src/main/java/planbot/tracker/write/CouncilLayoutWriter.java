package planbot.tracker.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import planbot.domain.Action;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.domain.UserFixableException;
import planbot.tracker.CouncilLayout;
import planbot.tracker.CouncilLayout.Field;
import planbot.tracker.FormulaGuard;
import planbot.tracker.Markup;
import planbot.tracker.Timescales;

/**
 * Lays a plan out as the council's own tracker: the rows that {@link CsvPlanWriter} and {@link XlsxPlanWriter}
 * write. Both formats get the same cells. The rules, which the readers honour so that export → import gives an
 * equal {@link Plan}, are written down once, in {@link CouncilLayout}: the layout's columns then planbot's
 * trailing columns, a section row per named section, action cells on the action's first row only, and every
 * cell escaped and neutralised.
 *
 * <p>Immutable once made; {@link #of} decides the columns for one plan, so make one per export.
 */
final class CouncilLayoutWriter {

    /** What a row is, so that XLSX can style it. */
    enum RowKind { HEADER, SECTION, ITEM }

    /** Where the rows go: one call per row, cells already written as cells, as many cells as there are columns. */
    interface RowSink {
        void row(RowKind kind, List<String> cells) throws IOException;
    }

    /** One column of the output: its header as written and what it holds. */
    record Column(String header, Field field) {
        /** True for the columns that hold sentences, which XLSX makes wide. */
        boolean isLongText() {
            return field == Field.ACTION || field == Field.TASK || field == Field.NOTES || field == Field.ACTION_NOTES;
        }
    }

    private final Plan plan;
    private final List<Column> columns;

    private CouncilLayoutWriter(Plan plan, List<Column> columns) {
        this.plan = plan;
        this.columns = columns;
    }

    /**
     * The layout for a plan.
     *
     * @throws UserFixableException when the plan's layout has no columns: there is no council layout to write
     *                              back (JSON still works)
     */
    static CouncilLayoutWriter of(Plan plan) {
        Layout layout = plan.layout();
        if (layout.columns().isEmpty()) {
            throw new UserFixableException("plan '" + plan.name()
                    + "' has no tracker layout to write back; export it as JSON instead");
        }
        List<Column> columns = new ArrayList<>();
        List<Layout.Role> roles = new ArrayList<>();
        for (Layout.Column c : layout.columns()) {
            columns.add(new Column(c.header(), CouncilLayout.field(layout.shape(), c.role())));
            roles.add(c.role());
        }
        for (CouncilLayout.Trailing trailing : CouncilLayout.TRAILING) {
            if (!CouncilLayout.covers(layout.shape(), roles, trailing) && hasAnyValue(plan, trailing.field())) {
                columns.add(new Column(trailing.header(), trailing.field()));
            }
        }
        return new CouncilLayoutWriter(plan, List.copyOf(columns));
    }

    List<Column> columns() {
        return columns;
    }

    /** Sends the header row and every row of the plan to the sink, in order. */
    void write(RowSink sink) throws IOException {
        List<String> header = new ArrayList<>(columns.size());
        for (Column c : columns) {
            header.add(cell(c.header()));
        }
        sink.row(RowKind.HEADER, header);
        boolean sectionColumn = columns.stream().anyMatch(c -> c.field() == Field.SECTION);
        for (Section section : plan.sections()) {
            if (!sectionColumn && !section.name().isEmpty()) {
                List<String> cells = new ArrayList<>(Collections.nCopies(columns.size(), ""));
                cells.set(0, cell(section.name()));
                sink.row(RowKind.SECTION, cells);
            }
            boolean firstOfSection = true;
            if (sectionColumn && section.actions().isEmpty()) {
                sink.row(RowKind.ITEM, item(section, null, null, true, false));
            }
            for (Action action : section.actions()) {
                if (action.tasks().isEmpty()) {
                    sink.row(RowKind.ITEM, item(section, action, null, firstOfSection, true));
                    firstOfSection = false;
                }
                boolean firstOfAction = true;
                for (Task task : action.tasks()) {
                    sink.row(RowKind.ITEM, item(section, action, task, firstOfSection, firstOfAction));
                    firstOfSection = false;
                    firstOfAction = false;
                }
            }
        }
    }

    private List<String> item(Section section, Action action, Task task, boolean firstOfSection,
                              boolean firstOfAction) {
        List<String> cells = new ArrayList<>(columns.size());
        for (Column c : columns) {
            Field f = c.field();
            boolean written = f == Field.SECTION ? firstOfSection : !f.ofAction() || firstOfAction;
            cells.add(written ? cell(value(f, section, action, task)) : "");
        }
        return cells;
    }

    /** A text as a cell: escaped so that it reads back as written, and neutralised so that nothing runs it. */
    static String cell(String text) {
        return FormulaGuard.neutralise(Markup.escape(text));
    }

    /** The text of one field; empty when there is none. {@code action} and {@code task} may be null. */
    static String value(Field field, Section section, Action action, Task task) {
        if (field == Field.SECTION) {
            return section.name();
        }
        if (field.ofAction()) {
            return action == null ? "" : actionValue(field, action);
        }
        return task == null ? "" : taskValue(field, task);
    }

    private static String actionValue(Field field, Action a) {
        switch (field) {
            case ACTION_REF: return a.displayName();
            case ACTION: return a.recommendation();
            case ACTION_STATUS: return word(a.status());
            case ACTION_LEAD: return orEmpty(a.lead());
            case ACTION_NOTES: return orEmpty(a.notes());
            default: throw new IllegalStateException("not an action field: " + field);
        }
    }

    private static String taskValue(Field field, Task t) {
        switch (field) {
            case TASK: return t.description();
            case TASK_REF: return t.ref();
            case STATUS: return word(t.status());
            case TERM: return orEmpty(t.term());
            case START: return display(t.start());
            case TARGET: return display(t.target());
            case TIMESCALE: return Timescales.text(t);
            case OWNER: return orEmpty(t.owner());
            case NOTES: return orEmpty(t.notes());
            default: return "";
        }
    }

    private static boolean hasAnyValue(Plan plan, Field field) {
        for (Section s : plan.sections()) {
            for (Action a : s.actions()) {
                if (field.ofAction() && !value(field, s, a, null).isEmpty()) {
                    return true;
                }
                for (Task t : a.tasks()) {
                    if (!value(field, s, a, t).isEmpty()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String word(Status status) {
        return status == null ? "" : status.word();
    }

    private static String display(PlanDate date) {
        return date == null ? "" : date.display();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
