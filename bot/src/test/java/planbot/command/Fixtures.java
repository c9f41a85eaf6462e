package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A fixed "today" for every parser test: Wednesday 15 May 2024, 10:00 in London. */
final class Fixtures {
    static final LocalDate TODAY = LocalDate.of(2024, 5, 15);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-15T09:00:00Z"), ZoneOffset.UTC);
    static final DateParser DATES = new DateParser(CLOCK);

    private Fixtures() {
    }

    static LocalDate date(String text) {
        DateResult r = DATES.parse(text);
        assertThat(r).as("date <%s>", text).isInstanceOf(DateResult.Ok.class);
        return ((DateResult.Ok) r).date();
    }
}
