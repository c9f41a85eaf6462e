package planbot.tracker;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import planbot.domain.PlanDate;
import planbot.domain.PlanDate.Kind;
import planbot.domain.PlanDate.Precision;

/**
 * Finds the target date written in words inside a milestone's text: "by 1 September 2016" is a day, "by December
 * 2016" and "… July 2016" a month (due at its end), "April - June 2017" the end month of the range. A season
 * ("Autumn 2025"), a financial year ("2015/16", "2017/2018") or "on-going" names no date and gives none, so
 * nothing is made up. When the text names several dates, the one after "by" (or "before", "no later than")
 * wins, else the last. Month names must be capitalised as written in English prose ("May", "MAY"), so that
 * "may" the verb is never a month.
 *
 * <p>Only task texts are searched: callers never pass notes or "identified"/"last reviewed" cells. Stateless
 * and thread-safe.
 */
public final class DatesInWords {
    /** What the text named: a date (null when none), or why a date-shaped phrase is not a real date. */
    public record Found(PlanDate date, String phrase, String problem) {
    }

    private static final String MONTHS = monthAlternatives();
    private static final String YEAR = "((?:19|20)\\d\\d)(?![/\\d])";
    private static final Pattern DAY = Pattern.compile(
            "(?<![\\d/])(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTHS + "\\.?,?\\s+" + YEAR);
    private static final Pattern RANGE = Pattern.compile(
            "\\b" + MONTHS + "\\.?(?:\\s+(?:19|20)\\d\\d)?\\s*(?:-|\u2013|\u2014|to|until|till)\\s*" + MONTHS
                    + "\\.?\\s+" + YEAR);
    private static final Pattern MONTH = Pattern.compile("\\b" + MONTHS + "\\.?,?\\s+" + YEAR);
    private static final Pattern BY = Pattern.compile("(?i)\\b(?:by|before|no later than|deadline:?)\\s+(?:the\\s+)?(?:end\\s+of\\s+)?$");

    private DatesInWords() {
    }

    /** The target a task's text names; a {@code Found} with a null date and null problem when it names none. */
    public static Found target(String text) {
        String s = text == null ? "" : text.replace('\u00a0', ' ');
        Found best = null;
        int bestStart = -1;
        boolean bestIsBy = false;
        for (Pattern p : new Pattern[] {DAY, RANGE, MONTH}) {
            Matcher m = p.matcher(s);
            StringBuilder masked = new StringBuilder(s);
            while (m.find()) {
                boolean isBy = BY.matcher(s.substring(Math.max(0, m.start() - 30), m.start())).find();
                if (best == null || (isBy && !bestIsBy) || (isBy == bestIsBy && m.start() > bestStart)) {
                    best = read(p, m);
                    bestStart = m.start();
                    bestIsBy = isBy;
                }
                // a day or a range already read is not read again as a bare month
                for (int i = m.start(); i < m.end(); i++) {
                    masked.setCharAt(i, '\u0000');
                }
            }
            s = masked.toString();
        }
        return best != null ? best : new Found(null, null, null);
    }

    private static Found read(Pattern p, Matcher m) {
        String phrase = m.group();
        if (p == DAY) {
            int year = Integer.parseInt(m.group(3));
            int month = DateCells.monthNamed(m.group(2)).getValue();
            try {
                return new Found(PlanDate.of(LocalDate.of(year, month, Integer.parseInt(m.group(1)))), phrase, null);
            } catch (DateTimeException e) {
                return new Found(null, phrase, "'" + phrase + "' is not a real date; the milestone has no target");
            }
        }
        String monthName = p == RANGE ? m.group(2) : m.group(1);
        String year = p == RANGE ? m.group(3) : m.group(2);
        YearMonth ym = YearMonth.of(Integer.parseInt(year), DateCells.monthNamed(monthName));
        return new Found(new PlanDate(Kind.DATE, ym.atEndOfMonth(), Precision.MONTH, null, null), phrase, null);
    }

    private static String monthAlternatives() {
        String[] names = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
                "Nov", "Dec"};
        StringBuilder b = new StringBuilder("(");
        for (String n : names) {
            b.append(n).append('|').append(n.toUpperCase(java.util.Locale.ROOT)).append('|');
        }
        b.setLength(b.length() - 1);
        return b.append(")\\b").toString();
    }
}
