package planbot.tracker.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import planbot.domain.Action;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.tracker.FormulaGuard;

/**
 * Lays a plan out as the council's own tracker: the rows that {@link CsvPlanWriter} and {@link XlsxPlanWriter}
 * write. Both formats get the same cells, so these rules hold for both; the readers honour them so that
 * export → import gives an equal {@link Plan}.
 *
 * <h2>Columns</h2>
 * <ol>
 *   <li>The layout's columns ({@code plan.layout().columns()}), in order, with their header text as written.</li>
 *   <li>Then, only when the plan has a value the layout has no column for, these trailing columns, in this
 *       order, each at most once:
 *       <table>
 *         <caption>trailing columns</caption>
 *         <tr><th>header</th><th>holds</th><th>added when the layout has no column of role</th></tr>
 *         <tr><td>{@code OWNER}</td><td>Task.owner</td><td>OWNER (in an ACTIVITY layout, LEAD counts too)</td></tr>
 *         <tr><td>{@code NOTES}</td><td>Task.notes</td><td>NOTES</td></tr>
 *         <tr><td>{@code ACTION NOTES}</td><td>Action.notes</td><td>(always: no role holds it)</td></tr>
 *         <tr><td>{@code ACTION LEAD}</td><td>Action.lead</td><td>LEAD (never in an ACTIVITY layout)</td></tr>
 *         <tr><td>{@code STATUS}</td><td>Task.status word</td><td>STATUS</td></tr>
 *         <tr><td>{@code ACTION STATUS}</td><td>Action.status word</td><td>ACTION_STATUS</td></tr>
 *         <tr><td>{@code START}</td><td>Task.start</td><td>START or TIMESCALE</td></tr>
 *         <tr><td>{@code TARGET}</td><td>Task.target</td><td>TARGET or TIMESCALE</td></tr>
 *       </table>
 *       A reader maps these exact header words back to those fields and does <em>not</em> add them to the
 *       plan's {@link Layout}: they are planbot's, not the council's, and the layout must come back equal.
 *       The first four are what review trackers lack; the last four keep what people changed in chat (a
 *       status or a date on an activity plan, which has no column for them).</li>
 * </ol>
 *
 * <h2>Rows</h2>
 * The header row, then the sections in order. For each section:
 * <ul>
 *   <li>when the layout has no SECTION column and the section's name is not empty: a <b>section row</b>, the
 *       name in the first cell and every other cell empty (the review tracker's own style);</li>
 *   <li>then one row per task of each action in order; an action with no tasks gets one row with its own
 *       cells only; with a SECTION column, a section with no actions gets one row with only its name.</li>
 * </ul>
 * A value that belongs to a section or an action is written only on the first row of that section or action;
 * later rows leave it empty (the council's "continuation row"). Per column role:
 * <table>
 *   <caption>cells by role</caption>
 *   <tr><th>role</th><th>cell</th><th>written on</th></tr>
 *   <tr><td>SECTION</td><td>Section.name</td><td>the section's first row</td></tr>
 *   <tr><td>ACTION_REF</td><td>Action.label, or Action.key when it has no label (a reader then keeps label null
 *       when the cell equals the key it derives)</td><td>the action's first row</td></tr>
 *   <tr><td>ACTION</td><td>Action.recommendation, whole, newlines included</td><td>the action's first row</td></tr>
 *   <tr><td>ACTION_STATUS</td><td>Action.status word</td><td>the action's first row</td></tr>
 *   <tr><td>LEAD</td><td>Action.lead; but in an ACTIVITY layout the LEAD column is per activity and holds
 *       Task.owner</td><td>the action's first row (ACTIVITY: every row)</td></tr>
 *   <tr><td>TASK, TASK_REF, STATUS, TERM, OWNER, NOTES</td><td>description, ref, status word, term, owner,
 *       notes of the task</td><td>every row</td></tr>
 *   <tr><td>START, TARGET</td><td>{@link PlanDate#display()}: the original text when kept ("TBC - interdependency
 *       with Website Redesign Project", "31/08/2023*", "N/A"), else {@code dd/MM/yyyy} or {@code MMMM yyyy}</td>
 *       <td>every row</td></tr>
 *   <tr><td>TIMESCALE</td><td>Task.timescale when the task has one; else built from its dates:
 *       "{@code start – target}" (spaced en dash), "{@code target}" alone, or "{@code from start}"</td>
 *       <td>every row</td></tr>
 *   <tr><td>IGNORED</td><td>empty</td><td></td></tr>
 * </table>
 * A missing value is an empty cell.
 *
 * <p>Expected roles: a REVIEW layout maps REF. → ACTION_REF, MAIN ACTION RAG STATUS → ACTION_STATUS,
 * RECOMMENDATION → ACTION, KEY TASKS → TASK, INTERNAL REF → TASK_REF, PROGRESS RAG STATUS → STATUS, TERM → TERM,
 * START DATE → START, TARGET END DATE → TARGET; an ACTIVITY layout maps WORKSTREAM → ACTION_REF (the workstream
 * is the action's label), ACTIVITIES → TASK, TIMESCALE → TIMESCALE, LEAD → LEAD or OWNER. The plan's name
 * is not in the file (the sheet name aside): the reader takes it from its options.
 *
 * <h2>Formula guard</h2>
 * Every cell, headers and section rows included, is passed through {@link FormulaGuard#neutralise}: text that
 * starts with {@code = + - @}, tab or CR gets a leading apostrophe. Readers take exactly one off with
 * {@link FormulaGuard#restore} before anything else.
 *
 * <h2>What a reader does for an equal plan</h2>
 * <ul>
 *   <li>restores every cell (above), then maps the trailing columns and leaves them out of the layout;</li>
 *   <li>reads a row whose first cell alone is filled, in a layout without a SECTION column, as a section row;</li>
 *   <li>reads an empty section or action cell on a later row as "same as above";</li>
 *   <li>keeps {@code Action.label} null when the ACTION_REF cell is just the key it derives from the task refs;</li>
 *   <li>rebuilds statuses with {@link Status#of}, so the kind is derived from the word again;</li>
 *   <li>reads every form {@link PlanDate#display()} writes ({@code dd/MM/yyyy}, {@code MMMM yyyy}, {@code TBC},
 *       {@code N/A}, {@code Ongoing}, each optionally followed by {@code " - "} and a remark), and keeps
 *       {@code PlanDate.text} only when the cell differs from what {@code display()} gives without it: a date
 *       set in planbot has no text and must come back without one. Likewise a TIMESCALE cell that is exactly
 *       what {@link #timescale} builds from the dates read from it leaves {@code Task.timescale} null;</li>
 *   <li>derives action keys and task refs the layout has no column for (an activity plan's) the same way each
 *       time, from the order of the rows, which the export keeps.</li>
 * </ul>
 *
 * <p>Immutable once made; {@link #of} decides the columns for one plan, so make one per export.
 */
final class CouncilLayoutWriter {

    /** What a row is, so that XLSX can style it. */
    enum RowKind { HEADER, SECTION, ITEM }

    /** Where the rows go: one call per row, cells already neutralised, as many cells as there are columns. */
    interface RowSink {
        void row(RowKind kind, List<String> cells) throws IOException;
    }

    /**
     * What an output column holds. Layout roles map one to one, but LEAD splits in two (action lead, or the
     * activity's owner) and action notes have no role at all.
     */
    enum Field {
        SECTION, ACTION_REF, ACTION, ACTION_STATUS, ACTION_LEAD, ACTION_NOTES,
        TASK, TASK_REF, STATUS, TERM, START, TARGET, TIMESCALE, OWNER, NOTES, NONE;

        boolean ofSection() {
            return this == SECTION;
        }

        boolean ofAction() {
            return this == ACTION_REF || this == ACTION || this == ACTION_STATUS || this == ACTION_LEAD
                    || this == ACTION_NOTES;
        }

        /** True for the columns that hold sentences, which XLSX makes wide. */
        boolean isLongText() {
            return this == ACTION || this == TASK || this == NOTES || this == ACTION_NOTES;
        }
    }

    /** One column of the output: its header as written and what it holds. */
    record Column(String header, Field field) {
    }

    /** A trailing column: its header word, what it holds, and which fields already cover it. */
    private record Extra(String header, Field field, Set<Field> coveredBy) {
    }

    private static final List<Extra> EXTRAS = List.of(
            new Extra("OWNER", Field.OWNER, EnumSet.of(Field.OWNER)),
            new Extra("NOTES", Field.NOTES, EnumSet.of(Field.NOTES)),
            new Extra("ACTION NOTES", Field.ACTION_NOTES, EnumSet.of(Field.ACTION_NOTES)),
            new Extra("ACTION LEAD", Field.ACTION_LEAD, EnumSet.of(Field.ACTION_LEAD)),
            new Extra("STATUS", Field.STATUS, EnumSet.of(Field.STATUS)),
            new Extra("ACTION STATUS", Field.ACTION_STATUS, EnumSet.of(Field.ACTION_STATUS)),
            new Extra("START", Field.START, EnumSet.of(Field.START, Field.TIMESCALE)),
            new Extra("TARGET", Field.TARGET, EnumSet.of(Field.TARGET, Field.TIMESCALE)));

    private final Plan plan;
    private final List<Column> columns;

    private CouncilLayoutWriter(Plan plan, List<Column> columns) {
        this.plan = plan;
        this.columns = columns;
    }

    /**
     * The layout for a plan.
     *
     * @throws IllegalArgumentException when the plan's layout has no columns: there is no council layout to
     *                                  write back (JSON still works)
     */
    static CouncilLayoutWriter of(Plan plan) {
        Layout layout = plan.layout();
        if (layout.columns().isEmpty()) {
            throw new IllegalArgumentException("plan '" + plan.name()
                    + "' has no tracker layout to write back; export it as JSON instead");
        }
        List<Column> columns = new ArrayList<>();
        Set<Field> present = EnumSet.noneOf(Field.class);
        for (Layout.Column c : layout.columns()) {
            Field field = fieldFor(layout.shape(), c.role());
            columns.add(new Column(c.header(), field));
            present.add(field);
        }
        for (Extra extra : EXTRAS) {
            if (Collections.disjoint(present, extra.coveredBy()) && hasAnyValue(plan, extra.field())) {
                columns.add(new Column(extra.header(), extra.field()));
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
            header.add(FormulaGuard.neutralise(c.header()));
        }
        sink.row(RowKind.HEADER, header);
        boolean sectionColumn = columns.stream().anyMatch(c -> c.field() == Field.SECTION);
        for (Section section : plan.sections()) {
            if (!sectionColumn && !section.name().isEmpty()) {
                List<String> cells = new ArrayList<>(Collections.nCopies(columns.size(), ""));
                cells.set(0, FormulaGuard.neutralise(section.name()));
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
            boolean written = f.ofSection() ? firstOfSection : !f.ofAction() || firstOfAction;
            cells.add(written ? FormulaGuard.neutralise(value(f, section, action, task)) : "");
        }
        return cells;
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
            case TIMESCALE: return timescale(t);
            case OWNER: return orEmpty(t.owner());
            case NOTES: return orEmpty(t.notes());
            default: return "";
        }
    }

    /** The original timescale text, else one built from the dates in words an activity-plan reader reads. */
    static String timescale(Task t) {
        if (t.timescale() != null) {
            return t.timescale();
        }
        if (t.start() != null && t.target() != null) {
            return t.start().display() + " \u2013 " + t.target().display();
        }
        if (t.target() != null) {
            return t.target().display();
        }
        return t.start() == null ? "" : "from " + t.start().display();
    }

    private static Field fieldFor(Layout.Shape shape, Layout.Role role) {
        switch (role) {
            case SECTION: return Field.SECTION;
            case ACTION_REF: return Field.ACTION_REF;
            case ACTION_STATUS: return Field.ACTION_STATUS;
            case ACTION: return Field.ACTION;
            case TASK: return Field.TASK;
            case TASK_REF: return Field.TASK_REF;
            case STATUS: return Field.STATUS;
            case TERM: return Field.TERM;
            case START: return Field.START;
            case TARGET: return Field.TARGET;
            case TIMESCALE: return Field.TIMESCALE;
            case OWNER: return Field.OWNER;
            // an activity plan names one lead per activity: that is the task's owner, not the action's lead
            case LEAD: return shape == Layout.Shape.ACTIVITY ? Field.OWNER : Field.ACTION_LEAD;
            case NOTES: return Field.NOTES;
            default: return Field.NONE;
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
