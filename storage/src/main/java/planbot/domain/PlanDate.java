package planbot.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A start or target date as a tracker states it: a real date (to the day or only to the month), "TBC"
 * (with its remark), "N/A", or "Ongoing". A missing date is a null {@code PlanDate}, not a kind.
 *
 * @param kind      what sort of date this is
 * @param date      the date for {@link Kind#DATE}; null otherwise. A month-precision target is the month's
 *                  last day and a month-precision start its first, so comparisons stay simple
 * @param precision how exactly the tracker named the date; DAY for anything but DATE
 * @param remark    words that came with it ("interdependency with Website Redesign Project", "*", "TBC"); null if none
 * @param text      the cell exactly as written, when it must be written back that way; null when planbot set it
 */
public record PlanDate(Kind kind, LocalDate date, Precision precision, String remark, String text) {

    public enum Kind { DATE, TBC, NOT_APPLICABLE, ONGOING }

    public enum Precision { DAY, MONTH }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    public PlanDate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(precision, "precision");
        if ((kind == Kind.DATE) != (date != null)) {
            throw new IllegalArgumentException(kind == Kind.DATE ? "a DATE needs a date" : kind + " cannot carry a date");
        }
        if (kind != Kind.DATE && precision != Precision.DAY) {
            throw new IllegalArgumentException(kind + " has no precision");
        }
        remark = blankToNull(remark);
        text = blankToNull(text);
    }

    /** A date to the day, as planbot itself records it (no original text). */
    public static PlanDate of(LocalDate date) {
        return new PlanDate(Kind.DATE, date, Precision.DAY, null, null);
    }

    public static PlanDate tbc(String remark, String text) {
        return new PlanDate(Kind.TBC, null, Precision.DAY, remark, text);
    }

    public boolean isDate() {
        return kind == Kind.DATE;
    }

    /** True when this is a real date that has passed: the day after the target, a task is overdue. */
    public boolean isOverdueOn(LocalDate today) {
        return kind == Kind.DATE && date.isBefore(today);
    }

    /** How a person reads it: the original text if there is one, else {@code 31/05/2023} or {@code July 2025}. */
    public String display() {
        if (text != null) {
            return text;
        }
        String core;
        switch (kind) {
            case DATE: core = precision == Precision.MONTH ? MONTH.format(date) : UkDates.format(date); break;
            case TBC: core = "TBC"; break;
            case NOT_APPLICABLE: core = "N/A"; break;
            default: core = "Ongoing"; break;
        }
        return remark == null ? core : core + " - " + remark;
    }

    /**
     * When it is due, as reminders and the digest say it: "by December 2016" for a month (due on its last day, but
     * the tracker never named a day), else {@link #display()}.
     */
    public String due() {
        return kind == Kind.DATE && precision == Precision.MONTH ? "by " + display() : display();
    }

    @Override
    public String toString() {
        return display();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
