package planbot.tracker.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads the tables of a Word document (DOCX) into one {@link Table}: for each table (or only the one chosen by
 * number), the last paragraph before it, if any, as a row of one cell (its title, which the readers take for a
 * section), then its rows. A cell's paragraphs are joined with newlines; a list paragraph gets a bullet
 * ({@code •}) or its letter ({@code a.}) so that milestones read as they look, and a cell all in bold is marked
 * {@code <b>…</b>} (see {@link planbot.tracker.Markup}), which tells a section row from an action without tasks. A cell merged downwards
 * (vMerge continue) holds the text of the cell it continues, so it belongs to every row it spans; a cell merged
 * across (gridSpan) is followed by empty cells so that columns stay in place. Rows are numbered through the
 * document in this order. POI's zip-bomb limits stay at their defaults, as for XLSX.
 *
 * <p>Called by {@link TableLoader}; stateless and thread-safe.
 */
final class DocxTableLoader {
    private DocxTableLoader() {
    }

    static Table load(byte[] content, ReadOptions options) throws TrackerFormatException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            return read(document, options.sheet());
        } catch (TrackerFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (XlsxTableLoader.isTooLarge(e)) {
                throw new TrackerFormatException("this document expands to far more data than a tracker holds (it "
                        + "looks like a zip bomb), so it was not read", e);
            }
            throw new TrackerFormatException("this Word document is damaged and cannot be read", e);
        }
    }

    private static Table read(XWPFDocument document, String wanted) throws TrackerFormatException {
        List<XWPFTable> tables = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        String lastParagraph = "";
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph) {
                String text = ((XWPFParagraph) element).getText().strip();
                lastParagraph = text.isEmpty() ? lastParagraph : text;
            } else if (element instanceof XWPFTable) {
                tables.add((XWPFTable) element);
                titles.add(lastParagraph);
                lastParagraph = "";
            }
        }
        if (tables.isEmpty()) {
            throw new TrackerFormatException("this Word document has no table: planbot reads a plan from its tables");
        }
        int only = chosen(wanted, tables.size());
        List<Table.Row> rows = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            if (only >= 0 && t != only) {
                continue;
            }
            if (!titles.get(t).isEmpty()) {
                rows.add(new Table.Row(rows.size() + 1, List.of(titles.get(t))));
            }
            List<String> above = List.of();
            for (XWPFTableRow row : tables.get(t).getRows()) {
                above = cells(row, above);
                rows.add(new Table.Row(rows.size() + 1, above));
            }
        }
        return new Table(rows);
    }

    /** The 0-based table to read, or -1 for all of them. */
    private static int chosen(String wanted, int count) throws TrackerFormatException {
        if (wanted == null || wanted.isBlank()) {
            return -1;
        }
        String w = wanted.strip();
        if (!w.matches("\\d{1,4}") || Integer.parseInt(w) < 1 || Integer.parseInt(w) > count) {
            throw new TrackerFormatException("this Word document has no table " + w + "; its tables are numbered 1 to "
                    + count);
        }
        return Integer.parseInt(w) - 1;
    }

    private static List<String> cells(XWPFTableRow row, List<String> above) {
        List<String> cells = new ArrayList<>();
        for (XWPFTableCell cell : row.getTableCells()) {
            CTTcPr properties = cell.getCTTc().getTcPr();
            int column = cells.size();
            boolean continued = properties != null && properties.isSetVMerge()
                    && (properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE);
            cells.add(continued ? (column < above.size() ? above.get(column) : "") : text(cell));
            int span = properties != null && properties.isSetGridSpan() ? properties.getGridSpan().getVal().intValue() : 1;
            for (int i = 1; i < span; i++) {
                cells.add("");
            }
        }
        return cells;
    }

    /** The cell's text; a cell all in bold is marked {@code <b>…</b>}, as web exports mark headings. */
    private static String text(XWPFTableCell cell) {
        List<String> paragraphs = new ArrayList<>();
        int item = 0;
        boolean bold = true;
        for (XWPFParagraph p : cell.getParagraphs()) {
            String text = p.getText().strip();
            if (text.isEmpty()) {
                continue;
            }
            for (XWPFRun run : p.getRuns()) {
                bold &= run.text().isBlank() || run.isBold();
            }
            if (p.getNumID() != null) {
                String format = String.valueOf(p.getNumFmt()).toLowerCase(Locale.ROOT);
                text = (format.equals("lowerletter") ? (char) ('a' + item % 26) + ". "
                        : format.equals("decimal") ? (item + 1) + ". " : "\u2022 ") + text;
                item++;
            }
            paragraphs.add(text);
        }
        String text = String.join("\n", paragraphs);
        return bold && !text.isEmpty() ? "<b>" + text + "</b>" : text;
    }
}
