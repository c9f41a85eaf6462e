package planbot.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import planbot.domain.Action;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.StatusKind;
import planbot.domain.Task;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.ReadResult;
import planbot.tracker.read.TrackerFormatException;
import planbot.tracker.read.TrackerReader;
import planbot.tracker.write.ExportFormat;
import planbot.tracker.write.PlanExporter;

/**
 * The council layout round trip (DESIGN §5): for a plan read from any tracker, reading back its CSV or XLSX export
 * gives an equal plan, layout included; so does a plan changed the way the bot changes one. The trackers are the
 * real samples in {@code samples/}, the made-up council trackers in the test resources, and three made up here:
 * a CSV with other header words and every kind of mess, an XLSX with date cells and a last column headed
 * "NOTES", and a plain what/how/who/timescale table.
 */
class RoundTripTest {
    /** A made-up council CSV: refs, heading rows, owners, a lead, month dates, TBC remarks, unknown words, markup. */
    private static final String EASTMARSH_CSV = String.join("\r\n",
            "Eastmarsh District Council: Planning Improvement Plan 2025/26,,,,,,,,",
            ",,,,,,,,",
            "Ref,Action,Task,Responsible officer,Lead officer,Start,Due,Status,Progress update",
            "Theme 1: Validation,,,,,,,,",
            "1.1,Improve validation,Publish a local validation list,Validation Manager,Head of Planning,Jan-25,"
                    + "July 2025,On track,\"Draft out for consultation, closes 30/06\"",
            "1.2,,Review the &quot;invalid on receipt&quot; letters,Validation Manager,,01/02/2025,end of March 2025,"
                    + "Paused,",
            "1.3,,Train agents &amp; officers <b>(with the agents' forum)</b>,,,Q2 2025,"
                    + "TBC - depends on the new website,Stalled,Use &lt;b&gt; for headings",
            "<b>Theme 2: Enforcement</b>,,,,,,,,",
            "2.1,Cut the enforcement backlog <b>(carried over from 2024)</b>,Clear cases older than 12 months,"
                    + "Enforcement Team Leader,Head of Planning,N/A,31/03/2025,Red,\"Backlog at 312 cases.",
            "Two officers recruited.\"",
            "2.2,,-5 days on average for site visits,Enforcement Officer,,,TBC (budget),Amber,=see the dashboard",
            "2.3,,Publish the enforcement plan,,,,31/02/2025,Not started,'quoted' on purpose",
            "");

    /** A plain table: what, how, who and a timescale, continuation rows, semicolons. */
    private static final String PLAIN_TABLE_CSV = String.join("\n",
            "What;How;Who;Timescale",
            "Improve validation;Publish checklist;Team Leader;10/24 - 12/24",
            ";Train agents;Team Leader;End 3/25",
            "Cut the backlog;Recruit two officers;Head of Planning;Ongoing",
            ";Review the process;;from 4/25",
            ";Set up a web form;Digital Team;after the election",
            "");

    /** A tracker as its bytes, with the file name the reader is given. */
    record Tracker(String name, byte[] content) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Tracker> trackers() throws IOException {
        List<Tracker> trackers = new ArrayList<>();
        try (Stream<Path> samples = Files.list(samplesFolder())) {
            for (Path sample : samples.filter(p -> p.toString().endsWith(".tsv")
                    || p.toString().endsWith(".txt")).sorted().toList()) {
                trackers.add(new Tracker(sample.getFileName().toString(), Files.readAllBytes(sample)));
            }
        }
        assertThat(trackers).as("samples/*.tsv").hasSizeGreaterThanOrEqualTo(2);
        for (String name : List.of("northshire-improvement-plan.csv", "westmoor-dm-action-plan.csv")) {
            try (InputStream in = RoundTripTest.class.getResourceAsStream("/trackers/" + name)) {
                trackers.add(new Tracker(name, in.readAllBytes()));
            }
        }
        trackers.add(new Tracker("eastmarsh-improvement-plan.csv", EASTMARSH_CSV.getBytes(StandardCharsets.UTF_8)));
        trackers.add(new Tracker("southvale-action-plan.xlsx", southvaleWorkbook()));
        trackers.add(new Tracker("plain-table.csv", PLAIN_TABLE_CSV.getBytes(StandardCharsets.UTF_8)));
        return trackers;
    }

    static Stream<Arguments> trackersByFormat() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (Tracker tracker : trackers()) {
            cases.add(Arguments.of(tracker, ExportFormat.CSV));
            cases.add(Arguments.of(tracker, ExportFormat.XLSX));
            cases.add(Arguments.of(tracker, ExportFormat.DOCX));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("trackersByFormat")
    void exportThenImportGivesTheSamePlan(Tracker tracker, ExportFormat format) throws Exception {
        // GIVEN a plan read from a council's tracker
        ReadResult first = read(tracker.content(), tracker.name(), "Round trip");

        // WHEN it is exported and the export read again
        ReadResult second = read(export(first.plan(), format), "export." + format.extension(), "Round trip");

        // THEN the plan is the same, layout included, and reading the export found nothing new to complain about
        assertThat(second.plan()).isEqualTo(first.plan());
        assertThat(second.problems()).extracting(Problem::message)
                .isSubsetOf(first.problems().stream().map(Problem::message).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trackers")
    void exportingTwiceGivesTheSameCsvBytes(Tracker tracker) throws Exception {
        // GIVEN a plan read from a tracker, and the plan read back from its CSV export
        Plan plan = read(tracker.content(), tracker.name(), "Twice").plan();
        byte[] once = export(plan, ExportFormat.CSV);
        Plan readBack = read(once, "export.csv", "Twice").plan();

        // WHEN each is exported again THEN the bytes are the same every time
        assertThat(export(plan, ExportFormat.CSV)).isEqualTo(once);
        assertThat(export(readBack, ExportFormat.CSV)).isEqualTo(once);
    }

    @ParameterizedTest(name = "{0} via {1}")
    @MethodSource("trackersByFormat")
    void aPlanChangedLikeTheBotChangesItRoundTrips(Tracker tracker, ExportFormat format) throws Exception {
        // GIVEN a plan read from a tracker, then changed as the bot changes one: statuses with their canonical
        // words, targets set to a day, owners and notes added; and an action given a status and a lead
        Plan changed = changedInChat(read(tracker.content(), tracker.name(), "Changed").plan());

        // WHEN it is exported and read again
        Plan readBack = read(export(changed, format), "changed." + format.extension(), "Changed").plan();

        // THEN it is the same changed plan
        assertThat(readBack).isEqualTo(changed);
    }

    @Test
    void anActivityWhoseTargetChangedInChatExportsTheNewTimescaleNotTheOldText() throws Exception {
        // GIVEN the activity plan, whose first activity reads "10/16 – 3/17", with its target changed in chat
        Tracker activity = trackers().stream().filter(t -> t.name().equals("phase2-activity-plan.tsv"))
                .findFirst().orElseThrow();
        Plan plan = read(activity.content(), activity.name(), "Activity").plan();
        Plan changed = mapTasks(plan, t -> t.ref().equals("SS/01")
                ? t.withTarget(PlanDate.of(LocalDate.of(2017, 6, 30))) : t);

        // WHEN exported as CSV
        String csv = new String(export(changed, ExportFormat.CSV), StandardCharsets.UTF_8);

        // THEN the timescale names the new target, not the old "3/17", and reads back into the same dates
        assertThat(csv).contains("10/16 \u2013 30/06/2017").doesNotContain("10/16 \u2013 3/17");
        Task readBack = read(csv.getBytes(StandardCharsets.UTF_8), "changed.csv", "Activity").plan().tasks()
                .filter(t -> t.ref().equals("SS/01")).findFirst().orElseThrow();
        assertThat(readBack.target()).isEqualTo(PlanDate.of(LocalDate.of(2017, 6, 30)));
        assertThat(readBack.timescale()).isNull();
    }

    @Test
    void theExportsTrailingColumnsStayOutOfTheLayout() throws Exception {
        // GIVEN the review sample, whose inline notes need planbot's NOTES and ACTION NOTES columns
        Tracker review = trackers().stream().filter(t -> t.name().equals("planning-review-action-plan.tsv"))
                .findFirst().orElseThrow();
        Plan plan = read(review.content(), review.name(), "Review").plan();

        // WHEN exported
        String csv = new String(export(plan, ExportFormat.CSV), StandardCharsets.UTF_8);

        // THEN the header ends with them, and the plan read back has the council's nine columns only
        assertThat(csv.substring(0, csv.indexOf("\r\n"))).endsWith("TARGET END DATE,NOTES,ACTION NOTES");
        Layout layout = read(csv.getBytes(StandardCharsets.UTF_8), "export.csv", "Review").plan().layout();
        assertThat(layout).isEqualTo(plan.layout());
        assertThat(layout.columns()).hasSize(9);
    }

    /** The changes the bot makes: statuses, targets, owners and notes on tasks; a status and lead on an action. */
    private static Plan changedInChat(Plan plan) {
        int[] n = {0};
        Plan tasksChanged = mapTasks(plan, t -> {
            switch (n[0]++ % 3) {
                case 0:
                    return t.withStatus(Status.canonical(StatusKind.COMPLETED))
                            .withTarget(PlanDate.of(LocalDate.of(2025, 9, 30)));
                case 1:
                    return t.withOwner("Sam Patel").withNotes("Chased on 3 June; waiting on legal.");
                default:
                    return t.withStatus(Status.canonical(StatusKind.AT_RISK)).withNotes("=1+1 is not a formula");
            }
        });
        List<Section> sections = new ArrayList<>(tasksChanged.sections());
        Section first = sections.get(0);
        List<Action> actions = new ArrayList<>(first.actions());
        Action a = actions.get(0);
        actions.set(0, new Action(a.key(), a.label(), a.recommendation(), Status.canonical(StatusKind.IN_PROGRESS),
                "Head of Planning", a.notes(), a.tasks()));
        sections.set(0, new Section(first.name(), actions));
        return new Plan(plan.name(), plan.layout(), sections);
    }

    private static Plan mapTasks(Plan plan, UnaryOperator<Task> change) {
        List<Section> sections = new ArrayList<>();
        for (Section s : plan.sections()) {
            List<Action> actions = new ArrayList<>();
            for (Action a : s.actions()) {
                actions.add(new Action(a.key(), a.label(), a.recommendation(), a.status(), a.lead(), a.notes(),
                        a.tasks().stream().map(change).toList()));
            }
            sections.add(new Section(s.name(), actions));
        }
        return new Plan(plan.name(), plan.layout(), sections);
    }

    private static ReadResult read(byte[] content, String fileName, String planName) throws TrackerFormatException {
        return TrackerReader.read(content, fileName, ReadOptions.named(planName));
    }

    private static byte[] export(Plan plan, ExportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanExporter.write(plan, format, out);
        return out.toByteArray();
    }

    private static Path samplesFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples"))) {
                return dir.resolve("samples");
            }
        }
        throw new IllegalStateException("no samples folder above " + Path.of("").toAbsolutePath());
    }

    /**
     * A made-up council workbook: a section column, rows continuing the action above, real date cells, a cached
     * formula, a number, a column planbot ignores, unknown status words, and a last column headed "NOTES", which
     * the reader takes for planbot's own.
     */
    private static byte[] southvaleWorkbook() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Action plan");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("d-mmm-yy"));
            row(sheet, 0, "Southvale Borough Council \u2013 Development Management Action Plan");
            row(sheet, 2, "Priority area", "Action", "How", "Responsible", "Start", "Deadline", "Progress",
                    "Budget (\u00a3)", "NOTES");
            Row r3 = row(sheet, 3, "Fees & income", "Review pre-application charges",
                    "Benchmark charges against 5 neighbours", "Business Manager", null, null, "Complete", null,
                    "\u201cQuick win\u201d \u2013 \u00a312k a year");
            dateCell(r3, 4, LocalDate.of(2025, 1, 6), date);
            dateCell(r3, 5, LocalDate.of(2025, 3, 31), date);
            r3.createCell(7).setCellValue(12000);
            Row r4 = row(sheet, 4, null, null, "Consult agents on the new charges", "Business Manager", "Apr-25",
                    "end of May 2025", null, null, null);
            Cell status = r4.createCell(6);
            status.setCellFormula("\"On\"&\" hold\"");
            status.setCellValue("On hold");
            row(sheet, 5, null, "Introduce a fast-track service", "Design the service and its price",
                    "Head of Planning", "01/04/2025", "TBC", "Behind", null, "Waiting on legal");
            Row r6 = row(sheet, 6, "Customer contact", "Answer calls within 2 minutes",
                    "Publish call statistics monthly", "Customer Services Lead", null, "Ongoing", "On target");
            r6.createCell(8).setCellValue(12);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static void dateCell(Row row, int column, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
