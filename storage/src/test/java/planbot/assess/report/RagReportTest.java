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
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import planbot.assess.AssessmentResults.PartResult;
import planbot.assess.AssessmentResults.SessionResult;
import planbot.assess.Part;
import planbot.assess.Scale;
import planbot.assess.Template;
import planbot.assess.Tip;

/**
 * The report of a session on a red/amber/green template (red 1, amber 2, green 3 as stored), after an earlier one:
 * written as DOCX, XLSX and JSON and read back, and its chart, all in colours.
 */
class RagReportTest {
    private static final Template TEMPLATE = new Template("Financial management standards", "fm.yaml", List.of(
            new Part(1, "A medium-term financial plan", "A plan for three years.", "Refreshed every year.",
                    List.of(new Tip(1, "Test the plan against scenarios")), List.of()),
            new Part(2, "Accounts on time", "Accounts by the deadline.", "Audit findings closed.", List.of(), List.of())),
            Scale.RAG);

    private static AssessmentReport report() {
        SessionResult earlier = new SessionResult(1, 10, TEMPLATE.name(), 1, "console", Instant.parse("2025-12-01T10:00:00Z"),
                Instant.parse("2025-12-01T11:00:00Z"), false, List.of(
                new PartResult(1, "A medium-term financial plan", 2, "Not tested", 3, "", Map.of(2, 3), 0, List.of(), List.of()),
                new PartResult(2, "Accounts on time", 1, "Late again", 2, "The audit backlog is national", Map.of(1, 3), 0,
                        List.of(), List.of())));
        SessionResult latest = new SessionResult(4, 10, TEMPLATE.name(), 1, "console", Instant.parse("2026-12-01T10:00:00Z"),
                Instant.parse("2026-12-01T11:00:00Z"), false, List.of(
                new PartResult(1, "A medium-term financial plan", 3, "Scenarios tested", 3, "", Map.of(1, 1, 2, 1, 3, 1), 0,
                        List.of(), List.of()),
                new PartResult(2, "Accounts on time", 2, "Published on time", 2, "The audit backlog is national",
                        Map.of(2, 2), 1, List.of(), List.of())));
        return AssessmentReport.of("welwyn", latest, TEMPLATE, List.of(latest, earlier), link -> Optional.empty(),
                LocalDate.of(2026, 12, 8));
    }

    @Test
    void givenARagSession_whenWrittenAsJson_thenTheScaleIsRagAndEveryScoreIsAColourWord() throws Exception {
        JsonNode j = new ObjectMapper().readTree(AssessmentReportWriter.json(report()));

        assertThat(j.get("scale").asText()).isEqualTo("rag");
        JsonNode one = j.get("parts").get(0);
        assertThat(one.get("score").asText()).isEqualTo("green");
        assertThat(one.get("target").asText()).isEqualTo("green");
        assertThat(one.get("previousScore").asText()).isEqualTo("amber");
        assertThat(one.get("movement").asText()).isEqualTo("amber → green");
        assertThat(one.get("spread").asText()).isEqualTo("red–green");
        assertThat(one.get("votes").toString()).isEqualTo("{\"red\":1,\"amber\":1,\"green\":1}");
        JsonNode two = j.get("parts").get(1);
        assertThat(two.get("movement").asText()).isEqualTo("red → amber");
        assertThat(two.get("whyNotFive").asText()).isEqualTo("The audit backlog is national");
        assertThat(j.get("history").get(0).get("scores").toString()).isEqualTo("{\"1\":\"amber\",\"2\":\"red\"}");
    }

    @Test
    void givenARagSession_whenWrittenAsDocx_thenThePoiReadSummarySaysColoursAndTheMovement() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        AssessmentReportWriter.docx(report(), out);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            XWPFTable summary = doc.getTables().get(0);
            assertThat(cells(summary, 0)).containsExactly("Standard", "Title", "Rating", "Target", "Spread", "Votes", "Movement",
                    "Why this rating", "Why not green");
            assertThat(cells(summary, 1)).containsExactly("1", "A medium-term financial plan", "Green", "Green", "red–green",
                    "Red: 1, Amber: 1, Green: 1", "amber → green", "Scenarios tested", "");
            assertThat(cells(summary, 2)).containsExactly("2", "Accounts on time", "Amber", "Amber", "amber",
                    "Red: 0, Amber: 2, Green: 0; 1 abstained", "red → amber", "Published on time", "The audit backlog is national");
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains(
                    "Agreed rating: Amber (Published on time)", "Target: Amber (not green: The audit backlog is national)",
                    "Votes: Red: 0, Amber: 2, Green: 0; 1 abstained; spread amber; movement since the last session red → amber");
            assertThat(doc.getAllPictures()).hasSize(1);
        }
    }

    @Test
    void givenARagSession_whenWrittenAsXlsx_thenTheSummaryRowsHoldColours() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        AssessmentReportWriter.xlsx(report(), out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet summary = book.getSheet("Summary");
            assertThat(summary.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Rating");
            assertThat(summary.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Green");
            assertThat(summary.getRow(4).getCell(6).getStringCellValue()).isEqualTo("amber → green");
        }
    }

    @Test
    void givenARagSession_whenTheChartIsDrawn_thenRedIsOneGreenThreeAsTheAxisTitleSays() throws Exception {
        var chart = ScoreChart.chart(report());

        assertThat(chart.getStyler().getYAxisMax()).isEqualTo(3.0);
        assertThat(chart.getSeriesMap().get("Score 1 Dec 2025").getYData()).extracting(Number::doubleValue).containsExactly(2.0, 1.0);
        assertThat(chart.getSeriesMap().get("Score 1 Dec 2026 (this)").getYData()).extracting(Number::doubleValue).containsExactly(3.0, 2.0);
        assertThat(chart.getYAxisTitle()).isEqualTo("Rating: 1 red, 2 amber, 3 green");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ScoreChart.png(report())));
        assertThat(png.getWidth()).isEqualTo(ScoreChart.WIDTH);
    }

    private static List<String> cells(XWPFTable table, int row) {
        return table.getRow(row).getTableCells().stream().map(c -> c.getText()).toList();
    }
}
