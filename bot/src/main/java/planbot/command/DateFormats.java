package planbot.command;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates are written back to users: UK day first. */
final class DateFormats {
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);

    private DateFormats() {
    }

    static String uk(LocalDate date) {
        return UK.format(date);
    }
}
