package planbot.scheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which days are working days for one tenant: Monday to Friday, less its region's bank holidays
 * ({@link BankHolidays}) and its own closure days (the office shut between Christmas and New Year).
 *
 * <p>The arithmetic numbers working days: {@code ordinal(d)} is how many working days there are up to and
 * including {@code d}, counted from a fixed origin. Weekdays are counted in closed form and holidays by a
 * binary search, so every method is O(log holidays) for any date, with no table of days to fill or outgrow.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkingCalendar {
    private final Region region;
    private final NavigableSet<LocalDate> closures;
    /** Epoch days of the weekdays that are not working days (bank holidays and closures), sorted, no repeats. */
    private final long[] holidays;

    private WorkingCalendar(Region region, NavigableSet<LocalDate> closures) {
        this.region = region;
        this.closures = Collections.unmodifiableNavigableSet(closures);
        TreeSet<Long> days = new TreeSet<>();
        for (LocalDate d : BankHolidays.of(region).keySet()) {
            if (isWeekday(d)) {
                days.add(d.toEpochDay());
            }
        }
        for (LocalDate d : closures) {
            if (isWeekday(d)) {
                days.add(d.toEpochDay());
            }
        }
        this.holidays = days.stream().mapToLong(Long::longValue).toArray();
    }

    /** The calendar of a region plus a tenant's closure days (weekend closure days change nothing). */
    public static WorkingCalendar of(Region region, Collection<LocalDate> closureDays) {
        Objects.requireNonNull(region, "region");
        return new WorkingCalendar(region, new TreeSet<>(closureDays));
    }

    /** England and Wales, no closure days: the default. */
    public static WorkingCalendar englandAndWales() {
        return of(Region.ENGLAND_AND_WALES, java.util.List.of());
    }

    public Region region() {
        return region;
    }

    public NavigableSet<LocalDate> closures() {
        return closures;
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWeekday(day) && Arrays.binarySearch(holidays, day.toEpochDay()) < 0;
    }

    /** {@code day} itself if it is a working day, else the first working day after it. */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate day) {
        return dayOf(ordinal(day.toEpochDay() - 1) + 1);
    }

    /** {@code day} itself if it is a working day, else the last working day before it. */
    public LocalDate previousWorkingDayOnOrBefore(LocalDate day) {
        return isWorkingDay(day) ? day : addWorkingDays(day, -1);
    }

    /**
     * The number of working days after {@code from} up to and including {@code to}: 1 from a Friday to the
     * next Monday (no holiday between), 0 from a Saturday to the Sunday; negative when {@code to} is earlier.
     */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        return ordinal(to.toEpochDay()) - ordinal(from.toEpochDay());
    }

    /**
     * The {@code n}th working day after {@code day} ({@code n > 0}), or before it ({@code n < 0}), not counting
     * {@code day} itself; {@code day} for 0. So 1 after a Friday is the Monday, and 1 before a Saturday is the Friday.
     */
    public LocalDate addWorkingDays(LocalDate day, long n) {
        if (n == 0) {
            return day;
        }
        long d = day.toEpochDay();
        return n > 0 ? dayOf(ordinal(d) + n) : dayOf(ordinal(d - 1) + n + 1);
    }

    /** How many working days there are up to and including epoch day {@code x}, from a fixed origin. */
    long ordinal(long x) {
        return weekdays(x) - holidaysUpTo(x);
    }

    /** The working day with this ordinal: the first day whose ordinal reaches it. */
    private LocalDate dayOf(long ordinal) {
        // Start from the weekday with this number and move on by the holidays up to there, until no more holidays
        // are passed: each step only moves forward, and few holidays lie between any two steps.
        long x = weekdayNumbered(ordinal);
        while (true) {
            long next = weekdayNumbered(ordinal + holidaysUpTo(x));
            if (next == x) {
                return LocalDate.ofEpochDay(x);
            }
            x = next;
        }
    }

    private long holidaysUpTo(long x) {
        int i = Arrays.binarySearch(holidays, x);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * Weekdays up to and including epoch day {@code x} (day 0, 1 Jan 1970, was a Thursday; counting weeks
     * from Monday 29 Dec 1969 makes the arithmetic a division).
     */
    static long weekdays(long x) {
        long fromMonday = x + 3;
        return 5 * Math.floorDiv(fromMonday, 7) + Math.min(Math.floorMod(fromMonday, 7) + 1, 5);
    }

    /** The first epoch day whose {@link #weekdays} count reaches {@code n}: always a weekday. */
    static long weekdayNumbered(long n) {
        return 7 * Math.floorDiv(n - 1, 5) - 3 + Math.floorMod(n - 1, 5);
    }

    private static boolean isWeekday(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingCalendar && ((WorkingCalendar) o).region == region
                && ((WorkingCalendar) o).closures.equals(closures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, closures);
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + region.word() + (closures.isEmpty() ? "" : ", closed " + closures) + "]";
    }
}
