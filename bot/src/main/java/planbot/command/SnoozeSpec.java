package planbot.command;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/** How long to hold a task's reminders back: for a number of calendar days, or until a date. */
public sealed interface SnoozeSpec permits SnoozeSpec.For, SnoozeSpec.Until {

    /** The longest snooze planbot accepts, in days: a snooze is a pause, not a way to switch reminders off. */
    int MAX_DAYS = 365;

    /** The first day reminders may resume, counted from {@code today}. */
    LocalDate resumesOn(LocalDate today);

    /**
     * For a number of calendar days ({@code 3d}; {@code 1w} is seven days). A {@link Period} rather than a
     * {@code Duration}: a day here is a calendar day, not 24 hours across a clock change.
     *
     * @param period a whole number of days, 1 to {@value SnoozeSpec#MAX_DAYS}
     */
    record For(Period period) implements SnoozeSpec {
        public For {
            Objects.requireNonNull(period, "period");
            period = period.normalized();
            if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() < 1 || period.getDays() > MAX_DAYS) {
                throw new IllegalArgumentException("a snooze is 1 to " + MAX_DAYS + " days, not " + period);
            }
        }

        public static For days(int days) {
            return new For(Period.ofDays(days));
        }

        public int days() {
            return period.getDays();
        }

        @Override
        public LocalDate resumesOn(LocalDate today) {
            return today.plus(period);
        }
    }

    /** @param date the day reminders may resume; the parser only makes one that is after today */
    record Until(LocalDate date) implements SnoozeSpec {
        public Until {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public LocalDate resumesOn(LocalDate today) {
            return date;
        }
    }
}
