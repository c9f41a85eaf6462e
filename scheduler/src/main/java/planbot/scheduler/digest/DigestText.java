package planbot.scheduler.digest;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.UkDates;

/**
 * Renders a {@link Digest} as plain text for the console and the CLI: ASCII punctuation, dates day-first,
 * one line per task, every list shown even when empty. Stateless and thread-safe.
 */
public final class DigestText {
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);
    private static final int DESCRIPTION_WIDTH = 70;

    private DigestText() {
    }

    public static String render(Digest d) {
        StringBuilder out = new StringBuilder(4096);
        out.append("Weekly digest: ").append(d.scope().describe()).append('\n');
        out.append("From ").append(MOMENT.format(d.period().from())).append(" to ")
                .append(MOMENT.format(d.period().to())).append('\n');
        if (d.isQuiet()) {
            out.append('\n').append(Digest.QUIET_TEXT).append('\n');
        }

        out.append('\n').append(d.totals().total()).append(" tasks: ").append(rag(d.totals())).append('\n');
        out.append("By status: ").append(statuses(d.totals().byStatus())).append('\n');
        if (d.sections().size() > 1) {
            out.append("\nBy section:\n");
            boolean severalPlans = d.sections().stream().map(Digest.SectionCounts::plan).distinct().count() > 1;
            for (Digest.SectionCounts s : d.sections()) {
                out.append("  ").append(severalPlans ? s.plan() + ": " : "").append(sectionName(s.section()))
                        .append(": ").append(s.counts().total()).append(" (").append(shortRag(s.counts())).append(")\n");
            }
        }

        heading(out, "Overdue", d.overdue());
        for (Digest.Overdue o : d.overdue()) {
            line(out, o.task(), days(o.daysLate()) + " late (due " + due(o.task().target()) + ")");
        }
        heading(out, "Due in the next " + DigestBuilder.DUE_WITHIN_DAYS + " days", d.dueSoon());
        for (Digest.Due due : d.dueSoon()) {
            line(out, due.task(), "due " + (due.daysLeft() == 0 ? "today" : "in " + days(due.daysLeft()))
                    + " (" + due(due.task().target()) + ")");
        }
        heading(out, "Completed since the last digest", d.completed());
        for (Digest.Done done : d.completed()) {
            line(out, done.task(), (done.task().status() == null ? "finished" : done.task().status().word())
                    + " " + UkDates.format(done.at().atZone(d.period().to().getZone())));
        }
        heading(out, "Target dates revised since the last digest", d.slipped());
        for (Digest.Slip s : d.slipped()) {
            line(out, s.task(), date(s.from()) + " -> " + date(s.to()) + ", revised "
                    + times(s.timesInTotal()) + " in all");
        }
        heading(out, "Silent owners, no update to their open tasks for " + days(d.silentAfter().toDays()) + " or more",
                d.silentOwners());
        for (Digest.SilentOwner o : d.silentOwners()) {
            out.append("  ").append(o.owner()).append(": ").append(o.openTasks()).append(" open ")
                    .append(o.openTasks() == 1 ? "task" : "tasks").append(", last update ")
                    .append(days(o.daysSilent())).append(" ago\n");
        }
        heading(out, "Target date TBC", d.tbc());
        for (Digest.Item t : d.tbc()) {
            line(out, t, date(t.target()));
        }
        return out.toString();
    }

    private static String rag(Digest.Counts c) {
        StringBuilder s = new StringBuilder();
        s.append(c.of(Rag.RED)).append(" overdue (red), ")
                .append(c.of(Rag.AMBER)).append(" at risk (amber), ")
                .append(c.of(Rag.GREEN)).append(" on track (green), ")
                .append(c.of(Rag.BLUE)).append(" done (blue), ")
                .append(c.of(Rag.GREY)).append(" closed (grey)");
        if (c.of(Rag.NONE) > 0) {
            s.append(", ").append(c.of(Rag.NONE)).append(" without a status");
        }
        return s.toString();
    }

    private static String shortRag(Digest.Counts c) {
        String s = "red " + c.of(Rag.RED) + ", amber " + c.of(Rag.AMBER) + ", green " + c.of(Rag.GREEN) + ", blue "
                + c.of(Rag.BLUE) + ", grey " + c.of(Rag.GREY);
        return c.of(Rag.NONE) > 0 ? s + ", no status " + c.of(Rag.NONE) : s;
    }

    private static String statuses(Map<String, Integer> byStatus) {
        if (byStatus.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        byStatus.forEach((word, n) -> s.append(s.length() == 0 ? "" : ", ").append(word).append(' ').append(n));
        return s.toString();
    }

    private static void heading(StringBuilder out, String title, List<?> items) {
        out.append('\n').append(title).append(" (").append(items.size()).append(")").append(items.isEmpty() ? ": none" : ":")
                .append('\n');
    }

    private static void line(StringBuilder out, Digest.Item t, String detail) {
        out.append("  ").append(t.ref()).append("  ").append(detail).append("  ")
                .append(t.owner() == null ? "(no owner)" : t.owner()).append("  ")
                .append(shorten(t.description())).append('\n');
    }

    private static String sectionName(String section) {
        return section.isEmpty() ? "(no section)" : section;
    }

    private static String due(PlanDate d) {
        return d == null ? "no date" : d.due();
    }

    private static String date(PlanDate d) {
        return d == null ? "no date" : d.display();
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= DESCRIPTION_WIDTH ? oneLine : oneLine.substring(0, DESCRIPTION_WIDTH - 3) + "...";
    }
}
