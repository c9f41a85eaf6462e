package planbot.tracker.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import planbot.domain.Layout.Role;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.Section;
import planbot.domain.Task;
import planbot.tracker.write.ExportFormat;
import planbot.tracker.write.PlanExporter;

/**
 * A tracker of three titled tables one after another, each with its own header spelt a little differently, and an
 * "Area" column that names teams, not sections (it used to fail the whole file: "section … appears twice").
 */
class SeveralTablesReaderTest {
    private static final String FIXTURE = "greenford-improvement-plan.tsv";

    @Test
    void GIVEN_three_titled_tables_in_a_tsv_WHEN_read_THEN_one_plan_with_a_section_per_table() throws Exception {
        ReadResult result = TrackerReader.read(fixture(), FIXTURE, ReadOptions.named("Greenford"));

        assertGreenford(result);
        assertThat(result.notices()).contains(
                "row 4: the column 'Area' holds no sections (row 7 names one again after another): it is read as the owner",
                "row 10: table 2 of 3 is read by its own header as the section '2. Enforcement'");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void GIVEN_the_same_tables_in_xlsx_and_docx_WHEN_read_THEN_the_same_plan() throws Exception {
        Plan tsv = TrackerReader.read(fixture(), FIXTURE, ReadOptions.named("Greenford")).plan();
        List<Table.Row> rows = TableLoader.load(fixture(), FIXTURE, ReadOptions.named("x")).rows();

        Plan xlsx = TrackerReader.read(xlsx(rows), "g.xlsx", ReadOptions.named("Greenford")).plan();
        Plan docx = TrackerReader.read(docx(rows), "g.docx", ReadOptions.named("Greenford")).plan();

        assertThat(xlsx).isEqualTo(tsv);
        assertThat(docx).isEqualTo(tsv);
    }

    @Test
    void GIVEN_the_plan_of_three_tables_WHEN_exported_as_docx_and_read_again_THEN_the_same_plan() throws Exception {
        Plan plan = TrackerReader.read(fixture(), FIXTURE, ReadOptions.named("Greenford")).plan();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanExporter.write(plan, ExportFormat.DOCX, out);

        // the section rows are bold in Word, which is what tells them from an action without tasks
        assertThat(TrackerReader.read(out.toByteArray(), "g.docx", ReadOptions.named("Greenford")).plan()).isEqualTo(plan);
    }

    private static void assertGreenford(ReadResult result) {
        Plan plan = result.plan();
        assertThat(plan.sections()).extracting(Section::name).containsExactly("1. Validation and registration",
                "2. Enforcement", "3. Performance and customers");
        assertThat(plan.layout().columns()).extracting(Layout.Column::role)
                .containsExactly(Role.ACTION, Role.TASK, Role.OWNER, Role.TARGET, Role.NOTES);
        assertThat(plan.actions()).hasSize(7);
        assertThat(plan.tasks()).extracting(Task::description, Task::owner, t -> t.target() == null ? null
                : t.target().display()).containsExactly(
                tuple("Publish a local validation list", "Development Management", "June 2025"),
                tuple("Train agents on the list", "Development Management", "September 2025"),
                tuple("Review the invalid letters", "Development Management", "September 2025"),
                tuple("Scan on the day of receipt", "Technical Support", "31/07/2025"),
                tuple("Weekly backlog check", "Technical Support", "31/08/2025"),
                tuple("Overtime for two months", "Development Management", "Autumn 2025"),
                tuple("Draft the plan", "Enforcement", "May 2025"),
                tuple("Consult members", "Enforcement", "July 2025"),
                tuple("Adopt at committee", "Enforcement", "October 2025"),
                tuple("Review every case over two years old", "Development Management", "March 2026"),
                tuple("Build a dashboard", "Technical Support", "Q3 2025"),
                tuple("Publish on the website", "Technical Support", "Q3 2025"),
                tuple("Weekly complaints review", "Development Management", "Ongoing"));
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = SeveralTablesReaderTest.class.getResourceAsStream("/trackers/" + FIXTURE)) {
            return in.readAllBytes();
        }
    }

    private static byte[] xlsx(List<Table.Row> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Plan");
            for (Table.Row row : rows) {
                XSSFRow r = sheet.createRow(row.number() - 1);
                for (int c = 0; c < row.cells().size(); c++) {
                    if (!row.cell(c).isEmpty()) {
                        r.createCell(c).setCellValue(row.cell(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Each title line a paragraph, each header and its rows a Word table. */
    private static byte[] docx(List<Table.Row> rows) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<List<String>> table = new ArrayList<>();
            for (Table.Row row : rows) {
                if (row.cells().size() > 1) {
                    table.add(row.cells());
                    continue;
                }
                flush(doc, table);
                if (!row.isBlank()) {
                    doc.createParagraph().createRun().setText(row.cell(0));
                }
            }
            flush(doc, table);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void flush(XWPFDocument doc, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        XWPFTable table = doc.createTable(rows.size(), rows.get(0).size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                String[] lines = rows.get(r).get(c).split("\n");
                XWPFTableCell cell = table.getRow(r).getCell(c);
                for (int l = 0; l < lines.length; l++) {
                    (l == 0 ? cell.getParagraphs().get(0) : cell.addParagraph()).createRun().setText(lines[l]);
                }
            }
        }
        rows.clear();
    }
}
