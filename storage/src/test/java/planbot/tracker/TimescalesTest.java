package planbot.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import planbot.domain.PlanDate;
import planbot.domain.Task;

class TimescalesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "10/16 – 3/17          | 2016-10-01 | 2017-03-31",
            "10/16 - 3/17          | 2016-10-01 | 2017-03-31",
            "10/16-3/17            | 2016-10-01 | 2017-03-31",
            "3/17 forwards         | 2017-03-01 | -",
            "from 3/17             | 2017-03-01 | -",
            "End 2/17              | -          | 2017-02-28",
            "by end 3/17           | -          | 2017-03-31",
            "mid 12/16 – mid 2/17  | 2016-12-15 | 2017-02-15",
            "11/16 – End 2/17      | 2016-11-01 | 2017-02-28",
            "10/16-mid 12/16       | 2016-10-01 | 2016-12-15",
            "3/17                  | -          | 2017-03-31",
            "Oct 2016 to Mar 2017  | 2016-10-01 | 2017-03-31",
            "01/04/2023 - 31/05/2023 | 2023-04-01 | 2023-05-31",
            "31-May-2023 - 30-Jun-2023 | 2023-05-31 | 2023-06-30",
    })
    void GIVEN_a_timescale_WHEN_read_THEN_start_and_target(String cell, LocalDate start, LocalDate target) {
        Timescales.Reading reading = Timescales.read(cell);
        assertThat(reading.problem()).isNull();
        assertThat(reading.start() == null ? null : reading.start().date()).isEqualTo(start);
        assertThat(reading.target() == null ? null : reading.target().date()).isEqualTo(target);
    }

    @Test
    void GIVEN_a_month_year_timescale_WHEN_read_THEN_month_precision_and_each_end_keeps_its_words() {
        Timescales.Reading reading = Timescales.read("mid 12/16 – mid 2/17");
        assertThat(reading.start().precision()).isEqualTo(PlanDate.Precision.MONTH);
        assertThat(reading.start().text()).isEqualTo("mid 12/16");
        assertThat(reading.target().text()).isEqualTo("mid 2/17");
    }

    @Test
    void GIVEN_dates_WHEN_formatted_THEN_a_range_a_target_or_an_open_start() {
        PlanDate start = PlanDate.of(LocalDate.of(2016, 10, 1));
        PlanDate target = PlanDate.of(LocalDate.of(2017, 3, 31));
        assertThat(Timescales.format(start, target)).isEqualTo("01/10/2016 \u2013 31/03/2017");
        assertThat(Timescales.format(null, target)).isEqualTo("31/03/2017");
        assertThat(Timescales.format(start, null)).isEqualTo("from 01/10/2016");
        assertThat(Timescales.format(null, null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "10/16 – 3/17", "3/17 forwards", "End 2/17", "mid 12/16 – mid 2/17", "10/16-mid 12/16", "by end 3/17",
            "Ongoing", "TBC - awaiting budget", "01/04/2023 - 31/05/2023", "July 2025 to March 2026",
    })
    void GIVEN_a_timescale_read_WHEN_its_dates_are_formatted_THEN_reading_that_gives_the_same_dates(String cell) {
        Timescales.Reading read = Timescales.read(cell);
        Timescales.Reading again = Timescales.read(Timescales.format(read.start(), read.target()));
        assertThat(again).isEqualTo(read);
    }

    @Test
    void GIVEN_a_target_changed_in_planbot_WHEN_the_timescale_is_written_THEN_it_is_built_from_the_dates() {
        // GIVEN an activity read from "10/16 – 3/17" whose target was then set in chat
        Timescales.Reading read = Timescales.read("10/16 \u2013 3/17");
        Task task = new Task("SS/01", "x", null, null, read.start(), read.target(), "10/16 \u2013 3/17", null, null)
                .withTarget(PlanDate.of(LocalDate.of(2017, 6, 30)));

        // WHEN its timescale is written THEN it names the new target, and reads back into the same dates
        assertThat(task.timescale()).isNull();
        assertThat(Timescales.text(task)).isEqualTo("10/16 \u2013 30/06/2017");
        Timescales.Reading back = Timescales.read(Timescales.text(task));
        assertThat(back.start()).isEqualTo(task.start());
        assertThat(back.target()).isEqualTo(task.target());
    }

    @Test
    void GIVEN_ongoing_WHEN_read_THEN_an_ongoing_target_and_no_start() {
        Timescales.Reading reading = Timescales.read("Ongoing");
        assertThat(reading.start()).isNull();
        assertThat(reading.target().kind()).isEqualTo(PlanDate.Kind.ONGOING);
    }

    @Test
    void GIVEN_an_unreadable_timescale_WHEN_read_THEN_a_problem_and_no_dates() {
        Timescales.Reading reading = Timescales.read("after the election");
        assertThat(reading.start()).isNull();
        assertThat(reading.target()).isNull();
        assertThat(reading.problem()).startsWith("cannot read this timescale");
        assertThat(Timescales.read("13/16 – 3/17").problem()).isNotNull();
        assertThat(Timescales.read("").problem()).isNull();
    }
}
