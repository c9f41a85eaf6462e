package planbot.tracker.write;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import planbot.domain.Plan;

/**
 * Writes the council layout ({@link CouncilLayoutWriter}) as an Excel workbook with one sheet named after the
 * plan. Every cell is a string cell set with {@code setCellValue(String)}: nothing is ever a formula, and
 * the text is neutralised as for CSV, so it stays harmless when someone saves the sheet as CSV. Empty cells are
 * not created. The header row is bold and frozen; sentence columns are wide; a cell whose text is longer than
 * its column or has a line break wraps. Section rows are bold.
 *
 * <p>Streams through {@link SXSSFWorkbook}, which keeps only a window of rows in memory and spills the rest to
 * a temporary file, so a plan of any size exports in small, constant memory. A cell longer than Excel's
 * 32,767 characters fails with POI's {@link IllegalArgumentException} rather than being cut short.
 */
final class XlsxPlanWriter {
    /** Rows kept in memory before SXSSF flushes them to its temporary file. */
    private static final int ROW_WINDOW = 100;
    private static final int WIDE_CHARS = 60;
    private static final int NARROW_CHARS = 18;

    private XlsxPlanWriter() {
    }

    /** Writes the plan; does not close {@code out}, which belongs to the caller. */
    static void write(Plan plan, OutputStream out) throws IOException {
        CouncilLayoutWriter layout = CouncilLayoutWriter.of(plan);
        // since POI 5.3, close() also deletes SXSSF's temporary file
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            Sheet sheet = workbook.createSheet(sheetName(plan.name()));
            List<CouncilLayoutWriter.Column> columns = layout.columns();
            int[] widths = new int[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = columns.get(i).isLongText() ? WIDE_CHARS : NARROW_CHARS;
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            Styles styles = new Styles(workbook);
            int[] next = {0};
            layout.write((kind, cells) -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < cells.size(); i++) {
                    String text = cells.get(i);
                    if (text.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    cell.setCellValue(text);
                    boolean wrap = text.length() > widths[i] || text.indexOf('\n') >= 0;
                    if (kind == CouncilLayoutWriter.RowKind.ITEM) {
                        if (wrap) {
                            cell.setCellStyle(styles.wrap);
                        }
                    } else {
                        cell.setCellStyle(wrap ? styles.boldWrap : styles.bold);
                    }
                }
            });
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            out.flush();
        }
    }

    /**
     * The plan's name as Excel accepts a sheet name: at most 31 characters, none of {@code \ / ? * [ ] :}, no
     * apostrophe at either end, and not "History", which Excel keeps for itself.
     */
    static String sheetName(String planName) {
        String name = WorkbookUtil.createSafeSheetName(planName, ' ').strip();
        if (name.isEmpty()) {
            return "Plan";
        }
        if (name.toLowerCase(Locale.ROOT).equals("history")) {
            return name + " (plan)";
        }
        return name;
    }

    /** The few cell styles the sheet uses: a workbook holds a limited number, so they are made once. */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle boldWrap;
        final CellStyle wrap;

        Styles(SXSSFWorkbook workbook) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            bold.setVerticalAlignment(VerticalAlignment.TOP);
            boldWrap = workbook.createCellStyle();
            boldWrap.cloneStyleFrom(bold);
            boldWrap.setWrapText(true);
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
        }
    }
}
