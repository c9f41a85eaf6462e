package planbot.command;

import java.time.LocalDate;
import planbot.domain.UkDates;

/** How dates are written back to users: UK day first. */
final class DateFormats {

    private DateFormats() {
    }

    static String uk(LocalDate date) {
        return UkDates.format(date);
    }
}
