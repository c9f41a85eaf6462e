package planbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.command.Fixtures.DATES;
import static planbot.command.Fixtures.date;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Today is Wednesday 15 May 2024 (see {@link Fixtures}). */
class DateParserTest {

    @ParameterizedTest(name = "GIVEN <{0}> WHEN parsed THEN {1}")
    @CsvSource(delimiter = '|', value = {
            "31/05/2023        | 2023-05-31",
            "31/5/23           | 2023-05-31",
            "31-05-2023        | 2023-05-31",
            "31.05.2023        | 2023-05-31",
            "01/07/22          | 2022-07-01",
            "06/05/2024        | 2024-05-06",
            "1/6/24            | 2024-06-01",
            "2023-05-31        | 2023-05-31",
            "31 May 2023       | 2023-05-31",
            "31st May 2023     | 2023-05-31",
            "31st of May 2023  | 2023-05-31",
            "31st May 23       | 2023-05-31",
            "1st JUNE 2024     | 2024-06-01",
            "2nd Sept 2024     | 2024-09-02",
            "May 31 2023       | 2023-05-31",
            "May 31st, 2023    | 2023-05-31",
            "29/02/2024        | 2024-02-29",
            "Friday 17 May 2024 | 2024-05-17",
            "31/05/2023.       | 2023-05-31",
    })
    void givenAUkDayFirstDate_whenParsed_thenItIsThatDay(String text, LocalDate expected) {
        assertThat(date(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "GIVEN <{0}> on Wed 15 May 2024 WHEN parsed THEN {1}")
    @CsvSource(delimiter = '|', value = {
            "today              | 2024-05-15",
            "Today              | 2024-05-15",
            "tomorrow           | 2024-05-16",
            "friday             | 2024-05-17",
            "Fri                | 2024-05-17",
            "next friday        | 2024-05-17",
            "wednesday          | 2024-05-22",
            "this wednesday     | 2024-05-15",
            "monday             | 2024-05-20",
            "end of june        | 2024-06-30",
            "end of May         | 2024-05-31",
            "end of april       | 2025-04-30",
            "end of june 2025   | 2025-06-30",
            "end of month       | 2024-05-31",
            "end of the month   | 2024-05-31",
            "end of next month  | 2024-06-30",
            "end of week        | 2024-05-17",
            "end of year        | 2024-12-31",
            "in 2 weeks         | 2024-05-29",
            "in 10 days         | 2024-05-25",
            "in 1 day           | 2024-05-16",
            "in a week          | 2024-05-22",
            "in two weeks       | 2024-05-29",
            "in 2w              | 2024-05-29",
            "in a fortnight     | 2024-05-29",
            "in 3 months        | 2024-08-15",
            "1 June             | 2024-06-01",
            "15 May             | 2024-05-15",
            "1 May              | 2025-05-01",
            "31/05              | 2024-05-31",
            "29/02              | 2028-02-29",
    })
    void givenARelativeOrYearlessDate_whenParsed_thenItIsCountedFromToday(String text, LocalDate expected) {
        assertThat(date(text)).isEqualTo(expected);
    }

    @Test
    void givenAnImpossibleDate_whenParsed_thenItIsRefusedWithTheReasonAndNeverRolledOver() {
        assertThat(invalid("31/02/2023")).isEqualTo("31/02/2023 is not a real date (February 2023 has 28 days).");
        assertThat(invalid("29/02/2023")).isEqualTo("29/02/2023 is not a real date (February 2023 has 28 days).");
        assertThat(invalid("31 June 2024")).isEqualTo("31 June 2024 is not a real date (June 2024 has 30 days).");
        assertThat(invalid("31st April")).isEqualTo("31st April is not a real date (April never has more than 30 days).");
        assertThat(invalid("30/02")).isEqualTo("30/02 is not a real date (February never has more than 29 days).");
        assertThat(invalid("00/05/2024")).isEqualTo("00/05/2024 is not a real date (there is no day 0).");
    }

    @ParameterizedTest(name = "GIVEN month-first-looking <{0}> WHEN parsed THEN refused, not read month first")
    @ValueSource(strings = {"05/31/2023", "12/25/2024", "1/13/24", "6/30/2024"})
    void givenAMonthFirstLookingDate_whenParsed_thenItIsRefusedAsDayFirst(String text) {
        assertThat(invalid(text)).startsWith(text + " is not a real date (there is no month ")
                .contains("I read dates day first, as dd/mm/yyyy");
    }

    @Test
    void givenADateThatIsAmbiguousInTheUs_whenParsed_thenItIsAlwaysDayFirst() {
        assertThat(date("05/06/2024")).isEqualTo(LocalDate.of(2024, 6, 5));
        assertThat(date("12/01/2025")).isEqualTo(LocalDate.of(2025, 1, 12));
    }

    @Test
    void givenAWeekdayThatDisagreesWithTheDate_whenParsed_thenItIsRefused() {
        assertThat(invalid("Thursday 17 May 2024")).isEqualTo("17 May 2024 is a Friday, not a Thursday.");
    }

    @Test
    void givenAMonthAndYearWithNoDay_whenParsed_thenItAsksWhichDay() {
        assertThat(invalid("May 2024")).startsWith("Which day in May 2024?");
    }

    @ParameterizedTest(name = "GIVEN <{0}> WHEN parsed THEN refused as not quite a date")
    @ValueSource(strings = {"31/05/202", "123/4", "1/1/1800", "in 9999 weeks"})
    void givenADateLikeTextThatCannotBeUsed_whenParsed_thenItIsInvalidWithASentence(String text) {
        assertThat(invalid(text)).isNotBlank();
    }

    @ParameterizedTest(name = "GIVEN <{0}> WHEN parsed THEN not a date")
    @ValueSource(strings = {"", "  ", "soon", "next", "may be later", "end of the day", "in a bit", "EN3/1", "3",
            "31/05/2023 and more", "in 2", "31/05/2023/1"})
    void givenTextWithNoDate_whenParsed_thenNotADateWithHowToWriteOne(String text) {
        DateResult r = DATES.parse(text);

        assertThat(r).isInstanceOf(DateResult.NotADate.class);
        assertThat(((DateResult.NotADate) r).message()).isNotBlank();
    }

    @Test
    void givenADateFollowedByAReason_whenParsedLeading_thenTheEndIsWhereTheReasonStarts() {
        String text = "31 May 2024, waiting on legal";

        DateResult.Ok ok = (DateResult.Ok) DATES.parseLeading(text);

        assertThat(ok.date()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(text.substring(ok.end())).isEqualTo(" waiting on legal");
        DateResult.Ok words = (DateResult.Ok) DATES.parseLeading("end of june because of the election");
        assertThat(words.end()).isEqualTo("end of june".length());
    }

    @Test
    void givenLateEveningUtcInBritishSummerTime_whenAskedForToday_thenItIsAlreadyTomorrowInLondon() {
        Clock clock = Clock.fixed(Instant.parse("2024-05-15T23:30:00Z"), ZoneOffset.UTC);

        assertThat(new DateParser(clock).today()).isEqualTo(LocalDate.of(2024, 5, 16));
        assertThat(new DateParser(clock, ZoneOffset.UTC).today()).isEqualTo(LocalDate.of(2024, 5, 15));
        assertThat(((DateResult.Ok) new DateParser(clock).parse("tomorrow")).date()).isEqualTo(LocalDate.of(2024, 5, 17));
    }

    @Test
    void givenNull_whenParsed_thenNotADateAndNothingThrows() {
        assertThat(DATES.parse(null)).isInstanceOf(DateResult.NotADate.class);
        assertThat(DATES.parseLeading(null)).isInstanceOf(DateResult.NotADate.class);
    }

    private static String invalid(String text) {
        DateResult r = DATES.parse(text);
        assertThat(r).as("date <%s>", text).isInstanceOf(DateResult.Invalid.class);
        return ((DateResult.Invalid) r).message();
    }
}
