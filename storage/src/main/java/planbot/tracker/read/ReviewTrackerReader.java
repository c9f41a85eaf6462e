package planbot.tracker.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.tracker.CouncilLayout.Field;
import planbot.tracker.Markup;
import planbot.tracker.read.PlanDraft.ActionDraft;
import planbot.tracker.read.PlanDraft.SectionDraft;

/**
 * Reads the review tracker: REF | MAIN ACTION RAG STATUS | RED QUADRANT RECOMMENDATION | KEY TASKS FOR DELIVERY
 * | INTERNAL REF | PROGRESS RAG STATUS | TERM | START | TARGET.
 *
 * <p>The internal ref ({@code EN003/01}) is the one cell that is always there and always looks the same, so it
 * is the anchor: an action is the prefix of its tasks' refs, wherever its REF label turns up, and a row shifted
 * by one column (a REF split over two cells, an extra empty cell) is put back by lining its internal ref up
 * with the header. Section rows are a lone cell in the REF column (or the first column, where planbot's export
 * puts them). Owners, notes and action leads, which the review tracker has no columns for, come from planbot's
 * trailing columns when the file is planbot's own export ({@link planbot.tracker.CouncilLayout}).
 */
final class ReviewTrackerReader {
    /** EN003/01; with "-2" when it was read as a second task of the same ref and exported so. */
    private static final Pattern TASK_REF = Pattern.compile("[A-Za-z]+\\d+/\\d+(?:-\\d+)?");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern LABEL_NUMBER = Pattern.compile("\\s*\\d+$");

    private final Header header;
    private final ReadLog log = new ReadLog();
    private final PlanDraft draft = new PlanDraft();
    private final int refCol;
    private final int recCol;
    private final int taskCol;
    private final int anchorCol;
    private ActionDraft current;

    private ReviewTrackerReader(Header header) {
        this.header = header;
        refCol = header.column(Field.ACTION_REF);
        recCol = header.column(Field.ACTION);
        taskCol = header.column(Field.TASK);
        anchorCol = header.column(Field.TASK_REF);
    }

    static ReadResult read(Table table, Header header, String planName) {
        ReviewTrackerReader reader = new ReviewTrackerReader(header);
        List<Table.Row> rows = table.rows();
        for (Table.Row row : rows.subList(header.index() + 1, rows.size())) {
            if (!row.isBlank()) {
                reader.readRow(row);
            }
        }
        reader.noticeLabelTypos();
        return reader.log.result(reader.draft.build(planName, header.layout()));
    }

    private void readRow(Table.Row row) {
        List<String> cells = new ArrayList<>(row.cells());
        int anchor = anchor(cells);
        if (anchor < 0) {
            readRowWithoutTask(row);
            return;
        }
        Table.Row aligned = new Table.Row(row.number(), align(cells, anchor, row.number()));
        readTask(aligned);
    }

    private static int anchor(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (TASK_REF.matcher(Markup.plain(cells.get(i))).matches()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Puts a shifted row back in line with the header by its internal ref. A REF split over two cells
     * ("PRE-APP" "003") is joined; if the internal ref is then one column short, the split had taken the main
     * status's place. Extra empty cells before the internal ref are dropped.
     */
    private List<String> align(List<String> cells, int anchor, int rowNumber) {
        int ref = Math.max(refCol, 0);
        String first = Markup.plain(cells.get(ref));
        String second = ref + 1 < anchor ? Markup.plain(cells.get(ref + 1)) : "";
        if (!first.isEmpty() && !NUMBER.matcher(first).matches() && NUMBER.matcher(second).matches()) {
            String joined = first + " " + second;
            cells.set(ref, joined);
            cells.remove(ref + 1);
            anchor--;
            String how = "the REF was split over two cells ('" + first + "' '" + second + "'); read as '" + joined + "'";
            if (anchor < anchorCol) {
                cells.add(ref + 1, ""); // the number sat where the main status belongs
                anchor++;
                log.notice(rowNumber, how + ", with no main status");
            } else {
                log.notice(rowNumber, how + ", and the rest of the row moved back one column");
            }
        }
        boolean dropped = false;
        while (anchor > anchorCol) {
            int empty = firstEmpty(cells, 1, anchor);
            if (empty < 0) {
                break;
            }
            cells.remove(empty);
            anchor--;
            dropped = true;
        }
        if (dropped) {
            log.notice(rowNumber, "the row was shifted right by an extra empty cell; it was read one column to the left");
        }
        if (anchor != anchorCol) {
            log.problem(rowNumber, header.name(anchorCol), Markup.plain(cells.get(anchor)),
                    "the internal ref is not under " + header.name(anchorCol) + "; the row was read by lining it up");
            while (anchor < anchorCol) {
                cells.add(Math.max(anchor - 1, 0), "");
                anchor++;
            }
            while (anchor > anchorCol) {
                // keep the text: fold the first two cells into one until the anchor lines up
                cells.set(0, (Markup.plain(cells.get(0)) + " " + Markup.plain(cells.get(1))).strip());
                cells.remove(1);
                anchor--;
            }
        }
        return cells;
    }

    private static int firstEmpty(List<String> cells, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Markup.plain(cells.get(i)).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private void readTask(Table.Row row) {
        int n = row.number();
        RowFields cells = new RowFields(header, log, row);
        String ref = row.text(anchorCol);
        ActionDraft action = draft.action(ref.substring(0, ref.indexOf('/')));
        current = action;

        String label = row.text(refCol);
        if (!label.isEmpty() && !label.equals(action.key)) { // a REF cell that is just the key is no label
            if (action.label == null) {
                action.label = label;
                action.labelRow = n;
            } else if (!action.label.equals(label)) {
                log.notice(n, "a second REF label '" + label + "' for " + action.key + ", already labelled '"
                        + action.label + "'; the first is kept");
            }
        }
        cells.addActionCells(action);
        Markup.Split recommendation = Markup.withoutInlineNotes(row.cell(recCol));
        action.addRecommendation(recommendation.text());
        action.notes.addAll(recommendation.notes());

        Markup.Split description = Markup.withoutInlineNotes(row.cell(taskCol));
        Status status = cells.status(Field.STATUS);
        RowFields.Dates dates = cells.dates();
        String taskRef = ref;
        if (!draft.claimTaskRef(ref)) {
            taskRef = draft.freeTaskRef(ref);
            log.problem(n, header.name(anchorCol), ref, "another task already has this ref; this one is read as " + taskRef);
        }
        action.tasks.add(new Task(taskRef, description.text(), status, cells.text(Field.TERM), dates.start(),
                dates.target(), dates.timescale(), cells.text(Field.OWNER), cells.notes(description.notes())));
    }

    /** A row without an internal ref: a section heading, a recommendation carried over, or unreadable. */
    private void readRowWithoutTask(Table.Row row) {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            if (!row.text(i).isEmpty()) {
                filled.add(i);
            }
        }
        if (filled.size() == 1 && (filled.get(0) == 0 || filled.get(0) == refCol)) {
            draft.startSection(row.text(filled.get(0)));
            current = null;
        } else if (current != null && filled.equals(List.of(recCol))) {
            Markup.Split recommendation = Markup.withoutInlineNotes(row.cell(recCol));
            current.addRecommendation(recommendation.text());
            current.notes.addAll(recommendation.notes());
        } else {
            log.problem(row.number(), null, null, "this row has no internal ref (such as EN003/01) and is not a section "
                    + "heading, so it was not read");
        }
    }

    /** A label whose word differs by a letter or two from the word its neighbours use is probably a typo. */
    private void noticeLabelTypos() {
        for (SectionDraft section : draft.sections()) {
            Map<String, Integer> uses = new HashMap<>();
            for (ActionDraft a : section.actions) {
                if (a.label != null) {
                    uses.merge(word(a.label), 1, Integer::sum);
                }
            }
            for (ActionDraft a : section.actions) {
                if (a.label == null) {
                    continue;
                }
                String word = word(a.label);
                for (Map.Entry<String, Integer> other : uses.entrySet()) {
                    int distance = distance(word, other.getKey());
                    if (other.getValue() > uses.get(word) && distance > 0 && distance <= 2 && word.length() >= 5) {
                        log.notice(a.labelRow, "the REF label '" + a.label + "' looks like a typo of '" + other.getKey()
                                + "', as its neighbours write it; it is kept as written");
                    }
                }
            }
        }
    }

    private static String word(String label) {
        return LABEL_NUMBER.matcher(label).replaceFirst("").strip();
    }

    /** Levenshtein distance; labels are short, so the plain table is fine. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] now = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            now[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                now[j] = Math.min(Math.min(now[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = now;
            now = t;
        }
        return previous[b.length()];
    }
}
