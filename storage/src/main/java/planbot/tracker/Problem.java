package planbot.tracker;

import java.util.Objects;

/**
 * A cell (or row) the reader could not read as the tracker meant it. The import goes on; the report lists
 * every problem so that a person can fix the tracker or the plan.
 *
 * @param row     1-based row number in the file or sheet, as a spreadsheet shows it; 0 for the whole file
 * @param column  the column's header as written (or its letter when there is no header); null for a whole row
 * @param cell    the cell's text as written, possibly shortened; null for a whole row
 * @param message what is wrong and what planbot did about it, in one sentence
 */
public record Problem(int row, String column, String cell, String message) {
    public Problem {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(row > 0 ? "row " + row : "file");
        if (column != null) {
            b.append(", column ").append(column);
        }
        if (cell != null) {
            b.append(" ('").append(cell.length() > 60 ? cell.substring(0, 57) + "..." : cell).append("')");
        }
        return b.append(": ").append(message).toString();
    }
}
