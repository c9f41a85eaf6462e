package planbot.tracker;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Status;

/**
 * The council layout: how a plan is laid out as the council's own tracker, written down once for both sides.
 * The exporter ({@code planbot.tracker.write}) writes by these rules and the readers ({@code planbot.tracker.read})
 * read by them, so that for a plan read from any tracker, reading back its CSV or XLSX export gives an equal
 * {@link Plan}, {@link Layout} included. This class also holds the two tables both sides look up: what each
 * layout role holds ({@link #field}) and planbot's trailing columns ({@link #TRAILING}).
 *
 * <h2>Columns</h2>
 * <ol>
 *   <li>The layout's columns ({@code plan.layout().columns()}), in order, with their header text as written.</li>
 *   <li>Then, only when the plan has a value the layout has no column for ({@link #covers}), these trailing
 *       columns, in this order, each at most once:
 *       <table>
 *         <caption>trailing columns</caption>
 *         <tr><th>header</th><th>holds</th><th>not added when the layout has a column holding</th></tr>
 *         <tr><td>{@code OWNER}</td><td>Task.owner</td><td>OWNER (an ACTIVITY layout's LEAD holds it)</td></tr>
 *         <tr><td>{@code NOTES}</td><td>Task.notes</td><td>NOTES</td></tr>
 *         <tr><td>{@code ACTION NOTES}</td><td>Action.notes</td><td>(always added: no role holds it)</td></tr>
 *         <tr><td>{@code ACTION LEAD}</td><td>Action.lead</td><td>ACTION_LEAD (LEAD, but never in an ACTIVITY
 *             layout)</td></tr>
 *         <tr><td>{@code STATUS}</td><td>Task.status word</td><td>STATUS</td></tr>
 *         <tr><td>{@code ACTION STATUS}</td><td>Action.status word</td><td>ACTION_STATUS</td></tr>
 *         <tr><td>{@code START}</td><td>Task.start</td><td>START or TIMESCALE</td></tr>
 *         <tr><td>{@code TARGET}</td><td>Task.target</td><td>TARGET or TIMESCALE</td></tr>
 *       </table>
 *       They are planbot's, not the council's: a reader maps them back to those fields and does <em>not</em> add
 *       them to the plan's {@link Layout}. The first four are what review trackers lack; the last four keep what
 *       people changed in chat (a status on an activity plan, which has no column for it).</li>
 * </ol>
 * A reader takes a header cell for a trailing column when it is one of these words exactly (capitals and all),
 * every cell after it is one too, no two of them hold the same field, the cells before them make a header on
 * their own, and none of those cells' roles covers any of them; it takes the longest such run at the end of the
 * header. So a council's own last column headed "NOTES" is read as planbot's NOTES column (its text still goes
 * to Task.notes); and because the run is chosen this way, reading the columns a layout was written with gives
 * that layout back, whatever trailing columns the export added.
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
 * later rows leave it empty (the council's "continuation row"). Per field ({@link Field}):
 * <table>
 *   <caption>cells by field</caption>
 *   <tr><th>field</th><th>cell</th><th>written on</th></tr>
 *   <tr><td>SECTION</td><td>Section.name</td><td>the section's first row</td></tr>
 *   <tr><td>ACTION_REF</td><td>Action.label, or Action.key when it has no label</td><td>the action's first
 *       row</td></tr>
 *   <tr><td>ACTION</td><td>Action.recommendation, whole, newlines included</td><td>the action's first row</td></tr>
 *   <tr><td>ACTION_STATUS, ACTION_LEAD, ACTION_NOTES</td><td>Action.status word, lead, notes</td><td>the action's
 *       first row</td></tr>
 *   <tr><td>TASK, TASK_REF, STATUS, TERM, OWNER, NOTES</td><td>description, ref, status word, term, owner,
 *       notes of the task</td><td>every row</td></tr>
 *   <tr><td>START, TARGET</td><td>{@link PlanDate#display()}: the original text when kept ("TBC - interdependency
 *       with Website Redesign Project" is not kept, "31/08/2023*" is), else {@code dd/MM/yyyy},
 *       {@code MMMM yyyy}, {@code TBC}, {@code N/A} or {@code Ongoing}, each with {@code " - remark"}</td>
 *       <td>every row</td></tr>
 *   <tr><td>TIMESCALE</td><td>{@link Timescales#text}: Task.timescale when the task has one, else
 *       {@link Timescales#format} of its dates</td><td>every row</td></tr>
 *   <tr><td>NONE (an IGNORED column)</td><td>empty</td><td></td></tr>
 * </table>
 * A missing value is an empty cell.
 *
 * <p>Roles the readers give: a REVIEW layout maps REF. → ACTION_REF, MAIN ACTION RAG STATUS → ACTION_STATUS,
 * RECOMMENDATION → ACTION, KEY TASKS → TASK, INTERNAL REF → TASK_REF, PROGRESS RAG STATUS → STATUS, TERM → TERM,
 * START DATE → START, TARGET END DATE → TARGET; an ACTIVITY layout maps WORKSTREAM → ACTION_REF (the workstream's
 * name is the action's label; its key is made from it), ACTIVITIES → TASK, TIMESCALE → TIMESCALE, LEAD → OWNER
 * (one lead per activity). The plan's name is not in the file (the sheet name aside): the reader takes it from
 * its options.
 *
 * <h2>Cell text</h2>
 * Every cell, headers and section rows included, is written as {@link FormulaGuard#neutralise}({@link
 * Markup#escape}(text)) and read as {@link Markup#plain}({@link FormulaGuard#restore}(cell)): the formula guard
 * keeps spreadsheets from running text, and text that would read as markup ({@code <b>}, {@code &amp;}) is
 * escaped so that it comes back as written. The readers restore every cell as the file is loaded.
 *
 * <h2>What a reader does for an equal plan</h2>
 * <ul>
 *   <li>maps the trailing columns and leaves them out of the layout (above);</li>
 *   <li>reads a row whose first cell alone is filled, in a layout without a SECTION column, as a section row
 *       (but where the first column holds action or task text, only a heading in capitals or bold, since a lone
 *       sentence there is an action without tasks; the export writes no bold, so a section named in lower case
 *       does not come back from such a table: a known limit);</li>
 *   <li>reads an empty section or action cell on a later row as "same as above";</li>
 *   <li>keeps {@code Action.label} null when the ACTION_REF cell is just the key it derives (from the task refs
 *       of a review tracker, from the workstream's name in an activity plan); a generic table's ACTION_REF cell
 *       is the key itself;</li>
 *   <li>rebuilds statuses with {@link Status#of}, so the kind is derived from the word again;</li>
 *   <li>reads every form {@link PlanDate#display()} writes, and keeps {@code PlanDate.text} only when the cell
 *       differs from what {@code display()} gives without it ({@link DateCells}): a date set in planbot has no
 *       text and comes back without one. Likewise it keeps {@code Task.timescale} only when the cell differs
 *       from {@link Timescales#format} of the dates read;</li>
 *   <li>derives action keys and task refs the layout has no column for (an activity plan's) the same way each
 *       time, from the order of the rows, which the export keeps.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class CouncilLayout {

    /**
     * What a column holds in the plan. Layout roles map one to one ({@link #field}), except that LEAD is the
     * action's lead, or in an activity plan the activity's owner; ACTION_NOTES has no role at all.
     */
    public enum Field {
        SECTION, ACTION_REF, ACTION, ACTION_STATUS, ACTION_LEAD, ACTION_NOTES,
        TASK, TASK_REF, STATUS, TERM, START, TARGET, TIMESCALE, OWNER, NOTES,
        /** An ignored column: written empty, never read. */
        NONE;

        /** True for the fields of an action, which are written on its first row only. */
        public boolean ofAction() {
            return this == ACTION_REF || this == ACTION || this == ACTION_STATUS || this == ACTION_LEAD
                    || this == ACTION_NOTES;
        }

        /** True for the fields of a task, which are written on every row. */
        public boolean ofTask() {
            return this != SECTION && this != NONE && !ofAction();
        }
    }

    /**
     * One of planbot's trailing columns.
     *
     * @param header    the header word, exactly as written and matched
     * @param field     what it holds
     * @param coveredBy the fields whose column makes it unnecessary
     */
    public record Trailing(String header, Field field, Set<Field> coveredBy) {
        public Trailing {
            coveredBy = Set.copyOf(coveredBy);
        }
    }

    /** The trailing columns in the order they are written. */
    public static final List<Trailing> TRAILING = List.of(
            new Trailing("OWNER", Field.OWNER, EnumSet.of(Field.OWNER)),
            new Trailing("NOTES", Field.NOTES, EnumSet.of(Field.NOTES)),
            new Trailing("ACTION NOTES", Field.ACTION_NOTES, EnumSet.of(Field.ACTION_NOTES)),
            new Trailing("ACTION LEAD", Field.ACTION_LEAD, EnumSet.of(Field.ACTION_LEAD)),
            new Trailing("STATUS", Field.STATUS, EnumSet.of(Field.STATUS)),
            new Trailing("ACTION STATUS", Field.ACTION_STATUS, EnumSet.of(Field.ACTION_STATUS)),
            new Trailing("START", Field.START, EnumSet.of(Field.START, Field.TIMESCALE)),
            new Trailing("TARGET", Field.TARGET, EnumSet.of(Field.TARGET, Field.TIMESCALE)));

    private CouncilLayout() {
    }

    /** The trailing column a header names, matched exactly; null when it names none. */
    public static Trailing trailing(String header) {
        for (Trailing t : TRAILING) {
            if (t.header().equals(header)) {
                return t;
            }
        }
        return null;
    }

    /** What a column of this role holds in a layout of this shape. */
    public static Field field(Layout.Shape shape, Layout.Role role) {
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

    /** True when a layout of this shape with columns of these roles already holds the trailing column's field. */
    public static boolean covers(Layout.Shape shape, Collection<Layout.Role> roles, Trailing trailing) {
        for (Layout.Role role : roles) {
            if (trailing.coveredBy().contains(field(shape, role))) {
                return true;
            }
        }
        return false;
    }
}
