package planbot.tracker.write;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import planbot.domain.Plan;

/** Runs an export in memory and reads it back the plain way a reader would. */
final class Exports {
    private Exports() {
    }

    static byte[] bytes(Plan plan, ExportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanExporter.write(plan, format, out);
        return out.toByteArray();
    }

    /** The CSV export as text, byte order mark included. */
    static String csv(Plan plan) throws IOException {
        return new String(bytes(plan, ExportFormat.CSV), StandardCharsets.UTF_8);
    }

    /** The CSV export parsed with commons-csv: one list of cells per record. */
    static List<List<String>> csvRows(Plan plan) throws IOException {
        String text = csv(plan);
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            for (CSVRecord r : parser) {
                rows.add(r.toList());
            }
        }
        return rows;
    }

    static XSSFWorkbook xlsx(Plan plan) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes(plan, ExportFormat.XLSX)));
    }

    /** The first sheet's text, padded to {@code width} cells per row, missing cells as empty strings. */
    static List<List<String>> grid(Sheet sheet, int width) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                Cell cell = row == null ? null : row.getCell(c);
                cells.add(cell == null ? "" : cell.getStringCellValue());
            }
            rows.add(cells);
        }
        return rows;
    }
}
