package planbot.assess.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import planbot.assess.AssessmentResults.PartResult;
import planbot.assess.AssessmentResults.SessionResult;
import planbot.assess.Scale;
import planbot.assess.report.AssessmentReport.LinkedTask;
import planbot.assess.report.AssessmentReport.PartReport;
import planbot.assess.report.AssessmentReport.TipRow;
import planbot.domain.Rag;
import planbot.tracker.write.WordBlocks;

/**
 * Writes an {@link AssessmentReport} as a Word document (summary table, the {@link ScoreChart}, then a section per
 * part with its tips and tasks), an Excel workbook (sheets Summary with the chart, Tips and Tasks, one row each) or
 * one JSON object with the same content. On a red/amber/green template every score is its colour ("Amber"; in JSON
 * "amber", with {@code "scale":"rag"}) and the movement is "amber → green". Stateless and thread-safe; an
 * {@link IOException} is the output's.
 */
public final class AssessmentReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK).withZone(ZONE);
    private static final Map<Rag, String> WORDS = Map.of(Rag.RED, "Red", Rag.AMBER, "Amber", Rag.GREEN, "Green",
            Rag.BLUE, "Blue (done)", Rag.GREY, "Grey (closed)", Rag.NONE, "None");
    private static final String[] SUMMARY = {"Part", "Title", "Score", "Target", "Spread", "Votes", "Movement", "Why this score",
            "Why not 5"};
    private static final String[] SUMMARY_RAG = {"Standard", "Title", "Rating", "Target", "Spread", "Votes", "Movement",
            "Why this rating", "Why not green"};
    private static final String[] TIPS = {"Part", "Tip", "Text", "Decision", "Reason", "Task", "RAG"};
    private static final String[] TASKS = {"Part", "From", "Plan", "Ref", "Task", "Owner", "Target", "Status", "RAG"};

    private AssessmentReportWriter() {
    }

    // ---- the rows every format shares

    private static String[] summaryHeadings(Scale scale) {
        return scale == Scale.RAG ? SUMMARY_RAG : SUMMARY;
    }

    private static List<String> summary(Scale scale, PartReport p) {
        PartResult r = p.result();
        return List.of(Integer.toString(r.number()), r.title(), score(scale, r.score()), score(scale, r.target()), r.spread(scale),
                votes(scale, r), p.movement(scale), r.reason(), r.whyNotFive());
    }

    private static List<String> tip(PartReport p, TipRow t) {
        return List.of(Integer.toString(p.result().number()), Integer.toString(t.number()), t.text(),
                t.adopted() ? "adopted" : "dismissed", t.reason(), t.action() == null ? "" : t.action().ref(),
                t.action() == null ? "" : rag(t.action()));
    }

    /** Every task of the report with the part and tip it came from. */
    private static List<List<String>> tasks(AssessmentReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (PartReport p : report.parts()) {
            for (TipRow t : p.tips()) {
                if (t.action() != null) {
                    rows.add(task(p, "tip " + t.number(), t.action()));
                }
            }
            p.extraActions().forEach(a -> rows.add(task(p, "discussion", a)));
        }
        return rows;
    }

    private static List<String> task(PartReport p, String from, LinkedTask a) {
        return List.of(Integer.toString(p.result().number()), from, a.plan(), a.ref(),
                a.found() ? a.description() : "(no longer in the plan)", a.owner(), a.target(), a.status(), rag(a));
    }

    private static String heading(AssessmentReport report) {
        return report.template().name() + ": self-assessment";
    }

    private static String about(AssessmentReport report) {
        SessionResult s = report.session();
        return "Session " + s.id() + " on version " + s.templateVersion() + " of the template, in " + s.channel() + ", "
                + WHEN.format(s.started()) + (s.ended() == null ? " (still running)" : " to " + WHEN.format(s.ended()))
                + (s.anonymous() ? "; votes anonymous" : "; votes named") + ". Task RAG as at "
                + report.asOf().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)) + ".";
    }

    // ---- Word

    /** The report as a DOCX document. */
    public static void docx(AssessmentReport report, OutputStream out) throws IOException {
        Scale scale = report.template().scale();
        String best = scale.word(scale.highest());
        try (XWPFDocument doc = new XWPFDocument()) {
            WordBlocks.paragraph(doc, heading(report), true, 16);
            WordBlocks.paragraph(doc, about(report), false, 0);
            WordBlocks.heading(doc, "Summary");
            XWPFTable summary = WordBlocks.table(doc, summaryHeadings(scale));
            report.parts().forEach(p -> WordBlocks.row(summary, summary(scale, p)));
            XWPFRun chart = doc.createParagraph().createRun();
            try {
                chart.addPicture(new ByteArrayInputStream(ScoreChart.png(report)), PictureType.PNG, "scores.png",
                        Units.toEMU(ScoreChart.WIDTH * 0.5), Units.toEMU(ScoreChart.HEIGHT * 0.5));
            } catch (InvalidFormatException e) {
                throw new IOException("the chart could not be added", e);
            }
            for (PartReport p : report.parts()) {
                PartResult r = p.result();
                WordBlocks.heading(doc, "Part " + r.number() + ": " + r.title());
                WordBlocks.paragraph(doc, (scale == Scale.RAG ? "Agreed rating: " : "Agreed score: ") + orNone(score(scale, r.score()))
                        + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")"), false, 0);
                WordBlocks.paragraph(doc, "Target: " + orNone(score(scale, r.target()))
                        + (r.whyNotFive().isEmpty() ? "" : " (not " + best + ": " + r.whyNotFive() + ")"), false, 0);
                WordBlocks.paragraph(doc, "Votes: " + votes(scale, r) + (r.spread(scale).isEmpty() ? "" : "; spread " + r.spread(scale))
                        + (p.movement(scale).isEmpty() ? "" : "; movement since the last session " + p.movement(scale)), false, 0);
                if (!p.tips().isEmpty()) {
                    XWPFTable tips = WordBlocks.table(doc, TIPS);
                    p.tips().forEach(t -> WordBlocks.row(tips, tip(p, t)));
                }
            }
            WordBlocks.heading(doc, "Tasks");
            XWPFTable tasks = WordBlocks.table(doc, TASKS);
            List<List<String>> rows = tasks(report);
            rows.forEach(row -> WordBlocks.row(tasks, row));
            if (rows.isEmpty()) {
                WordBlocks.paragraph(doc, "None.", false, 0);
            }
            doc.write(out);
        }
    }

    // ---- Excel

    /** The report as an XLSX workbook: Summary (and the chart), Tips, Tasks. */
    public static void xlsx(AssessmentReport report, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Scale scale = report.template().scale();
            XSSFSheet summary = workbook.createSheet("Summary");
            sheetRow(summary, 0, List.of(heading(report)), bold);
            sheetRow(summary, 1, List.of(about(report)), null);
            sheetRow(summary, 3, List.of(summaryHeadings(scale)), bold);
            int r = 4;
            for (PartReport p : report.parts()) {
                sheetRow(summary, r++, summary(scale, p), null);
            }
            picture(workbook, summary, r + 1, ScoreChart.png(report));
            XSSFSheet tips = workbook.createSheet("Tips");
            sheetRow(tips, 0, List.of(TIPS), bold);
            int t = 1;
            for (PartReport p : report.parts()) {
                for (TipRow tip : p.tips()) {
                    sheetRow(tips, t++, tip(p, tip), null);
                }
            }
            XSSFSheet tasks = workbook.createSheet("Tasks");
            sheetRow(tasks, 0, List.of(TASKS), bold);
            int a = 1;
            for (List<String> row : tasks(report)) {
                sheetRow(tasks, a++, row, null);
            }
            workbook.write(out);
        }
    }

    private static void sheetRow(XSSFSheet sheet, int index, List<String> cells, CellStyle style) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.size(); i++) {
            var cell = row.createCell(i);
            String v = cells.get(i);
            // scores and part numbers as numbers, so that a council can chart or sum them itself
            if (v.matches("[0-9]{1,4}")) {
                cell.setCellValue(Integer.parseInt(v));
            } else {
                cell.setCellValue(v);
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static void picture(Workbook workbook, XSSFSheet sheet, int row, byte[] png) {
        int index = workbook.addPicture(png, Workbook.PICTURE_TYPE_PNG);
        XSSFClientAnchor anchor = new XSSFClientAnchor();
        anchor.setCol1(0);
        anchor.setRow1(row);
        sheet.createDrawingPatriarch().createPicture(anchor, index).resize();
    }

    // ---- JSON

    /** The report as one JSON object. */
    public static String json(AssessmentReport report) {
        SessionResult s = report.session();
        Scale scale = report.template().scale();
        ObjectNode o = JSON.createObjectNode();
        o.put("tenant", report.tenant());
        o.put("template", s.templateName());
        o.put("scale", scale.key());
        o.put("templateVersion", s.templateVersion());
        o.put("templateId", s.templateId());
        o.put("asOf", report.asOf().toString());
        ObjectNode session = o.putObject("session");
        session.put("id", s.id());
        session.put("channel", s.channel());
        session.put("started", s.started().toString());
        session.put("ended", s.ended() == null ? null : s.ended().toString());
        session.put("anonymous", s.anonymous());
        ArrayNode parts = o.putArray("parts");
        for (PartReport p : report.parts()) {
            PartResult r = p.result();
            ObjectNode n = parts.addObject();
            n.put("number", r.number());
            n.put("title", r.title());
            jsonScore(n, "score", scale, r.score());
            n.put("reason", r.reason());
            jsonScore(n, "target", scale, r.target());
            n.put("whyNotFive", r.whyNotFive()); // the same key on every scale: on rag, why the target is not green
            n.put("spread", r.spread(scale));
            ObjectNode votes = n.putObject("votes");
            for (int score = 1; score <= scale.highest(); score++) {
                votes.put(scale.word(score), r.votes().getOrDefault(score, 0));
            }
            n.put("abstentions", r.abstentions());
            jsonScore(n, "previousScore", scale, p.previousScore());
            if (scale == Scale.RAG) {
                n.put("movement", p.movement(scale));
            }
            ArrayNode tips = n.putArray("tips");
            for (TipRow t : p.tips()) {
                ObjectNode tip = tips.addObject();
                tip.put("number", t.number());
                tip.put("text", t.text());
                tip.put("decision", t.adopted() ? "adopted" : "dismissed");
                tip.put("reason", t.reason());
                if (t.action() != null) {
                    jsonTask(tip.putObject("task"), t.action());
                }
            }
            ArrayNode extras = n.putArray("extraTasks");
            p.extraActions().forEach(a -> jsonTask(extras.addObject(), a));
        }
        ArrayNode history = o.putArray("history");
        for (SessionResult h : report.history()) {
            ObjectNode n = history.addObject();
            n.put("session", h.id());
            n.put("started", h.started().toString());
            ObjectNode scores = n.putObject("scores");
            h.parts().forEach(p -> jsonScore(scores, Integer.toString(p.number()), scale, p.score()));
            ObjectNode targets = n.putObject("targets");
            h.parts().forEach(p -> jsonScore(targets, Integer.toString(p.number()), scale, p.target()));
        }
        return o.toString();
    }

    /** A score as a number on 1–5 (as before there were scales), as its word ("amber") on any other; null stays null. */
    private static void jsonScore(ObjectNode n, String key, Scale scale, Integer score) {
        if (score == null || scale == Scale.ONE_TO_FIVE) {
            n.put(key, score);
        } else {
            n.put(key, scale.word(score));
        }
    }

    private static void jsonTask(ObjectNode n, LinkedTask a) {
        n.put("plan", a.plan());
        n.put("ref", a.ref());
        n.put("found", a.found());
        n.put("description", a.description());
        n.put("owner", a.owner());
        n.put("target", a.target());
        n.put("status", a.status());
        n.put("rag", a.rag().name().toLowerCase(Locale.ROOT));
    }

    // ---- words

    private static String score(Scale scale, Integer s) {
        return s == null ? "" : scale.label(s);
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "none agreed" : s;
    }

    private static String votes(Scale scale, PartResult r) {
        StringBuilder b = new StringBuilder();
        for (int score = 1; score <= scale.highest(); score++) {
            b.append(score == 1 ? "" : ", ").append(scale.label(score)).append(": ").append(r.votes().getOrDefault(score, 0));
        }
        return b.append(r.abstentions() == 0 ? "" : "; " + r.abstentions() + " abstained").toString();
    }

    private static String rag(LinkedTask a) {
        return a.found() ? WORDS.get(a.rag()) : "not in the plan";
    }

}
