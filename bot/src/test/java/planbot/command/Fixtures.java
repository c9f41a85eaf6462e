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
    static final CommandParser COMMANDS = new CommandParser(DATES);
    static final ReminderReplyParser REPLIES = new ReminderReplyParser(DATES);

    private Fixtures() {
    }

    static Command parsed(String text) {
        ParseResult r = COMMANDS.parse(text);
        assertThat(r).as("parse of <%s>", text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).command();
    }

    static ParseResult.Failed failed(String text) {
        ParseResult r = COMMANDS.parse(text);
        assertThat(r).as("parse of <%s>", text).isInstanceOf(ParseResult.Failed.class);
        ParseResult.Failed f = (ParseResult.Failed) r;
        assertThat(f.message()).isNotBlank().isNotEqualTo(CommandParser.INTERNAL_ERROR);
        return f;
    }

    static LocalDate date(String text) {
        DateResult r = DATES.parse(text);
        assertThat(r).as("date <%s>", text).isInstanceOf(DateResult.Ok.class);
        return ((DateResult.Ok) r).date();
    }
}
