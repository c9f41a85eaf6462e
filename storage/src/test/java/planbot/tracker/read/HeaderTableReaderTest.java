package planbot.tracker.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import planbot.domain.Action;
import planbot.domain.Layout.Role;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.StatusKind;
import planbot.domain.Task;
import planbot.tracker.Problem;

/**
 * Other councils' trackers: different headers, encodings and formats, read by the generic table reader.
 * The fixtures are made up, in the shapes councils publish.
 */
class HeaderTableReaderTest {

    @Test
    void GIVEN_a_utf8_csv_with_bom_and_hierarchical_numbers_WHEN_read_THEN_actions_by_number_prefix() throws Exception {
        ReadResult result = TrackerReader.read(resource("northshire-improvement-plan.csv"), "northshire-improvement-plan.csv",
                ReadOptions.named("Northshire"));
        Plan plan = result.plan();

        assertThat(plan.layout().shape()).isEqualTo(Layout.Shape.TABLE);
        assertThat(plan.layout().columns()).extracting(Layout.Column::header, Layout.Column::role).containsExactly(
                tuple("No.", Role.TASK_REF), tuple("Action", Role.TASK), tuple("Lead officer", Role.OWNER),
                tuple("Target date", Role.TARGET), tuple("RAG", Role.STATUS), tuple("Update", Role.NOTES));
        assertThat(plan.sections()).extracting(Section::name).containsExactly("Theme 1: Validation", "Theme 2: Enforcement");
        assertThat(plan.actions()).extracting(Action::key).containsExactly("1", "2");
        assertThat(plan.tasks()).extracting(Task::ref)
                .containsExactly("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4");

        Task t11 = task(plan, "1.1");
        assertThat(t11.description()).isEqualTo("Publish a local validation list");
        assertThat(t11.owner()).isEqualTo("Head of Planning");
        assertThat(t11.status().kind()).isEqualTo(StatusKind.ON_TARGET);
        assertThat(t11.target().date()).isEqualTo(LocalDate.of(2025, 7, 31));
        assertThat(t11.target().precision()).isEqualTo(PlanDate.Precision.MONTH);
        assertThat(t11.notes()).isEqualTo("Draft out for consultation, closes 30/06");
        assertThat(task(plan, "1.2").description()).isEqualTo("Review the \"invalid on receipt\" letters");
        assertThat(task(plan, "1.2").target().date()).isEqualTo(LocalDate.of(2025, 5, 31));
        assertThat(task(plan, "1.3").description()).isEqualTo("Train agents & officers on the new list");
        assertThat(task(plan, "1.3").target().date()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(task(plan, "2.1").target().date()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(task(plan, "2.1").notes()).isEqualTo("Backlog at 312 cases.\nTwo officers recruited.");
        assertThat(task(plan, "2.2").target()).isEqualTo(new PlanDate(PlanDate.Kind.DATE, LocalDate.of(2025, 1, 31),
                PlanDate.Precision.DAY, null, "2025-01-31"));
        assertThat(task(plan, "2.3").target()).isNull();
        assertThat(task(plan, "2.4").target().remark()).isEqualTo("depends on the new website");
        assertThat(task(plan, "2.4").status().word()).isEqualTo("Paused");

        // row numbers as a spreadsheet shows them: the quoted two-line cell in row 9 is one row
        assertThat(result.problems()).containsExactly(
                new Problem(11, "Target date", "31/02/2025",
                        "not a real date: February 2025 has 28 days; the date is left empty"),
                new Problem(12, "RAG", "Paused", "'Paused' is not a status planbot knows; it is kept as written"));
    }

    @Test
    void GIVEN_a_windows_1252_csv_without_refs_WHEN_read_THEN_keys_are_generated_and_continuation_rows_join() throws Exception {
        ReadResult result = TrackerReader.read(resource("westmoor-dm-action-plan.csv"), "westmoor-dm-action-plan.csv",
                ReadOptions.named("Westmoor"));
        Plan plan = result.plan();

        assertThat(plan.layout().columns()).extracting(Layout.Column::role).containsExactly(Role.SECTION, Role.ACTION,
                Role.TASK, Role.OWNER, Role.START, Role.TARGET, Role.STATUS, Role.NOTES);
        assertThat(plan.sections()).extracting(Section::name).containsExactly("Fees & income", "Customer contact");
        assertThat(plan.sections().get(0).actions()).extracting(Action::key, Action::recommendation).containsExactly(
                tuple("A01", "Review pre-application charges"), tuple("A02", "Introduce a fast-track service"));
        assertThat(plan.tasks()).extracting(Task::ref).containsExactly("A01/01", "A01/02", "A01/03", "A02/01", "A03/01");

        Task first = task(plan, "A01/01");
        assertThat(first.description()).isEqualTo("Benchmark charges against 5 neighbouring councils");
        assertThat(first.notes()).isEqualTo("“Quick win” – £12k a year expected");
        assertThat(first.start().date()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(first.target().date()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(task(plan, "A01/02").start().date()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(task(plan, "A01/02").target().date()).isEqualTo(LocalDate.of(2025, 5, 31));
        assertThat(task(plan, "A01/03").owner()).isEqualTo("Web Officer");
        assertThat(task(plan, "A01/03").target().date()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(task(plan, "A02/01").description()).isEqualTo("Design the service and its £ price");
        assertThat(task(plan, "A02/01").notes()).isEqualTo("Waiting on legal – see the ‘Fees Policy’");
        assertThat(task(plan, "A02/01").status().kind()).isEqualTo(StatusKind.AT_RISK);
        assertThat(task(plan, "A03/01").target().kind()).isEqualTo(PlanDate.Kind.ONGOING);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void GIVEN_an_xlsx_built_with_poi_WHEN_read_THEN_named_sheet_cached_formulas_and_date_cells() throws Exception {
        byte[] xlsx = eastfordWorkbook();

        ReadResult result = TrackerReader.read(xlsx, "eastford.xlsx",
                new ReadOptions("Eastford", "actions", Map.of(), ReadOptions.DEFAULT_MAX_BYTES));
        Plan plan = result.plan();

        assertThat(plan.layout().columns()).extracting(Layout.Column::role).containsExactly(Role.TASK_REF, Role.ACTION,
                Role.TASK, Role.OWNER, Role.TARGET, Role.STATUS, Role.NOTES);
        assertThat(plan.sections()).extracting(Section::name).containsExactly("Enforcement");
        assertThat(plan.actions()).extracting(Action::key, Action::recommendation).containsExactly(
                tuple("EN3", "Publish an enforcement plan"), tuple("EN4", "Recover enforcement costs"));
        Task en31 = task(plan, "EN3/1");
        assertThat(en31.target()).isEqualTo(PlanDate.of(LocalDate.of(2024, 3, 31))); // a date cell, as dd/MM/yyyy
        assertThat(en31.status().word()).isEqualTo("Completed"); // the cached value; evaluating would say "Not started"
        assertThat(en31.notes()).isEqualTo("Adopted & published");
        assertThat(task(plan, "EN3/2").target().date()).isEqualTo(LocalDate.of(2024, 7, 31));
        assertThat(task(plan, "EN4/1").target().date()).isEqualTo(LocalDate.of(2024, 9, 30)); // formula, date format
        assertThat(task(plan, "EN3/2").notes()).isEqualTo("12"); // a number cell, as displayed
        assertThat(result.problems()).isEmpty();

        ReadResult bySheetNumber = TrackerReader.read(xlsx, "eastford.xlsx",
                new ReadOptions("Eastford", "2", Map.of(), ReadOptions.DEFAULT_MAX_BYTES));
        assertThat(bySheetNumber.plan()).isEqualTo(plan);
    }

    @Test
    void GIVEN_a_column_map_WHEN_read_THEN_it_beats_the_guess() throws Exception {
        byte[] csv = ("Ref,Milestone,Officer,When,Progress\n"
                + "P1/1,Appoint a project manager,Head of Service,March 2025,In progress\n").getBytes();
        ReadOptions options = new ReadOptions("Mapped", null, Map.of("WHEN", Role.START, "officer", Role.LEAD),
                ReadOptions.DEFAULT_MAX_BYTES);

        ReadResult result = TrackerReader.read(csv, "mapped.csv", options);

        // "Officer" would be a lead read as the owner (there is no owner column); the map says it is the lead
        assertThat(result.plan().layout().columns()).extracting(Layout.Column::role)
                .containsExactly(Role.TASK_REF, Role.TASK, Role.LEAD, Role.START, Role.STATUS);
        Task task = result.plan().tasks().findFirst().orElseThrow();
        assertThat(task.start().date()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(task.target()).isNull();
        assertThat(task.owner()).isNull();
        assertThat(result.plan().actions().findFirst().orElseThrow().lead()).isEqualTo("Head of Service");
    }

    @Test
    void GIVEN_an_action_column_with_empty_continuation_cells_and_a_timescale_WHEN_read_THEN_tasks_join_the_action_above()
            throws Exception {
        byte[] csv = ("What,How,Who,Timescale\n"
                + "Improve validation,Publish checklist,Team Leader,10/24 - 12/24\n"
                + ",Train agents,Team Leader,End 3/25\n"
                + "Cut the backlog,Recruit two officers,Head of Planning,Ongoing\n").getBytes();

        Plan plan = TrackerReader.read(csv, "plain.csv", ReadOptions.named("Plain")).plan();

        assertThat(plan.actions()).extracting(Action::key, a -> a.tasks().size())
                .containsExactly(tuple("A01", 2), tuple("A02", 1));
        Task first = task(plan, "A01/01");
        assertThat(first.timescale()).isEqualTo("10/24 - 12/24");
        assertThat(first.start().date()).isEqualTo(LocalDate.of(2024, 10, 1));
        assertThat(first.target().date()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(task(plan, "A01/02").description()).isEqualTo("Train agents");
        assertThat(task(plan, "A02/01").target().kind()).isEqualTo(PlanDate.Kind.ONGOING);
    }

    @Test
    void GIVEN_an_action_row_above_its_numbered_tasks_WHEN_read_THEN_it_names_the_action_without_a_task() throws Exception {
        byte[] csv = ("Ref,Action,Task,Owner,Due,Status\n"
                + "Priority 1,,,,,\n"
                + "1,Improve validation,,,,\n"
                + "1.1,,Publish checklist,Team Leader,31/03/2025,On target\n"
                + "1.2,,Train agents,Team Leader,30/06/2025,Not started\n").getBytes();

        Plan plan = TrackerReader.read(csv, "nested.csv", ReadOptions.named("Nested")).plan();

        assertThat(plan.sections()).extracting(Section::name).containsExactly("Priority 1");
        assertThat(plan.actions()).extracting(Action::key, Action::recommendation)
                .containsExactly(tuple("1", "Improve validation"));
        assertThat(plan.tasks()).extracting(Task::ref).containsExactly("1.1", "1.2");
    }

    private static byte[] eastfordWorkbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Cover").createRow(0).createCell(0).setCellValue("Eastford Council planning improvement plan");
            Sheet sheet = workbook.createSheet("Actions");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("d-mmm-yy"));
            sheet.createRow(0).createCell(0).setCellValue("Eastford Council: actions");
            row(sheet, 2, "Ref", "Recommendation", "Task", "Owner", "Due", "Status", "Comments");
            row(sheet, 3, "Enforcement");
            Row en31 = row(sheet, 4, "EN3/1", "Publish an enforcement plan", "Draft the plan", "Enforcement Manager", null,
                    null, "Adopted &amp; published");
            Cell due = en31.createCell(4);
            due.setCellValue(LocalDate.of(2024, 3, 31));
            due.setCellStyle(date);
            Cell status = en31.createCell(5);
            status.setCellFormula("\"Not\"&\" started\"");
            status.setCellValue("Completed"); // the cached result a reader must use
            Row en32 = row(sheet, 5, "EN3/2", null, "Consult members", "Enforcement Manager", "Jul-24", "On target");
            en32.createCell(6).setCellValue(12);
            Row en41 = row(sheet, 6, "EN4/1", "Recover enforcement costs", "Set charges", "Finance Lead", null, "At risk");
            Cell formulaDate = en41.createCell(4);
            formulaDate.setCellFormula("DATE(2024,9,30)");
            formulaDate.setCellValue(LocalDate.of(2024, 9, 30));
            formulaDate.setCellStyle(date);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static Row row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
        return row;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HeaderTableReaderTest.class.getResourceAsStream("/trackers/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Task task(Plan plan, String ref) {
        return plan.tasks().filter(t -> t.ref().equals(ref)).findFirst().orElseThrow();
    }
}
