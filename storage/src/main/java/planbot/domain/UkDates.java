package planbot.domain;

import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** How planbot writes a date for people: day first, as councils' trackers do ({@code 31/05/2023}). Thread-safe. */
public final class UkDates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);

    private UkDates() {
    }

    /** {@code 31/05/2023}. */
    public static String format(TemporalAccessor date) {
        return DAY.format(date);
    }
}
