package planbot.tracker.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Word table flattened to text (what "save as plain text" or a copy out of Word gives): each cell
 * begins with a tab at the start of a line, the lines after it without a tab continue that cell, and blank
 * lines only separate paragraphs. The row structure is lost in such text, so rows are rebuilt by counting:
 * the first run of consecutive tab lines is the header (up to its first cell that names no column), and every that
 * many cells make a row. Lines before
 * the first cell (the document's title) are rows of one cell. A cell's paragraphs are joined with newlines.
 *
 * <p>Called by {@link TextTableLoader}; stateless and thread-safe.
 */
final class WordTextTableLoader {
    /** Fewer cells than this is a short TSV, not a table. */
    private static final int MIN_CELLS = 4;

    private WordTextTableLoader() {
    }

    /** True when every tab in the text is the first character of its line and there are enough such lines. */
    static boolean matches(String text) {
        int cells = 0;
        for (String line : text.split("\n", -1)) {
            int tab = line.indexOf('\t');
            if (tab > 0 || (tab == 0 && line.indexOf('\t', 1) >= 0)) {
                return false;
            }
            if (tab == 0) {
                cells++;
            }
        }
        return cells >= MIN_CELLS;
    }

    private static final class Cell {
        final int line;
        final List<String> paragraphs = new ArrayList<>();

        Cell(int line) {
            this.line = line;
        }

        void add(String paragraph) {
            if (!paragraph.isBlank()) {
                paragraphs.add(paragraph.strip());
            }
        }
    }

    /**
     * How many of the first run of cells are the header: all of them, unless the first data row follows without a
     * blank line; then those that name a column, as long as there are two.
     */
    private static int headerWidth(List<Cell> run) {
        int named = 0;
        while (named < run.size() && ShapeDetector.guess(String.join(" ", run.get(named).paragraphs)) != null) {
            named++;
        }
        return named >= 2 ? named : run.size();
    }

    static Table load(String text) {
        String[] lines = text.split("\n", -1);
        List<Table.Row> rows = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        int headerCells = 0;
        boolean headerDone = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("\t")) {
                Cell cell = new Cell(i + 1);
                cell.add(line.substring(1));
                cells.add(cell);
                if (!headerDone) {
                    headerCells++;
                }
            } else if (cells.isEmpty()) {
                if (!line.isBlank()) {
                    rows.add(new Table.Row(i + 1, List.of(line.strip())));
                }
            } else {
                headerDone = true;
                cells.get(cells.size() - 1).add(line);
            }
        }
        headerCells = headerWidth(cells.subList(0, headerCells));
        for (int first = 0; first < cells.size(); first += headerCells) {
            List<Cell> row = cells.subList(first, Math.min(cells.size(), first + headerCells));
            rows.add(new Table.Row(row.get(0).line, row.stream().map(c -> String.join("\n", c.paragraphs)).toList()));
        }
        return new Table(rows);
    }
}
