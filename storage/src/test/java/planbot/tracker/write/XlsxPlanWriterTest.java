package planbot.tracker.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import planbot.domain.Action;
import planbot.domain.Layout.Role;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.Section;
import planbot.domain.Task;

class XlsxPlanWriterTest {

    @Test
    void writesTheSameCellsAsTheCsvOnOneSheetNamedAfterThePlan() throws IOException {
        // GIVEN the sample-like review plan
        Plan plan = Plans.review();

        // WHEN exported as XLSX and as CSV
        List<List<String>> csv = Exports.csvRows(plan);
        try (XSSFWorkbook workbook = Exports.xlsx(plan)) {

            // THEN one sheet, named after the plan, holding exactly the CSV's cells (empty cells not created)
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Planning review action plan");
            assertThat(Exports.grid(sheet, csv.get(0).size())).isEqualTo(csv);
        }
    }

    @Test
    void writesEveryCellAsAStringAndNeverAFormula() throws IOException {
        // GIVEN text that a spreadsheet would evaluate, in a header and in cells
        Plan plan = formulaPlan();

        // WHEN exported as XLSX
        try (XSSFWorkbook workbook = Exports.xlsx(plan)) {
            Sheet sheet = workbook.getSheetAt(0);

            // THEN every cell there is is a string cell, and every such text starts with one apostrophe
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(cell.getAddress().toString()).isEqualTo(CellType.STRING);
                }
            }
            assertThat(Exports.grid(sheet, 5)).containsExactly(
                    List.of("'\tx", "'=1+1", "Action", "Owner", "Notes"),
                    List.of("'@Section", "", "", "", ""),
                    List.of("'+44 1234", "'=1+1", "'-5", "'@SUM(A1)", "'-5 days"));
        }
    }

    @Test
    void boldsAndFreezesTheHeaderAndWrapsLongText() throws IOException {
        // GIVEN the review plan, whose recommendations are long and one has a line break
        Plan plan = Plans.review();

        // WHEN exported as XLSX
        try (XSSFWorkbook workbook = Exports.xlsx(plan)) {
            Sheet sheet = workbook.getSheetAt(0);

            // THEN the header is bold and frozen, section rows are bold, long cells wrap and short ones do not
            XSSFCell header = (XSSFCell) sheet.getRow(0).getCell(0);
            assertThat(header.getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            XSSFCell section = (XSSFCell) sheet.getRow(1).getCell(0);
            assertThat(section.getCellStyle().getFont().getBold()).isTrue();
            Cell recommendation = sheet.getRow(4).getCell(2);
            assertThat(recommendation.getStringCellValue()).contains("\n");
            assertThat(recommendation.getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(2).getCell(4).getCellStyle().getWrapText()).isFalse();
            assertThat(sheet.getColumnWidth(2)).isGreaterThan(sheet.getColumnWidth(4));
        }
    }

    @Test
    void makesThePlanNameASheetNameExcelAccepts() {
        // GIVEN names Excel refuses as they are WHEN sanitised THEN forbidden characters become spaces,
        // the name is cut to 31 characters, no apostrophe ends it, and "History" is not used
        assertThat(XlsxPlanWriter.sheetName("Planning: review [2023/24]?")).isEqualTo("Planning  review  2023 24");
        assertThat(XlsxPlanWriter.sheetName("Commissioning of Planning Services Project phase 2"))
                .isEqualTo("Commissioning of Planning Servi").hasSize(31);
        assertThat(XlsxPlanWriter.sheetName("'Quoted'")).isEqualTo("Quoted");
        assertThat(XlsxPlanWriter.sheetName("History")).isEqualTo("History (plan)");
        assertThat(XlsxPlanWriter.sheetName("***")).isEqualTo("Plan");
    }

    /** A table where a header, the section, a label, a ref, a description, an owner and a note look like formulas. */
    static Plan formulaPlan() {
        Layout layout = new Layout(Layout.Shape.TABLE, List.of(
                new Layout.Column("\tx", Role.TASK_REF), new Layout.Column("=1+1", Role.TASK),
                new Layout.Column("Action", Role.ACTION_REF), new Layout.Column("Owner", Role.OWNER),
                new Layout.Column("Notes", Role.NOTES)));
        return new Plan("t", layout, List.of(new Section("@Section", List.of(new Action("A1", "-5", "", null,
                null, null, List.of(new Task("+44 1234", "=1+1", null, null, null, null, null, "@SUM(A1)",
                        "-5 days")))))));
    }
}
