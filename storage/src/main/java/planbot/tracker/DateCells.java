package planbot.tracker;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import planbot.domain.PlanDate;
import planbot.domain.PlanDate.Kind;
import planbot.domain.PlanDate.Precision;

/**
 * Reads one date cell as UK councils write it. Dates are day first, always: {@code 05/06/2023} is 5 June,
 * and {@code 05/31/2023} is an error, never 31 May. A month without a day ({@code July 2025}, {@code Jul-25},
 * {@code Q2 2024}) is a target on the month's last day and a start on its first. Words after a date
 * ({@code 31/08/2023*}, {@code 01/06/2023 - TBC}) are its remark.
 *
 * <p>The cell as written is kept in {@link PlanDate#text()} only when it differs from what
 * {@link PlanDate#display()} shows without it ({@code 31/05/2023}, {@code July 2025}, {@code TBC - remark},
 * {@code N/A}, {@code Ongoing}), so that an export writes it back unchanged and a date planbot set itself, which
 * has no text, reads back without one. Stateless and thread-safe.
 */
public final class DateCells {
    /** What a cell said: a date (null for an empty cell), or why it could not be read (then the date is null). */
    public record Reading(PlanDate date, String problem) {
    }

    private static final Reading EMPTY = new Reading(null, null);

    private static final Pattern NOT_APPLICABLE = Pattern.compile("(?i)n\\s*/\\s*a|n\\.a\\.?|not applicable");
    private static final Pattern TBC = Pattern.compile("(?is)(?:tbc|tba|tbd|to be (?:confirmed|agreed|decided))\\b(.*)");
    private static final Pattern ONGOING = Pattern.compile("(?is)(?:on\\s*-?\\s*going|continuous|rolling)\\b(.*)");
    /** "Autumn 2025", "early spring 2026", "2025/26", "FY 2025/26": a time with no date in it, kept as written. */
    private static final Pattern NO_DAY = Pattern.compile("(?i)(?:by\\s+|the\\s+)?(?:(?:early|late|mid|end of)\\s*-?\\s*)?"
            + "(?:(?:spring|summer|autumn|fall|winter)\\s+\\d{2,4}(?:\\s*/\\s*\\d{2,4})?"
            + "|(?:fy|financial year)?\\s*\\d{4}\\s*/\\s*\\d{2,4})");
    private static final Pattern BY = Pattern.compile("(?i)(?:by|before|due|no later than)\\s+");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})\\s*([/.\\-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
    private static final Pattern D_MONTH_Y = Pattern.compile(
            "(?i)(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-]+([a-z]{3,9})\\.?,?[\\s\\-]+(\\d{4}|\\d{2})(?!\\d)");
    private static final String WHEN_IN_MONTH = "(?:(?:the\\s+)?(end|mid|middle|start|beginning|early|late)(?:\\s+of)?\\s+)?";
    private static final Pattern MONTH_Y = Pattern.compile(
            "(?i)" + WHEN_IN_MONTH + "([a-z]{3,9})\\.?[\\s\\-,']+(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern QUARTER_Y = Pattern.compile(
            "(?i)" + WHEN_IN_MONTH + "q([1-4])[\\s\\-/]*(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern REMARK_LEAD = Pattern.compile("^[\\s\\-\u2013\u2014:,;]+");

    private DateCells() {
    }

    /**
     * @param cell  the cell as plain text
     * @param start true for a start date (a bare month means its first day), false for a target (its last day)
     */
    public static Reading read(String cell, boolean start) {
        String s = cell == null ? "" : cell.replace('\u00a0', ' ').strip();
        if (s.isEmpty()) {
            return EMPTY;
        }
        if (isPlainDay(s)) {
            // most cells are exactly dd/mm/yyyy, which none of the patterns below but DMY can match: skip six regexes
            int day = Integer.parseInt(s.substring(0, 2));
            return dated(s, day(Integer.parseInt(s.substring(6)), Integer.parseInt(s.substring(3, 5)), day, 10), s);
        }
        if (NOT_APPLICABLE.matcher(s).matches()) {
            return ok(s, new PlanDate(Kind.NOT_APPLICABLE, null, Precision.DAY, null, null));
        }
        Matcher m = TBC.matcher(s);
        if (m.matches()) {
            return ok(s, new PlanDate(Kind.TBC, null, Precision.DAY, remark(m.group(1)), null));
        }
        m = ONGOING.matcher(s);
        if (m.matches()) {
            return ok(s, new PlanDate(Kind.ONGOING, null, Precision.DAY, remark(m.group(1)), null));
        }
        if (NO_DAY.matcher(s).matches()) {
            // a season or a financial year names no day: TBC, with the words kept, rather than a made-up date
            return new Reading(new PlanDate(Kind.TBC, null, Precision.DAY, null, s), null);
        }
        Matcher by = BY.matcher(s);
        String body = by.lookingAt() ? s.substring(by.end()) : s;
        Dated dated = leadingDate(body, start);
        if (dated == null) {
            return new Reading(null, "cannot read this as a date (expected a date such as 31/05/2023, a month such as "
                    + "July 2025, TBC or N/A); the date is left empty");
        }
        return dated(s, dated, body);
    }

    private static Reading dated(String cell, Dated dated, String body) {
        if (dated.problem != null) {
            return new Reading(null, dated.problem);
        }
        return ok(cell, new PlanDate(Kind.DATE, dated.date, dated.precision, remark(body.substring(dated.end)), null));
    }

    /** Exactly dd/mm/yyyy: two digits, a slash, two digits, a slash, four digits. */
    private static boolean isPlainDay(String s) {
        if (s.length() != 10 || s.charAt(2) != '/' || s.charAt(5) != '/') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 2 && i != 5 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    /** A date at the start of a text, where it ended, or why it is not a real date. */
    private static final class Dated {
        LocalDate date;
        Precision precision;
        int end;
        String problem;
    }

    private static Dated leadingDate(String s, boolean start) {
        Matcher m = DMY.matcher(s);
        if (m.lookingAt()) {
            return day(year(m.group(4)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), m.end());
        }
        m = ISO.matcher(s);
        if (m.lookingAt()) {
            return day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.end());
        }
        m = D_MONTH_Y.matcher(s);
        if (m.lookingAt() && monthNamed(m.group(2)) != null) {
            return day(year(m.group(3)), monthNamed(m.group(2)).getValue(), Integer.parseInt(m.group(1)), m.end());
        }
        m = MONTH_Y.matcher(s);
        if (m.lookingAt() && monthNamed(m.group(2)) != null) {
            YearMonth ym = YearMonth.of(year(m.group(3)), monthNamed(m.group(2)));
            return month(ym, ym, m.group(1), start, m.end());
        }
        m = QUARTER_Y.matcher(s);
        if (m.lookingAt()) {
            int quarter = Integer.parseInt(m.group(2));
            YearMonth first = YearMonth.of(year(m.group(3)), quarter * 3 - 2);
            return month(first, first.plusMonths(2), m.group(1), start, m.end());
        }
        return null;
    }

    private static Dated day(int year, int month, int day, int end) {
        Dated d = new Dated();
        d.end = end;
        d.precision = Precision.DAY;
        if (month < 1 || month > 12) {
            d.problem = "there is no month " + month + " (dates are read day first, dd/mm/yyyy); the date is left empty";
            return d;
        }
        try {
            d.date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            YearMonth ym = YearMonth.of(year, month);
            d.problem = "not a real date: " + ym.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + year
                    + " has " + ym.lengthOfMonth() + " days; the date is left empty";
        }
        return d;
    }

    private static Dated month(YearMonth first, YearMonth last, String when, boolean start, int end) {
        Dated d = new Dated();
        d.end = end;
        d.precision = Precision.MONTH;
        d.date = inMonth(first, last, when, start);
        return d;
    }

    /**
     * The day meant by a month (or a quarter, from {@code first} to {@code last}) with an optional word before
     * it: "end" is the last day, "mid" the 15th, "start"/"early" the first; no word means the first day for a
     * start and the last day for a target.
     */
    static LocalDate inMonth(YearMonth first, YearMonth last, String when, boolean start) {
        switch (when == null ? "" : when.toLowerCase(Locale.ROOT)) {
            case "end": case "late": return last.atEndOfMonth();
            case "mid": case "middle": return (start ? first : last).atDay(15);
            case "start": case "beginning": case "early": return first.atDay(1);
            default: return start ? first.atDay(1) : last.atEndOfMonth();
        }
    }

    /** A month by name or abbreviation ("Jul", "July", "Sept"); null if it is not one. */
    static Month monthNamed(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.length() < 3) {
            return null;
        }
        for (Month month : Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (full.startsWith(n) || (month == Month.SEPTEMBER && n.equals("sept"))) {
                return month;
            }
        }
        return null;
    }

    /** Two-digit years are this century: trackers are about recent and coming work. */
    static int year(String digits) {
        int y = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + y : y;
    }

    private static String remark(String rest) {
        if (rest.isEmpty()) {
            return null; // most cells: nothing after the date, so no regex to run
        }
        String r = REMARK_LEAD.matcher(rest).replaceFirst("").strip();
        if (r.startsWith("(") && r.endsWith(")")) {
            r = r.substring(1, r.length() - 1).strip();
        }
        return r.isEmpty() ? null : r;
    }

    /** The date read from a cell, with the cell as its text when {@code display()} would not give it back. */
    private static Reading ok(String cell, PlanDate read) {
        if (read.display().equals(cell)) {
            return new Reading(read, null);
        }
        return new Reading(new PlanDate(read.kind(), read.date(), read.precision(), read.remark(), cell), null);
    }
}
