package planbot.command;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link DateParser} made of some text: a date, a date-like text that is not a real or usable date
 * ({@code 31/02/2023}, {@code 05/31/2023}), or no date at all. The two failures differ so that a caller can
 * treat "moved to the other office" as ordinary words but must refuse "moved to 31/02/2024".
 */
public sealed interface DateResult permits DateResult.Ok, DateResult.Invalid, DateResult.NotADate {

    /**
     * @param date the date
     * @param end  the index in the parsed text just after the date's last character; what follows (a reason)
     *             starts there
     */
    record Ok(LocalDate date, int end) implements DateResult {
        public Ok {
            Objects.requireNonNull(date, "date");
            if (end < 0) {
                throw new IllegalArgumentException("end < 0");
            }
        }
    }

    /** It looks like a date but is not one that exists or can be used. @param message a sentence for the user */
    record Invalid(String message) implements DateResult {
        public Invalid {
            message = Texts.required(message, "message");
        }
    }

    /** There is no date here. @param message a sentence for the user saying how to write one */
    record NotADate(String message) implements DateResult {
        public NotADate {
            message = Texts.required(message, "message");
        }
    }
}
