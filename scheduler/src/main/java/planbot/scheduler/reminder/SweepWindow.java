package planbot.scheduler.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import planbot.storage.ReminderTaskFilter.DateRange;
import planbot.storage.ReminderTaskFilter.InstantRange;

/**
 * Which tasks can have a moment in a window of decision days (after, through]: the planner's rules run
 * backwards, so the sweep reads those tasks instead of every task. It may name too many tasks (the planner
 * then decides exactly), never too few; {@code ReminderSweepContractTest} checks a windowed sweep against a
 * sweep of every task day by day. Public for the benchmark, whose baseline query selects the same rows.
 */
public final class SweepWindow {
    /** Above this many separate target-date ranges, one range from first to last is cheaper to ask for. */
    static final int MAX_RANGES = 4000;

    private SweepWindow() {
    }

    /**
     * Target dates (from {@code earliest} on) for which a lead-time, on-the-day, overdue or escalation moment
     * falls after {@code after} and on or before {@code through}, as ranges of consecutive days.
     */
    public static List<DateRange> targetDates(ReminderPlanner planner, LocalDate after, LocalDate through, LocalDate earliest) {
        ReminderPolicy p = planner.policy();
        var cal = planner.calendar();
        int maxLead = p.leadDays().isEmpty() ? 0 : p.leadDays().get(0);
        // a target up to maxLead working days after the window (and the weekend or holidays that follow) can
        // have a lead-time moment in it
        LocalDate last = cal.addWorkingDays(through, maxLead + 1);
        List<DateRange> ranges = new ArrayList<>();
        LocalDate runStart = null;
        LocalDate prev = null;
        for (LocalDate t = earliest; !t.isAfter(last); t = t.plusDays(1)) {
            if (hasMoment(planner, t, after, through)) {
                if (runStart == null) {
                    runStart = t;
                }
                prev = t;
            } else if (runStart != null) {
                ranges.add(new DateRange(runStart, prev));
                runStart = null;
            }
        }
        if (runStart != null) {
            ranges.add(new DateRange(runStart, prev));
        }
        if (ranges.size() > MAX_RANGES) {
            return List.of(new DateRange(ranges.get(0).from(), ranges.get(ranges.size() - 1).to()));
        }
        return ranges;
    }

    private static boolean hasMoment(ReminderPlanner planner, LocalDate target, LocalDate after, LocalDate through) {
        ReminderPolicy p = planner.policy();
        var cal = planner.calendar();
        long a = cal.workingDaysBetween(target, after);
        long b = cal.workingDaysBetween(target, through);
        if (b >= 1) {
            // overdue repeats at 1, 1 + every, 1 + 2·every … working days late: is one of them in (a, b]?
            long lo = Math.max(a + 1, 1);
            if (lo <= b) {
                long every = p.overdueEvery();
                long first = every == 0 ? 1 : 1 + ((lo - 1 + every - 1) / every) * every;
                if (first >= lo && first <= b) {
                    return true;
                }
            }
            if (inWindow(p.escalateLead(), a, b) || inWindow(p.escalateManager(), a, b)) {
                return true;
            }
        }
        if (p.onTheDay() && within(cal.nextWorkingDayOnOrAfter(target), after, through)) {
            return true;
        }
        for (int n : p.leadDays()) {
            if (within(cal.addWorkingDays(target, -n), after, through)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inWindow(int threshold, long a, long b) {
        return threshold > 0 && threshold > a && threshold <= b;
    }

    private static boolean within(LocalDate d, LocalDate after, LocalDate through) {
        return d.isAfter(after) && !d.isAfter(through);
    }

    /** True when a TBC nudge moment falls in the window. */
    public static boolean tbcMoment(ReminderPlanner planner, LocalDate after, LocalDate through) {
        LocalDate latest = planner.latestTbcMoment(through);
        return latest != null && latest.isAfter(after);
    }

    /**
     * The ranges of last-change instants whose stale moments (a whole number of stale periods after the change,
     * moved to the next working day) fall in the window, back to the earliest change of any task. {@code after}
     * and {@code through} are working days, so a moment falls in the window exactly when its unmoved day does.
     */
    public static List<InstantRange> staleChanges(ReminderPlanner planner, LocalDate after, LocalDate through, Instant earliest) {
        int every = planner.policy().staleAfterDays();
        if (every == 0 || earliest == null) {
            return List.of();
        }
        ZoneId zone = planner.policy().zone();
        LocalDate firstChange = LocalDate.ofInstant(earliest, zone);
        List<InstantRange> out = new ArrayList<>();
        for (long j = 1; ; j++) {
            LocalDate from = after.plusDays(1 - j * every);
            LocalDate to = through.plusDays(1 - j * every); // exclusive
            if (to.isBefore(firstChange)) {
                break;
            }
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = to.atStartOfDay(zone).toInstant();
            if (!out.isEmpty() && !end.isBefore(out.get(out.size() - 1).from())) {
                // windows longer than a stale period overlap: keep one range
                InstantRange prev = out.remove(out.size() - 1);
                out.add(new InstantRange(start, prev.to()));
            } else {
                out.add(new InstantRange(start, end));
            }
        }
        return out;
    }
}
