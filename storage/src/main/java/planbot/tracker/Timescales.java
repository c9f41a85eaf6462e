package planbot.tracker;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import planbot.domain.PlanDate;
import planbot.domain.PlanDate.Kind;
import planbot.domain.PlanDate.Precision;
import planbot.domain.Task;

/**
 * An activity plan's timescale cell, both ways: {@link #read} turns it into a start and a target, {@link #format}
 * writes dates back as a timescale that {@link #read} reads into the same dates.
 *
 * <p>Read: {@code 10/16 – 3/17} (month/year, en dash or hyphen), {@code 3/17 forwards}, {@code End 2/17},
 * {@code by end 3/17}, {@code mid 12/16 – mid 2/17}, {@code Ongoing}, and full dates as {@link DateCells} reads
 * them. A timescale point is month/year, never day/month: a plan's timescale has no days. Each date keeps its
 * own fragment as text.
 *
 * <p>Write: {@code "start – target"} (a spaced en dash), {@code "target"} alone, or {@code "from start"}, each
 * date as {@link PlanDate#display()} shows it. A reader keeps the cell as {@link Task#timescale()} only when it
 * differs from what {@link #format} makes of the dates read from it. Stateless and thread-safe.
 */
public final class Timescales {
    /** The dates a timescale names (either may be null), or why it could not be read (then both are null). */
    public record Reading(PlanDate start, PlanDate target, String problem) {
    }

    private static final Pattern RANGE_SEPARATOR = Pattern.compile("\\s*(?:[\\-\u2010-\u2015\u2212]|\\bto\\b)\\s*");
    private static final Pattern MONTH_POINT = Pattern.compile(
            "(?i)(?:by\\s+)?(?:(end|mid|middle|start|beginning|early|late)(?:\\s+of)?\\s+)?(\\d{1,2})\\s*/\\s*(\\d{4}|\\d{2})");
    private static final Pattern OPEN_ENDED = Pattern.compile(
            "(?i)(?:from\\s+)?(.+?)\\s+(?:forwards?|onwards?)|from\\s+(.+)");

    private static final String RANGE = " \u2013 ";

    private Timescales() {
    }

    /** The timescale text for dates: "start – target", "target" or "from start"; empty when there are none. */
    public static String format(PlanDate start, PlanDate target) {
        if (start != null && target != null) {
            return start.display() + RANGE + target.display();
        }
        if (target != null) {
            return target.display();
        }
        return start == null ? "" : "from " + start.display();
    }

    /** A task's timescale as written: its own text when it has one, else {@link #format} of its dates. */
    public static String text(Task task) {
        return task.timescale() != null ? task.timescale() : format(task.start(), task.target());
    }

    public static Reading read(String cell) {
        String s = cell == null ? "" : cell.replace('\u00a0', ' ').strip();
        if (s.isEmpty()) {
            return new Reading(null, null, null);
        }
        DateCells.Reading word = DateCells.read(s, false);
        if (word.date() != null && !word.date().isDate()) {
            return new Reading(null, word.date(), null);
        }
        Matcher open = OPEN_ENDED.matcher(s);
        if (open.matches()) {
            PlanDate start = point(open.group(1) != null ? open.group(1) : open.group(2), true);
            if (start != null) {
                return new Reading(start, null, null);
            }
        }
        // Try every dash as the range separator: a date's own hyphens ("31-May-2023") must not split it.
        Matcher dash = RANGE_SEPARATOR.matcher(s);
        while (dash.find()) {
            String left = s.substring(0, dash.start());
            String right = s.substring(dash.end());
            if (!left.isBlank() && !right.isBlank()) {
                PlanDate start = point(left, true);
                PlanDate target = point(right, false);
                if (start != null && target != null) {
                    return new Reading(start, target, null);
                }
            }
        }
        PlanDate target = point(s, false);
        if (target != null) {
            return new Reading(null, target, null);
        }
        return new Reading(null, null, "cannot read this timescale (expected e.g. 10/16 – 3/17, End 2/17, "
                + "3/17 forwards or Ongoing); its dates are left empty");
    }

    /** One end of a timescale: month/year with an optional "end"/"mid", or any full date; null if neither. */
    private static PlanDate point(String fragment, boolean start) {
        String f = fragment.strip();
        Matcher m = MONTH_POINT.matcher(f);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                return null;
            }
            YearMonth ym = YearMonth.of(DateCells.year(m.group(3)), month);
            return new PlanDate(Kind.DATE, DateCells.inMonth(ym, ym, m.group(1), start), Precision.MONTH, null, f);
        }
        DateCells.Reading r = DateCells.read(f, start);
        boolean plainDate = r.problem() == null && r.date() != null && r.date().isDate() && r.date().remark() == null;
        return plainDate ? r.date() : null;
    }
}
