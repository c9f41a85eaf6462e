package planbot.command;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a date as a UK user types it. Day first, always: {@code 05/06/2024} is 5 June, and
 * {@code 05/31/2024} is refused, never read month-first.
 *
 * <ul>
 *   <li>numbers: {@code 31/05/2023}, {@code 31/5/23}, {@code 31-05-2023}, {@code 31.05.2023}, ISO
 *       {@code 2023-05-31}; without a year ({@code 31/05}) the next such day, today included</li>
 *   <li>month names: {@code 31 May 2023}, {@code 31st May 23}, {@code 31st of May}, {@code May 31 2023},
 *       {@code May 31st, 2023}; a leading weekday ({@code Friday 31 May 2024}) is checked against the date</li>
 *   <li>words: {@code today}, {@code tomorrow}; {@code friday} and {@code next friday} are the first Friday
 *       after today, {@code this friday} the first on or after today; {@code end of june} is 30 June this
 *       year, or next year once this June is over; {@code end of month}, {@code end of next month},
 *       {@code end of week} (a Friday), {@code end of year}; {@code in 10 days}, {@code in 2 weeks},
 *       {@code in a fortnight}, {@code in 3 months}</li>
 * </ul>
 *
 * <p>An impossible date is refused with the reason ("31/02/2023 is not a real date (February 2023 has 28
 * days)"), never rolled over to another day. "Today" is the {@link Clock}'s instant in the parser's zone
 * (Europe/London unless told otherwise). Looks at a few words only, so it is fast on any input; thread-safe;
 * never throws on any text.
 */
public final class DateParser {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The earliest and latest years a typed four-digit year may have. */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2199;
    /** How far ahead a relative date ({@code in 400 weeks}) may reach. */
    static final int MAX_RELATIVE_DAYS = 3660;

    private static final int LOOKAHEAD_TOKENS = 6;
    private static final String HOW =
            "Write it day first, like 30/06/2024 or 30 June 2024, or say today, tomorrow, friday, end of june or in 2 weeks.";

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH),
            Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL),
            Map.entry("may", Month.MAY),
            Map.entry("june", Month.JUNE), Map.entry("jun", Month.JUNE),
            Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY),
            Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER), Map.entry("oct", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));

    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("weds", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY),
            Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY));

    private static final Map<String, Integer> SMALL_NUMBERS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12));

    private final Clock clock;
    private final ZoneId zone;

    /** A parser whose "today" is the clock's date in Europe/London. */
    public DateParser(Clock clock) {
        this(clock, LONDON);
    }

    public DateParser(Clock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Today's date in this parser's zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The text must be one date and nothing else. */
    public DateResult parse(String text) {
        if (text == null) {
            return new DateResult.NotADate("There's no date. " + HOW);
        }
        DateResult r = parseAt(text, 0);
        if (r instanceof DateResult.Ok ok && !Tokens.isBlank(text.substring(ok.end()))) {
            return new DateResult.NotADate("I read a date in " + Quote.of(text) + " but not the words after it. " + HOW);
        }
        return r;
    }

    /** A date at the start of the text; whatever follows it (a reason) starts at {@link DateResult.Ok#end()}. */
    public DateResult parseLeading(String text) {
        return text == null ? new DateResult.NotADate("There's no date. " + HOW) : parseAt(text, 0);
    }

    /** A date starting at {@code from} in the text; {@link DateResult.Ok#end()} is an index into the whole text. */
    DateResult parseAt(String text, int from) {
        java.util.List<Tokens.Token> tokens = Tokens.split(text, from, LOOKAHEAD_TOKENS);
        if (tokens.isEmpty()) {
            return new DateResult.NotADate("There's no date. " + HOW);
        }
        String[] w = new String[tokens.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Tokens.word(tokens.get(i).text());
        }
        LocalDate today = today();
        Attempt a = words(w, today);
        if (a == null) {
            a = endOf(w, today);
        }
        if (a == null) {
            a = in(w, today);
        }
        if (a == null) {
            a = weekday(w, tokens, text, today);
        }
        if (a == null) {
            a = calendarDate(w, 0, tokens, text, today);
        }
        if (a == null) {
            return new DateResult.NotADate("I can't read " + Quote.of(tokens.get(0).text()) + " as a date. " + HOW);
        }
        if (a.failure != null) {
            return a.failure;
        }
        return new DateResult.Ok(a.date, tokens.get(a.used - 1).end());
    }

    /** A date and how many tokens it took, or a failure. */
    private static final class Attempt {
        final LocalDate date;
        final int used;
        final DateResult.Invalid failure;

        private Attempt(LocalDate date, int used, DateResult.Invalid failure) {
            this.date = date;
            this.used = used;
            this.failure = failure;
        }

        static Attempt ok(LocalDate date, int used) {
            return new Attempt(date, used, null);
        }

        static Attempt invalid(String message) {
            return new Attempt(null, 0, new DateResult.Invalid(message));
        }
    }

    private static Attempt words(String[] w, LocalDate today) {
        if (w[0].equals("today")) {
            return Attempt.ok(today, 1);
        }
        if (w[0].equals("tomorrow")) {
            return Attempt.ok(today.plusDays(1), 1);
        }
        return null;
    }

    /** end of month | end of next month | end of week | end of year | end of june [2025], each with an optional "the"/"this". */
    private static Attempt endOf(String[] w, LocalDate today) {
        if (w.length < 3 || !w[0].equals("end") || !w[1].equals("of")) {
            return null;
        }
        int i = 2;
        boolean next = false;
        if (w[i].equals("the") || w[i].equals("this")) {
            i++;
        } else if (w[i].equals("next")) {
            next = true;
            i++;
        }
        if (i >= w.length) {
            return null;
        }
        String what = w[i];
        if (what.equals("month")) {
            LocalDate d = next ? today.plusMonths(1) : today;
            return Attempt.ok(d.with(TemporalAdjusters.lastDayOfMonth()), i + 1);
        }
        if (what.equals("week")) {
            LocalDate friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            return Attempt.ok(next ? friday.plusWeeks(1) : friday, i + 1);
        }
        if (what.equals("year")) {
            return Attempt.ok(LocalDate.of(today.getYear() + (next ? 1 : 0), 12, 31), i + 1);
        }
        Month month = MONTHS.get(what);
        if (month == null || next) {
            return null;
        }
        if (i + 1 < w.length) {
            int year = number(w[i + 1], 4, 4);
            if (year >= 0) {
                if (year < MIN_YEAR || year > MAX_YEAR) {
                    return Attempt.invalid("The year " + year + " is too far from today for a plan date.");
                }
                return Attempt.ok(Year.of(year).atMonth(month).atEndOfMonth(), i + 2);
            }
        }
        LocalDate end = Year.of(today.getYear()).atMonth(month).atEndOfMonth();
        return Attempt.ok(end.isBefore(today) ? Year.of(today.getYear() + 1).atMonth(month).atEndOfMonth() : end, i + 1);
    }

    /** in 10 days | in 2 weeks | in 2w | in a fortnight | in 3 months. */
    private static Attempt in(String[] w, LocalDate today) {
        if (w.length < 2 || !w[0].equals("in")) {
            return null;
        }
        if (w[1].equals("a") && w.length > 2 && w[2].equals("fortnight")) {
            return Attempt.ok(today.plusWeeks(2), 3);
        }
        Amount amount = Amount.read(w, 1, true);
        if (amount == null) {
            return null;
        }
        LocalDate d = amount.months ? today.plusMonths(amount.count) : today.plusDays(amount.count);
        if (d.isAfter(today.plusDays(MAX_RELATIVE_DAYS))) {
            return Attempt.invalid("That's too far ahead: I take dates up to ten years away.");
        }
        return Attempt.ok(d, 1 + amount.used);
    }

    /** friday | next friday | this friday | Friday 31 May 2024 (checked). */
    private static Attempt weekday(String[] w, java.util.List<Tokens.Token> tokens, String text, LocalDate today) {
        int i = 0;
        boolean sameDayCounts = false;
        if (w[0].equals("next") || w[0].equals("this")) {
            sameDayCounts = w[0].equals("this");
            i = 1;
        }
        if (i >= w.length) {
            return null;
        }
        DayOfWeek day = DAYS.get(w[i]);
        if (day == null) {
            return null;
        }
        if (i == 0 && w.length > 1) {
            Attempt stated = calendarDate(w, 1, tokens, text, today);
            if (stated != null) {
                if (stated.failure == null && stated.date.getDayOfWeek() != day) {
                    return Attempt.invalid(Quote.clean(text.substring(tokens.get(1).start(), tokens.get(stated.used - 1).end()))
                            + " is a " + dayName(stated.date.getDayOfWeek()) + ", not a " + dayName(day) + ".");
                }
                return stated;
            }
        }
        LocalDate d = sameDayCounts ? today.with(TemporalAdjusters.nextOrSame(day)) : today.with(TemporalAdjusters.next(day));
        return Attempt.ok(d, i + 1);
    }

    /**
     * A date written with numbers or a month name, starting at token {@code i}. The tokens used are
     * counted from the start of {@code w}, so the caller can take the date's end from them.
     */
    private static Attempt calendarDate(String[] w, int i, java.util.List<Tokens.Token> tokens, String text, LocalDate today) {
        Attempt a = numeric(w[i], tokens.get(i), today, i);
        if (a == null) {
            a = dayMonth(w, i, tokens, text, today);
        }
        if (a == null) {
            a = monthDay(w, i, tokens, text, today);
        }
        return a;
    }

    /** 31/05/2023, 31/5/23, 31-05-2023, 31.05.2023, 31/05 (next one), 2023-05-31. */
    private static Attempt numeric(String word, Tokens.Token token, LocalDate today, int index) {
        if (word.isEmpty() || !isDigit(word.charAt(0)) || word.length() > 12) {
            return null;
        }
        char sep = 0;
        int[] groups = new int[3];
        int[] lengths = new int[3];
        int g = 0;
        int len = 0;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (isDigit(c)) {
                len++;
                if (len > 4) {
                    return null;
                }
                groups[g] = groups[g] * 10 + (c - '0');
            } else if (c == '/' || c == '-' || c == '.') {
                if ((sep != 0 && c != sep) || len == 0 || g == 2) {
                    return null;
                }
                sep = c;
                lengths[g++] = len;
                len = 0;
            } else {
                return null;
            }
        }
        if (sep == 0 || len == 0) {
            return null;
        }
        lengths[g] = len;
        int count = g + 1;
        String shown = word;
        if (count == 3 && lengths[0] == 4) {
            if (lengths[1] > 2 || lengths[2] > 2) {
                return Attempt.invalid("I can't read " + shown + " as a date. " + HOW);
            }
            return exact(shown, groups[2], groups[1], groups[0], index + 1);
        }
        if (lengths[0] > 2 || lengths[1] > 2 || (count == 3 && lengths[2] != 2 && lengths[2] != 4)) {
            return Attempt.invalid("I can't read " + shown + " as a date. Write it day first, as dd/mm/yyyy, like 30/06/2024.");
        }
        if (count == 2) {
            return nextOccurrence(shown, groups[0], groups[1], today, index + 1);
        }
        int year = lengths[2] == 2 ? 2000 + groups[2] : groups[2];
        return exact(shown, groups[0], groups[1], year, index + 1);
    }

    /** 31 May 2023, 31st May 2023, 31st of May, 1 june (next one). */
    private static Attempt dayMonth(String[] w, int i, java.util.List<Tokens.Token> tokens, String text, LocalDate today) {
        int day = dayNumber(w[i]);
        if (day < 0) {
            return null;
        }
        int m = i + 1;
        if (m < w.length && w[m].equals("of")) {
            m++;
        }
        if (m >= w.length || !MONTHS.containsKey(w[m])) {
            return null;
        }
        return withOptionalYear(day, MONTHS.get(w[m]), w, m + 1, tokens, text, today, i);
    }

    /** May 31 2023, May 31st, 2023, May 31 (next one); "May 2024" alone asks which day. */
    private static Attempt monthDay(String[] w, int i, java.util.List<Tokens.Token> tokens, String text, LocalDate today) {
        Month month = MONTHS.get(w[i]);
        if (month == null || i + 1 >= w.length) {
            return null;
        }
        int day = dayNumber(w[i + 1]);
        if (day < 0) {
            int year = number(w[i + 1], 4, 4);
            if (year >= 0) {
                String name = monthName(month);
                return Attempt.invalid("Which day in " + name + " " + year + "? Say, for example, end of "
                        + name.toLowerCase(Locale.ROOT) + " " + year + " or 1 " + name + " " + year + ".");
            }
            return null;
        }
        return withOptionalYear(day, month, w, i + 2, tokens, text, today, i);
    }

    private static Attempt withOptionalYear(int day, Month month, String[] w, int yearAt, java.util.List<Tokens.Token> tokens,
                                            String text, LocalDate today, int first) {
        int year = -1;
        if (yearAt < w.length) {
            year = number(w[yearAt], 4, 4);
            int shortYear = number(w[yearAt], 2, 2);
            if (shortYear >= 0) {
                year = 2000 + shortYear;
            }
        }
        int used = year >= 0 ? yearAt + 1 : yearAt;
        String shown = Quote.clean(text.substring(tokens.get(first).start(), tokens.get(used - 1).end()));
        if (shown.endsWith(",") || shown.endsWith(".")) {
            shown = shown.substring(0, shown.length() - 1);
        }
        if (year < 0) {
            return nextOccurrence(shown, day, month.getValue(), today, used);
        }
        return exact(shown, day, month.getValue(), year, used);
    }

    /** The date, or why it is not a real one. */
    private static Attempt exact(String shown, int day, int month, int year, int used) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Attempt.invalid("The year in " + shown + " is too far from today for a plan date.");
        }
        String problem = problem(day, month, year);
        if (problem != null) {
            return Attempt.invalid(shown + " is not a real date (" + problem + ").");
        }
        return Attempt.ok(LocalDate.of(year, month, day), used);
    }

    /** A day and month with no year: the next time it comes round, today included. */
    private static Attempt nextOccurrence(String shown, int day, int month, LocalDate today, int used) {
        String problem = problem(day, month, 0);
        if (problem != null) {
            return Attempt.invalid(shown + " is not a real date (" + problem + ").");
        }
        for (int year = today.getYear(); year <= today.getYear() + 8; year++) {
            if (problem(day, month, year) == null) {
                LocalDate d = LocalDate.of(year, month, day);
                if (!d.isBefore(today)) {
                    return Attempt.ok(d, used);
                }
            }
        }
        return Attempt.invalid(shown + " is not a real date.");
    }

    /**
     * Why day/month/year is not a date, as words for inside brackets; null when it is one. Year 0 means
     * "some year": only what is impossible in every year is reported.
     */
    static String problem(int day, int month, int year) {
        if (month < 1 || month > 12) {
            return "there is no month " + month + "; I read dates day first, as dd/mm/yyyy";
        }
        if (day < 1) {
            return "there is no day " + day;
        }
        Month m = Month.of(month);
        if (year == 0) {
            return day > m.maxLength()
                    ? monthName(m) + " never has more than " + m.maxLength() + " days"
                    : null;
        }
        int length;
        try {
            length = Year.of(year).atMonth(m).lengthOfMonth();
        } catch (DateTimeException e) {
            return "the year " + year + " is out of range";
        }
        return day > length ? monthName(m) + " " + year + " has " + length + " days" : null;
    }

    /** 31, 31st, 1st, 2nd, 3rd, 4th (any of the four suffixes); -1 if not a day number 0-99. */
    private static int dayNumber(String word) {
        String digits = word;
        if (word.length() > 2 && (word.endsWith("st") || word.endsWith("nd") || word.endsWith("rd") || word.endsWith("th"))) {
            digits = word.substring(0, word.length() - 2);
        }
        return number(digits, 1, 2);
    }

    /** The value of a word made only of minLen to maxLen ASCII digits; -1 otherwise. */
    static int number(String word, int minLen, int maxLen) {
        if (word.length() < minLen || word.length() > maxLen) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String monthName(Month m) {
        return m.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    private static String dayName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    /**
     * A count and unit: {@code 2 weeks}, {@code 2w}, {@code 10d}, {@code 3 days}, {@code a week},
     * {@code 3 months} (months only where allowed). {@code used} counts the words taken.
     */
    static final class Amount {
        static final int MAX_COUNT = 9999;

        final int count;
        final boolean months;
        final int used;

        private Amount(int count, boolean months, int used) {
            this.count = count;
            this.months = months;
            this.used = used;
        }

        /** The amount in days; only for amounts that are not months. */
        int days() {
            return count;
        }

        static Amount read(String[] w, int i, boolean allowMonths) {
            if (i >= w.length) {
                return null;
            }
            String word = w[i];
            int digits = 0;
            while (digits < word.length() && isDigit(word.charAt(digits))) {
                digits++;
            }
            if (digits > 0 && digits < word.length()) {
                int n = number(word.substring(0, digits), 1, 4);
                Unit unit = Unit.of(word.substring(digits), allowMonths);
                return n < 0 || unit == null ? null : of(n, unit, 1);
            }
            int n = digits > 0 ? number(word, 1, 4) : SMALL_NUMBERS.getOrDefault(word, -1);
            if (n < 0 || i + 1 >= w.length) {
                return null;
            }
            Unit unit = Unit.of(w[i + 1], allowMonths);
            return unit == null ? null : of(n, unit, 2);
        }

        /** A bare count of days ({@code due 14}); null if the word is not a number. */
        static Amount bareDays(String[] w, int i) {
            int n = i < w.length ? number(w[i], 1, 4) : -1;
            return n < 0 ? null : new Amount(n, false, 1);
        }

        private static Amount of(int n, Unit unit, int used) {
            if (unit == Unit.MONTH) {
                return new Amount(n, true, used);
            }
            return new Amount(unit == Unit.WEEK ? n * 7 : n, false, used);
        }

        private enum Unit {
            DAY, WEEK, MONTH;

            static Unit of(String w, boolean allowMonths) {
                switch (w) {
                    case "d": case "day": case "days":
                        return DAY;
                    case "w": case "wk": case "wks": case "week": case "weeks":
                        return WEEK;
                    case "month": case "months":
                        return allowMonths ? MONTH : null;
                    default:
                        return null;
                }
            }
        }
    }
}
