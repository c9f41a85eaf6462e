package planbot.tracker.write;

import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The few Word blocks planbot's committee documents are made of (the plan's progress report, an assessment's
 * report): a paragraph, a heading, a table with a repeating bold header, a row whose cells may hold line breaks.
 * Stateless; a document is not thread-safe, so each is built on one thread.
 */
public final class WordBlocks {
    private WordBlocks() {
    }

    /** A paragraph of one run; {@code points} 0 keeps the default size. */
    public static void paragraph(XWPFDocument doc, String text, boolean bold, int points) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(bold);
        if (points > 0) {
            run.setFontSize(points);
        }
        run.setText(text);
    }

    /** A bold 13-point heading with space above it. */
    public static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(240);
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(13);
        run.setText(text);
    }

    /** "None." under a heading whose list is empty. */
    public static void noneIfEmpty(XWPFDocument doc, List<?> items) {
        if (items.isEmpty()) {
            paragraph(doc, "None.", false, 0);
        }
    }

    /** A full-width table with a bold header row that repeats on each page. */
    public static XWPFTable table(XWPFDocument doc, String... headers) {
        XWPFTable table = doc.createTable(1, headers.length);
        table.setWidth("100%");
        for (int i = 0; i < headers.length; i++) {
            XWPFRun run = table.getRow(0).getCell(i).getParagraphs().get(0).createRun();
            run.setBold(true);
            run.setText(headers[i]);
        }
        table.getRow(0).setRepeatHeader(true);
        return table;
    }

    /** A row of the table; a {@code \n} in a cell becomes a line break in it. */
    public static XWPFTableRow row(XWPFTable table, List<String> cells) {
        XWPFTableRow row = table.createRow();
        for (int i = 0; i < cells.size(); i++) {
            XWPFRun run = row.getCell(i).getParagraphs().get(0).createRun();
            String[] lines = cells.get(i).split("\n", -1);
            for (int l = 0; l < lines.length; l++) {
                if (l > 0) {
                    run.addBreak();
                }
                run.setText(lines[l], l);
            }
        }
        return row;
    }

    /** {@link #row(XWPFTable, List)} for cells written out. */
    public static XWPFTableRow row(XWPFTable table, String... cells) {
        return row(table, List.of(cells));
    }
}
