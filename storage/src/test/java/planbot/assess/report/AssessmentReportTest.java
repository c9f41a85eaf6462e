package planbot.assess.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import planbot.assess.AssessmentResults.ActionLink;
import planbot.assess.AssessmentResults.PartResult;
import planbot.assess.AssessmentResults.SessionResult;
import planbot.assess.AssessmentResults.TipDecision;
import planbot.assess.Part;
import planbot.assess.Template;
import planbot.assess.Tip;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.Status;
import planbot.domain.Task;

/**
 * The assessment report of a session built here (as the session engine would give it) against two tasks of a plan,
 * written as DOCX, XLSX and JSON and read back: POI for the documents, Jackson for JSON, ImageIO for the chart.
 */
class AssessmentReportTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
    private static final Template TEMPLATE = new Template("Processes, IT and administration", "pas.txt", List.of(
            new Part(1, "", "No notes.", "Clear processes.", List.of(new Tip(1, "Identify where procedures help"),
                    new Tip(2, "Make incremental changes"), new Tip(3, "Use team meetings")), List.of()),
            new Part(2, "Website", "Out of date.", "Reviewed.", List.of(new Tip(4, "Give an officer the website")), List.of())));
    /** In the plan: EN1/01 overdue (red on the report's day), EN1/02 completed (blue); EN1/03 was deleted. */
    private static final Map<String, Task> PLAN = Map.of(
            "EN1/01", new Task("EN1/01", "Write process notes", Status.of("On target"), null, null,
                    PlanDate.of(LocalDate.of(2026, 11, 30)), null, "HoP", null),
            "EN1/02", new Task("EN1/02", "Agree the website owner", Status.of("Completed"), null, null,
                    PlanDate.of(LocalDate.of(2026, 12, 31)), null, "PM", null));

    private static SessionResult earlier() {
        return new SessionResult(3, 10, TEMPLATE.name(), 1, "console", Instant.parse("2026-06-01T10:00:00Z"),
                Instant.parse("2026-06-01T11:00:00Z"), false, List.of(
                new PartResult(1, "Part 1", 2, "Notes are old", 4, "", Map.of(2, 3), 0, List.of(), List.of()),
                new PartResult(2, "Website", 3, "", 3, "", Map.of(3, 2), 0, List.of(), List.of())));
    }

    private static SessionResult latest() {
        return new SessionResult(7, 11, TEMPLATE.name(), 2, "slack T1/C2", Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T11:30:00Z"), true, List.of(
                new PartResult(1, "Part 1", 3, "Some notes, not all", 4, "Other parts matter more",
                        Map.of(2, 1, 3, 3, 4, 1), 1, List.of(
                        new TipDecision(2, false, "We already do this", null),
                        new TipDecision(1, true, "", new ActionLink("Improvement plan", "EN1/01"))),
                        List.of(new ActionLink("Improvement plan", "EN1/03"))),
                new PartResult(2, "Website", null, "Could not agree", null, "", Map.of(1, 1, 5, 1), 0, List.of(
                        new TipDecision(4, true, "Quick win", new ActionLink("Improvement plan", "EN1/02"))), List.of())));
    }

    private static AssessmentReport report() {
        SessionResult other = new SessionResult(5, 20, "Another template", 1, "console", Instant.parse("2026-09-01T10:00:00Z"),
                Instant.parse("2026-09-01T11:00:00Z"), false, List.of());
        return AssessmentReport.of("welwyn", latest(), TEMPLATE, List.of(latest(), other, earlier()),
                link -> link.plan().equals("Improvement plan") ? Optional.ofNullable(PLAN.get(link.ref())) : Optional.empty(),
                TODAY);
    }

    @Test
    void givenTwoSessionsOfATemplate_whenTheReportIsBuilt_thenMovementTipsAndTaskRagAreWorkedOut() {
        // GIVEN an earlier session of the template, one of another template, and the latest
        // WHEN the latest's report is built
        AssessmentReport r = report();
        // THEN the history is the template's two sessions, oldest first, and part 1 moved from 2 to 3
        assertThat(r.history()).extracting(SessionResult::id).containsExactly(3L, 7L);
        AssessmentReport.PartReport one = r.parts().get(0);
        assertThat(one.previousScore()).isEqualTo(2);
        assertThat(one.movement()).isEqualTo("+1");
        assertThat(one.result().spread()).isEqualTo("2–4");
        // AND the tips come in number order with their texts; the adopted one's task is red (overdue today)
        assertThat(one.tips()).extracting(AssessmentReport.TipRow::number).containsExactly(1, 2);
        assertThat(one.tips().get(0).text()).isEqualTo("Identify where procedures help");
        assertThat(one.tips().get(0).action().rag()).isEqualTo(Rag.RED);
        assertThat(one.tips().get(1).action()).isNull();
        // AND a task gone from the plan is kept by its ref, marked not found
        assertThat(one.extraActions()).singleElement().satisfies(t -> {
            assertThat(t.ref()).isEqualTo("EN1/03");
            assertThat(t.found()).isFalse();
        });
        // AND part 2 has no agreed score, so no movement, and its task is done (blue)
        assertThat(r.parts().get(1).movement()).isEmpty();
        assertThat(r.parts().get(1).tips().get(0).action().rag()).isEqualTo(Rag.BLUE);
    }

    @Test
    void givenTheReport_whenWrittenAsDocx_thenItReadsBackWithSummaryChartTipsAndTasks() throws Exception {
        // GIVEN the report
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // WHEN it is written as DOCX
        AssessmentReportWriter.docx(report(), out);
        // THEN POI reads the title, the summary row per part, one picture, the tips and the tasks with their RAG
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("Processes, IT and administration: self-assessment");
            assertThat(doc.getParagraphs().get(1).getText()).startsWith("Session 7 on version 2 of the template, in slack T1/C2")
                    .contains("votes anonymous");
            XWPFTable summary = doc.getTables().get(0);
            assertThat(cells(summary, 1)).containsExactly("1", "Part 1", "3", "4", "2–4",
                    "1: 0, 2: 1, 3: 3, 4: 1, 5: 0; 1 abstained", "+1", "Some notes, not all", "Other parts matter more");
            assertThat(cells(summary, 2)).containsExactly("2", "Website", "", "", "1–5", "1: 1, 2: 0, 3: 0, 4: 0, 5: 1", "",
                    "Could not agree", "");
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("Part 1: Part 1", "Agreed score: 3 (Some notes, not all)", "Part 2: Website",
                            "Agreed score: none agreed (Could not agree)");
            XWPFTable tipsOfOne = doc.getTables().get(1);
            assertThat(cells(tipsOfOne, 1)).containsExactly("1", "1", "Identify where procedures help", "adopted", "", "EN1/01", "Red");
            assertThat(cells(tipsOfOne, 2)).containsExactly("1", "2", "Make incremental changes", "dismissed",
                    "We already do this", "", "");
            XWPFTable tasks = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(tasks.getRows()).hasSize(4);
            assertThat(cells(tasks, 1)).containsExactly("1", "tip 1", "Improvement plan", "EN1/01", "Write process notes",
                    "HoP", "30/11/2026", "On target", "Red");
            assertThat(cells(tasks, 2)).containsExactly("1", "discussion", "Improvement plan", "EN1/03",
                    "(no longer in the plan)", "", "", "", "not in the plan");
            assertThat(cells(tasks, 3)).containsExactly("2", "tip 4", "Improvement plan", "EN1/02", "Agree the website owner",
                    "PM", "31/12/2026", "Completed", "Blue (done)");
        }
    }

    @Test
    void givenTheReport_whenWrittenAsXlsx_thenSummaryWithChartTipsAndTasksSheets() throws Exception {
        // GIVEN the report
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // WHEN it is written as XLSX
        AssessmentReportWriter.xlsx(report(), out);
        // THEN the sheets hold a row per part, tip and task, scores as numbers, and the chart on the summary
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
                    .containsExactly("Summary", "Tips", "Tasks");
            XSSFSheet summary = book.getSheet("Summary");
            assertThat(summary.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Score");
            assertThat(summary.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(3.0);
            assertThat(summary.getRow(4).getCell(6).getStringCellValue()).isEqualTo("+1");
            assertThat(summary.getRow(5).getCell(1).getStringCellValue()).isEqualTo("Website");
            XSSFDrawing drawing = summary.getDrawingPatriarch();
            assertThat(drawing.getShapes()).hasSize(1);
            assertThat(book.getAllPictures()).hasSize(1);
            assertThat(book.getSheet("Tips").getPhysicalNumberOfRows()).isEqualTo(4);
            DataFormatter f = new DataFormatter();
            assertThat(f.formatCellValue(book.getSheet("Tips").getRow(3).getCell(2))).isEqualTo("Give an officer the website");
            assertThat(f.formatCellValue(book.getSheet("Tasks").getRow(1).getCell(8))).isEqualTo("Red");
        }
    }

    @Test
    void givenTheReport_whenWrittenAsJson_thenEveryFigureIsThere() throws Exception {
        // GIVEN the report
        // WHEN it is written as JSON
        JsonNode j = new ObjectMapper().readTree(AssessmentReportWriter.json(report()));
        // THEN it has the session, each part's figures, the tips with their tasks and the history
        assertThat(j.get("template").asText()).isEqualTo("Processes, IT and administration");
        assertThat(j.get("session").get("id").asLong()).isEqualTo(7);
        JsonNode one = j.get("parts").get(0);
        assertThat(one.get("score").asInt()).isEqualTo(3);
        assertThat(one.get("target").asInt()).isEqualTo(4);
        assertThat(one.get("votes").toString()).isEqualTo("{\"1\":0,\"2\":1,\"3\":3,\"4\":1,\"5\":0}");
        assertThat(one.get("previousScore").asInt()).isEqualTo(2);
        assertThat(one.get("tips").get(0).get("task").get("rag").asText()).isEqualTo("red");
        assertThat(one.get("tips").get(1).get("decision").asText()).isEqualTo("dismissed");
        assertThat(j.get("parts").get(1).get("score").isNull()).isTrue();
        assertThat(j.get("history")).hasSize(2);
        assertThat(j.get("history").get(0).get("scores").toString()).isEqualTo("{\"1\":2,\"2\":3}");
    }

    @Test
    void givenTheReport_whenTheChartIsDrawn_thenAPngOfItsSize() throws Exception {
        // GIVEN the report (a part without score or target among them)
        // WHEN the chart is drawn
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ScoreChart.png(report())));
        // THEN it is a PNG of the chart's size, with the two sessions' bars and the target line
        assertThat(png.getWidth()).isEqualTo(ScoreChart.WIDTH);
        assertThat(png.getHeight()).isEqualTo(ScoreChart.HEIGHT);
        assertThat(ScoreChart.chart(report()).getSeriesMap().keySet())
                .containsExactly("Score 1 Jun 2026", "Score 1 Dec 2026 (this)", "Target");
    }

    private static List<String> cells(XWPFTable table, int row) {
        return table.getRow(row).getTableCells().stream().map(c -> c.getText()).toList();
    }
}
