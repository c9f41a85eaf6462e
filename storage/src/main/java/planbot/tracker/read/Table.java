package planbot.tracker.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import planbot.tracker.Markup;

/**
 * A tracker loaded as text, before anyone has decided what it means: its rows in file order, blank rows
 * included, each keeping the row number a spreadsheet would show. Cells are as written, markup and all; the
 * readers decide what to strip (see {@link Markup}).
 */
public record Table(List<Row> rows) {
    public Table {
        rows = List.copyOf(rows);
    }

    /**
     * One row.
     *
     * @param number 1-based row number as a spreadsheet shows it (blank lines at the top count)
     * @param cells  the cells in column order; never null, possibly shorter than the header
     */
    public record Row(int number, List<String> cells) {
        public Row {
            // a loop, not a stream: every row of a large tracker is built here, some twice
            List<String> copy = new ArrayList<>(cells.size());
            for (String c : cells) {
                copy.add(Objects.requireNonNullElse(c, ""));
            }
            cells = Collections.unmodifiableList(copy);
        }

        /** The cell at a 0-based column, or "" past the end of the row (missing trailing cells are normal). */
        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }

        /** The cell at a 0-based column as plain text. */
        public String text(int column) {
            return Markup.plain(cell(column));
        }

        public boolean isBlank() {
            return cells.stream().allMatch(c -> Markup.plain(c).isEmpty());
        }
    }
}
