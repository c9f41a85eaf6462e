package planbot.tracker.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import planbot.domain.Layout;
import planbot.domain.Layout.Role;
import planbot.tracker.CouncilLayout;
import planbot.tracker.Markup;

/**
 * Finds the header row (the first row whose cells name at least two known columns, one of them the action or
 * the task: trackers put titles and blank lines above it) and decides the shape from its words, never from
 * the file name: "INTERNAL REF" and "KEY TASKS" make the review tracker; "WORKSTREAM", "ACTIVITIES" and
 * "TIMESCALE" an activity plan; anything else is a table mapped column by column. A --map entry for a header
 * beats the guess. Planbot's own trailing columns at the end of the header are told apart from the council's
 * by the rule in {@link CouncilLayout}, so that they never become part of the plan's layout.
 */
final class ShapeDetector {
    private static final int MAX_HEADER_LENGTH = 60;

    private ShapeDetector() {
    }

    static Header detect(Table table, ReadOptions options) throws TrackerFormatException {
        return detect(table, options, 0);
    }

    /**
     * The header rows of a file that holds several tables one after another, each with its own header: the first
     * header, then, in a table mapped column by column, every later row that is plainly another header (each of
     * its filled cells names a column, and two of them at least). A file of one table gives one header.
     */
    static List<Header> detectAll(Table table, ReadOptions options) throws TrackerFormatException {
        List<Header> headers = new ArrayList<>();
        headers.add(detect(table, options));
        if (headers.get(0).shape() != Layout.Shape.TABLE) {
            return headers;
        }
        List<Table.Row> rows = table.rows();
        for (int i = headers.get(0).index() + 1; i < rows.size(); i++) {
            List<String> cells = headerCells(rows.get(i));
            boolean allNamed = cells.stream().allMatch(c -> c.isEmpty() || role(c, options.columnMap()) != null);
            if (allNamed && cells.stream().filter(c -> !c.isEmpty()).count() >= 2) {
                Header next = detect(table, options, i);
                if (next.index() == i && next.shape() == Layout.Shape.TABLE) {
                    headers.add(next);
                }
            }
        }
        return headers;
    }

    private static Header detect(Table table, ReadOptions options, int from) throws TrackerFormatException {
        List<Table.Row> rows = table.rows();
        for (int i = from; i < rows.size(); i++) {
            List<String> cells = headerCells(rows.get(i));
            List<Role> roles = new ArrayList<>();
            for (String cell : cells) {
                roles.add(role(cell, options.columnMap()));
            }
            if (looksLikeHeader(roles)) {
                Layout.Shape shape = shape(cells);
                List<Boolean> mapped = cells.stream().map(c -> mapped(c, options.columnMap()) != null).toList();
                int own = trailingStart(cells, roles, mapped, shape);
                List<String> ownCells = cells.subList(0, own);
                List<Role> ownRoles = settle(roles.subList(0, own), ownCells, mapped.subList(0, own), shape);
                List<CouncilLayout.Trailing> trailing = new ArrayList<>();
                for (String cell : cells.subList(own, cells.size())) {
                    trailing.add(CouncilLayout.trailing(cell));
                }
                return new Header(shape, i, columns(ownCells, ownRoles), trailing);
            }
        }
        throw new TrackerFormatException("no header row found: expected a row naming the columns, such as REF, ACTION "
                + "or KEY TASKS, OWNER or LEAD, TARGET DATE and STATUS (or WORKSTREAM, ACTIVITIES, TIMESCALE, LEAD)");
    }

    private static List<String> headerCells(Table.Row row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.cells()) {
            cells.add(Markup.plain(cell).replaceAll("\\s+", " "));
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    /**
     * Where planbot's trailing columns begin: the first index from which every cell is a trailing column's exact
     * header (and not one the --map names), no two hold the same field, the cells before make a header on their
     * own, do not end in an empty cell, and their settled roles hold none of those fields. The size of the header
     * when there are none.
     * Choosing the longest such run is what makes a layout read back from its own export come back the same:
     * the council's columns never end in a run that this rule would take.
     */
    private static int trailingStart(List<String> cells, List<Role> guessed, List<Boolean> mapped, Layout.Shape shape) {
        int first = cells.size();
        while (first > 0 && !mapped.get(first - 1) && CouncilLayout.trailing(cells.get(first - 1)) != null) {
            first--;
        }
        for (int start = first; start < cells.size(); start++) {
            if (isTrailingRun(cells, guessed, mapped, shape, start)) {
                return start;
            }
        }
        return cells.size();
    }

    private static boolean isTrailingRun(List<String> cells, List<Role> guessed, List<Boolean> mapped,
                                         Layout.Shape shape, int start) {
        // the council's columns must not end in an empty header: written last, it would read as no column at all
        if (start == 0 || cells.get(start - 1).isEmpty() || !looksLikeHeader(guessed.subList(0, start))) {
            return false;
        }
        List<Role> own = settle(guessed.subList(0, start), cells.subList(0, start), mapped.subList(0, start), shape);
        Set<CouncilLayout.Field> fields = EnumSet.noneOf(CouncilLayout.Field.class);
        for (String cell : cells.subList(start, cells.size())) {
            CouncilLayout.Trailing trailing = CouncilLayout.trailing(cell);
            if (!fields.add(trailing.field()) || CouncilLayout.covers(shape, own, trailing)) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeHeader(List<Role> roles) {
        Set<Role> known = EnumSet.noneOf(Role.class);
        int named = 0;
        for (Role r : roles) {
            if (r != null && r != Role.IGNORED) {
                known.add(r);
                named++;
            }
        }
        return named >= 2 && (known.contains(Role.ACTION) || known.contains(Role.TASK));
    }

    private static Layout.Shape shape(List<String> cells) {
        String all = String.join(" | ", cells).toLowerCase(Locale.ROOT);
        if (all.contains("internal ref") && all.contains("key task")) {
            return Layout.Shape.REVIEW;
        }
        if (all.contains("workstream") && all.contains("activit") && all.contains("timescale")) {
            return Layout.Shape.ACTIVITY;
        }
        return Layout.Shape.TABLE;
    }

    /**
     * Resolves what one header cell alone cannot say: which ref is which, lead or owner, one column per role.
     * Columns the --map named keep the role they were given.
     */
    private static List<Role> settle(List<Role> guessed, List<String> cells, List<Boolean> mapped, Layout.Shape shape) {
        List<Role> roles = new ArrayList<>(guessed);
        // A plain "REF." next to an "INTERNAL REF" names the action; alone, it names the task.
        boolean qualifiedTaskRef = false;
        for (int i = 0; i < roles.size(); i++) {
            qualifiedTaskRef |= roles.get(i) == Role.TASK_REF && !isPlainRef(cells.get(i));
        }
        int plainRefs = 0;
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == Role.TASK_REF && isPlainRef(cells.get(i)) && !mapped.get(i)) {
                boolean another = qualifiedTaskRef || roles.subList(i + 1, roles.size()).contains(Role.TASK_REF);
                roles.set(i, another && plainRefs++ == 0 ? Role.ACTION_REF : Role.TASK_REF);
            }
        }
        if (shape == Layout.Shape.ACTIVITY) {
            // An activity plan's workstream names the action (its label); its activities are the tasks.
            replace(roles, mapped, Role.SECTION, Role.ACTION_REF);
        }
        if (!roles.contains(Role.OWNER)) {
            replace(roles, mapped, Role.LEAD, Role.OWNER);
        }
        if (shape == Layout.Shape.TABLE && !roles.contains(Role.TASK)
                && (roles.contains(Role.TASK_REF) || roles.contains(Role.ACTION_REF))) {
            // One ref per row and no task column: each row is a task, and the "action" text is its description.
            replace(roles, mapped, Role.ACTION, Role.TASK);
        }
        Set<Role> seen = EnumSet.noneOf(Role.class);
        for (int i = 0; i < roles.size(); i++) {
            Role r = roles.get(i);
            if (r == null || (r != Role.IGNORED && !seen.add(r))) {
                roles.set(i, Role.IGNORED); // the first column with a role is the one read
            }
        }
        return roles;
    }

    private static void replace(List<Role> roles, List<Boolean> mapped, Role from, Role to) {
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == from && !mapped.get(i)) {
                roles.set(i, to);
                return;
            }
        }
    }

    private static List<Layout.Column> columns(List<String> cells, List<Role> roles) {
        List<Layout.Column> columns = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            columns.add(new Layout.Column(cells.get(i), roles.get(i)));
        }
        return columns;
    }

    /** The role a header names, from a --map entry or else from its words; null when it names none. */
    static Role role(String header, Map<String, Role> columnMap) {
        String h = header.strip();
        if (h.isEmpty()) {
            return null;
        }
        Role mapped = mapped(h, columnMap);
        return mapped != null ? mapped : guess(h);
    }

    private static Role mapped(String header, Map<String, Role> columnMap) {
        for (Map.Entry<String, Role> e : columnMap.entrySet()) {
            if (e.getKey().strip().equalsIgnoreCase(header.strip())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The role a header's words suggest; the order of the checks settles headers with several words. */
    static Role guess(String header) {
        Set<String> w = words(header);
        // A header is a label; a sentence that happens to contain "how" or "no" is prose, not a column name.
        if (w.isEmpty() || header.length() > MAX_HEADER_LENGTH) {
            return null;
        }
        if (any(w, "ref", "reference", "no", "id", "number", "num") || header.strip().equals("#")) {
            if (any(w, "action", "main", "recommendation")) {
                return Role.ACTION_REF;
            }
            return Role.TASK_REF; // a plain ref is settled against the other columns later
        }
        if (any(w, "milestone", "milestones") && !any(w, "date", "dates", "due", "deadline", "when")) {
            return Role.TASK; // "Action, Targets or Milestones": the milestones are the tasks
        }
        if (any(w, "start", "begin", "commence")) {
            return Role.START;
        }
        if (any(w, "timescale", "timescales", "timeframe", "timeline", "timing")) {
            return Role.TIMESCALE;
        }
        if (any(w, "target", "due", "deadline", "end", "when", "completion", "finish") || w.equals(Set.of("date"))) {
            return Role.TARGET;
        }
        if (any(w, "term")) {
            return Role.TERM;
        }
        if (any(w, "note", "notes", "update", "updates", "comment", "comments", "commentary", "remarks", "narrative")) {
            return Role.NOTES;
        }
        if (any(w, "status", "rag", "progress")) {
            return any(w, "main", "action", "overall") ? Role.ACTION_STATUS : Role.STATUS;
        }
        if (any(w, "owner", "owners", "who", "responsible", "responsibility", "assigned", "assignee")) {
            return Role.OWNER;
        }
        if (any(w, "lead", "leads")) {
            return Role.LEAD;
        }
        if (any(w, "officer", "officers")) {
            return Role.OWNER;
        }
        if (any(w, "section", "theme", "area", "workstream", "workstreams", "category", "heading")) {
            return Role.SECTION;
        }
        if (any(w, "recommendation", "recommendations", "action", "actions", "what", "objective", "objectives")) {
            return Role.ACTION;
        }
        if (any(w, "task", "tasks", "how", "activity", "activities", "milestone", "milestones", "step", "steps",
                "deliverable", "deliverables")) {
            return Role.TASK;
        }
        return null;
    }

    private static boolean isPlainRef(String header) {
        Set<String> w = words(header);
        return !any(w, "internal", "task", "sub", "milestone", "action", "main", "recommendation");
    }

    private static Set<String> words(String header) {
        Set<String> words = new HashSet<>(Arrays.asList(header.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        words.remove("");
        return words;
    }

    private static boolean any(Set<String> words, String... candidates) {
        for (String c : candidates) {
            if (words.contains(c)) {
                return true;
            }
        }
        return false;
    }
}
