package planbot.cli;

import static planbot.tracker.write.WordBlocks.heading;
import static planbot.tracker.write.WordBlocks.noneIfEmpty;
import static planbot.tracker.write.WordBlocks.paragraph;
import static planbot.tracker.write.WordBlocks.row;
import static planbot.tracker.write.WordBlocks.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import planbot.domain.Action;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.Section;
import planbot.domain.Task;
import planbot.domain.UkDates;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestChart;
import planbot.scheduler.digest.TaskSnapshot;

/**
 * The committee report as a Word document an officer can send to Overview &amp; Scrutiny as it is: title and
 * date, the period its changes cover, the RAG summary and the digest's chart, a table per section (ref, task, RAG,
 * target date with how often it was revised, the latest progress note), then what is overdue, what slipped and
 * what was completed in the period. Styling is Word's own (no council's colours or logo); RAG cells are shaded
 * and also say their colour in words, for readers who cannot tell the colours apart.
 *
 * <p>Called by {@link ReportCommand}; stateless. A chat {@code /plan report} would call it too once it moves to
 * a neutral package. Fails only with the {@link IOException} of {@code out}.
 */
final class CommitteeReport {
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Map<Rag, String> WORDS = Map.of(Rag.RED, "Red", Rag.AMBER, "Amber", Rag.GREEN, "Green",
            Rag.BLUE, "Blue", Rag.GREY, "Grey", Rag.NONE, "None");
    private static final Map<Rag, String> MEANING = Map.of(Rag.RED, "overdue", Rag.AMBER, "at risk or delayed",
            Rag.GREEN, "on track", Rag.BLUE, "completed", Rag.GREY, "closed", Rag.NONE, "no status yet");
    private static final Map<Rag, String> SHADE = Map.of(Rag.RED, "F4B6B6", Rag.AMBER, "FCE2B0", Rag.GREEN, "C8E6C9",
            Rag.BLUE, "BBDEFB", Rag.GREY, "E0E0E0", Rag.NONE, "FFFFFF");
    private static final List<Rag> ORDER = List.of(Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.GREY, Rag.NONE);

    /**
     * What the report is about.
     *
     * @param plan       the plan as stored
     * @param digest     the digest of the plan over the report's period
     * @param tasks      the plan's tasks as the digest read them (for how often each target was revised)
     * @param lastReport the day of the last report, which the period starts from; null when there was none and
     *                   the period is the days before
     */
    record Input(Plan plan, Digest digest, List<TaskSnapshot> tasks, LocalDate lastReport) {
    }

    private CommitteeReport() {
    }

    static void write(Input in, OutputStream out) throws IOException {
        Digest d = in.digest();
        LocalDate today = d.period().today();
        try (XWPFDocument doc = new XWPFDocument()) {
            paragraph(doc, in.plan().name() + ": progress report", true, 16);
            paragraph(doc, "As at " + LONG_DATE.format(today), false, 0);
            LocalDate from = d.period().from().toLocalDate();
            paragraph(doc, in.lastReport() != null
                    ? "Changes since the last report, on " + LONG_DATE.format(in.lastReport()) + "."
                    : "No report was made before this one: changes are those of the last "
                    + ChronoUnit.DAYS.between(from, today) + " days, since " + LONG_DATE.format(from)
                    + ".", false, 0);

            heading(doc, "Summary");
            XWPFTable summary = table(doc, "RAG", "Meaning", "Tasks");
            for (Rag rag : ORDER) {
                XWPFTableRow row = row(summary, WORDS.get(rag), MEANING.get(rag), String.valueOf(d.totals().of(rag)));
                shade(row.getCell(0), rag);
            }
            row(summary, "All", "", String.valueOf(d.totals().total()));
            XWPFRun chart = doc.createParagraph().createRun();
            try {
                chart.addPicture(new ByteArrayInputStream(DigestChart.png(d)), PictureType.PNG, "chart.png",
                        Units.toEMU(DigestChart.WIDTH * 0.5), Units.toEMU(DigestChart.HEIGHT * 0.5));
            } catch (InvalidFormatException e) {
                throw new IOException("the chart could not be added", e);
            }

            Map<String, Integer> revised = new HashMap<>();
            for (TaskSnapshot t : in.tasks()) {
                revised.put(t.ref(), t.timesRevised());
            }
            for (Section section : in.plan().sections()) {
                heading(doc, section.name().isEmpty() ? "Tasks" : section.name());
                XWPFTable table = table(doc, "Ref", "Action", "RAG", "Target date", "Progress");
                for (Action action : section.actions()) {
                    for (Task task : action.tasks()) {
                        Rag rag = Rag.of(task.status(), task.target(), today);
                        String notes = task.notes() != null ? task.notes()
                                : task == action.tasks().get(0) && action.notes() != null ? action.notes() : "";
                        XWPFTableRow row = row(table, task.ref(), task.description(), WORDS.get(rag),
                                target(task.target(), revised.getOrDefault(task.ref(), 0)), latest(notes));
                        shade(row.getCell(2), rag);
                    }
                }
            }

            String since = LONG_DATE.format(from);
            heading(doc, "Overdue");
            XWPFTable overdue = table(doc, "Ref", "Task", "Owner", "Due", "Days late");
            for (Digest.Overdue o : d.overdue()) {
                row(overdue, o.task().ref(), o.task().description(), orDash(o.task().owner()), o.task().target().due(),
                        String.valueOf(o.daysLate()));
            }
            noneIfEmpty(doc, d.overdue());
            heading(doc, "Target dates revised since " + since);
            XWPFTable slipped = table(doc, "Ref", "Task", "From", "To", "Revisions in all");
            for (Digest.Slip s : d.slipped()) {
                row(slipped, s.task().ref(), s.task().description(), display(s.from()), display(s.to()),
                        String.valueOf(s.timesInTotal()));
            }
            noneIfEmpty(doc, d.slipped());
            heading(doc, "Completed since " + since);
            XWPFTable done = table(doc, "Ref", "Task", "Owner", "Completed on");
            for (Digest.Done c : d.completed()) {
                row(done, c.task().ref(), c.task().description(), orDash(c.task().owner()),
                        UkDates.format(c.at().atZone(d.period().to().getZone())));
            }
            noneIfEmpty(doc, d.completed());
            doc.write(out);
        }
    }

    private static String target(PlanDate target, int revisions) {
        String date = display(target);
        return revisions == 0 ? date : date + "\n(revised " + (revisions == 1 ? "once" : revisions + " times") + ")";
    }

    /** The latest progress note: trackers add notes at the end. */
    private static String latest(String notes) {
        String[] lines = notes.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static String display(PlanDate date) {
        return date == null ? "none" : date.display();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static void shade(XWPFTableCell cell, Rag rag) {
        cell.setColor(SHADE.get(rag));
    }
}
