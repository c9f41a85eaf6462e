package planbot.tracker.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import planbot.domain.UkDates;

/**
 * Reads one sheet of an XLSX workbook as the text a person sees in Excel. Formulas give their cached value
 * and are never evaluated (a tracker is data, not a program); date cells give {@code dd/MM/yyyy}. POI's
 * zip-bomb limits (minimum inflate ratio, entry size and count) stay at their defaults: a workbook that
 * trips them is refused, not read.
 */
final class XlsxTableLoader {

    private XlsxTableLoader() {
    }

    static Table load(byte[] content, ReadOptions options) throws TrackerFormatException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            return read(pick(workbook, options.sheet()));
        } catch (TrackerFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports a bad or hostile zip with IOExceptions and a zoo of runtime exceptions.
            if (isTooLarge(e)) {
                throw new TrackerFormatException("this workbook expands to far more data than a tracker holds (it "
                        + "looks like a zip bomb), so it was not read", e);
            }
            throw new TrackerFormatException("this is not a CSV, TSV or XLSX tracker: it is a zip archive but not an "
                    + "Excel workbook", e);
        }
    }

    private static Sheet pick(Workbook workbook, String wanted) throws TrackerFormatException {
        if (workbook.getNumberOfSheets() == 0) {
            throw new TrackerFormatException("this workbook has no sheets");
        }
        if (wanted == null || wanted.isBlank()) {
            return workbook.getSheetAt(0);
        }
        String w = wanted.strip();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (workbook.getSheetName(i).strip().equalsIgnoreCase(w)) {
                return workbook.getSheetAt(i);
            }
        }
        if (w.matches("\\d{1,4}")) {
            int number = Integer.parseInt(w);
            if (number >= 1 && number <= workbook.getNumberOfSheets()) {
                return workbook.getSheetAt(number - 1);
            }
        }
        List<String> names = new ArrayList<>();
        workbook.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
        throw new TrackerFormatException("this workbook has no sheet '" + w + "'; its sheets are "
                + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")));
    }

    private static Table read(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(Locale.UK);
        formatter.setUseCachedValuesForFormulaCells(true);
        List<Table.Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                cells.add(text(row.getCell(c), formatter));
            }
            rows.add(new Table.Row(row.getRowNum() + 1, cells));
        }
        return new Table(rows);
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return UkDates.format(cell.getLocalDateTimeCellValue().toLocalDate());
        }
        return formatter.formatCellValue(cell);
    }

    static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            // POI's own wording for its zip-bomb, entry-count and record-size limits
            if (m.contains("zip bomb") || m.contains("potentially malicious") || m.contains("maximum length for this record")) {
                return true;
            }
        }
        return false;
    }
}
