package planbot.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import planbot.domain.PlanDate.Kind;
import planbot.domain.PlanDate.Precision;
import planbot.domain.PlanDate;

class DateCellsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "31/05/2023        | 2023-05-31 | DAY",
            "01/07/22          | 2022-07-01 | DAY",
            "1/7/2022          | 2022-07-01 | DAY",
            "05/06/2023        | 2023-06-05 | DAY",
            "31.05.2023        | 2023-05-31 | DAY",
            "31 May 2023       | 2023-05-31 | DAY",
            "31-May-2023       | 2023-05-31 | DAY",
            "1st July 2025     | 2025-07-01 | DAY",
            "2023-05-31        | 2023-05-31 | DAY",
            "by 30/06/2024     | 2024-06-30 | DAY",
            "July 2025         | 2025-07-31 | MONTH",
            "Jul-25            | 2025-07-31 | MONTH",
            "Sept 2024         | 2024-09-30 | MONTH",
            "by December 2023  | 2023-12-31 | MONTH",
            "end of March 2024 | 2024-03-31 | MONTH",
            "February 2024     | 2024-02-29 | MONTH",
            "mid July 2025     | 2025-07-15 | MONTH",
            "Q2 2024           | 2024-06-30 | MONTH",
    })
    void GIVEN_a_target_cell_WHEN_read_THEN_day_first_date_with_precision(String cell, LocalDate date, Precision precision) {
        PlanDate read = DateCells.read(cell, false).date();
        assertThat(read.kind()).isEqualTo(Kind.DATE);
        assertThat(read.date()).isEqualTo(date);
        assertThat(read.precision()).isEqualTo(precision);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "July 2025 | 2025-07-01",
            "Jan-25    | 2025-01-01",
            "Q2 2024   | 2024-04-01",
            "31/05/2023| 2023-05-31",
    })
    void GIVEN_a_start_cell_naming_a_month_WHEN_read_THEN_its_first_day(String cell, LocalDate date) {
        assertThat(DateCells.read(cell, true).date().date()).isEqualTo(date);
    }

    @Test
    void GIVEN_a_plain_uk_date_WHEN_read_THEN_no_original_text_is_needed() {
        assertThat(DateCells.read("31/05/2023", false).date()).isEqualTo(PlanDate.of(LocalDate.of(2023, 5, 31)));
        assertThat(DateCells.read("31 May 2023", false).date().text()).isEqualTo("31 May 2023");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "31/05/2023       | false",
            "July 2025        | false",
            "N/A              | false",
            "TBC              | false",
            "Ongoing          | false",
            "TBC - to follow  | false",
            "01/06/2023 - TBC | false",
            "01/07/22         | true",
            "n/a              | true",
            "tbc              | true",
            "TBC (to follow)  | true",
            "31/08/2023*      | true",
            "mid July 2025    | true",
            "31 May 2023      | true",
            "by 30/06/2024    | true",
    })
    void GIVEN_a_cell_WHEN_read_THEN_its_text_is_kept_exactly_when_display_would_not_give_it_back(String cell,
                                                                                              boolean kept) {
        PlanDate read = DateCells.read(cell, false).date();
        assertThat(read.text()).isEqualTo(kept ? cell : null);
        assertThat(read.display()).isEqualTo(cell);
        assertThat(DateCells.read(read.display(), false).date()).isEqualTo(read);
    }

    @Test
    void GIVEN_words_instead_of_dates_WHEN_read_THEN_kind_and_remark() {
        PlanDate tbc = DateCells.read("TBC - interdependency with Website Redesign Project", false).date();
        assertThat(tbc.kind()).isEqualTo(Kind.TBC);
        assertThat(tbc.remark()).isEqualTo("interdependency with Website Redesign Project");
        assertThat(tbc.text()).isNull(); // display() gives the cell back
        assertThat(tbc.display()).isEqualTo("TBC - interdependency with Website Redesign Project");
        assertThat(DateCells.read("TBC", false).date().remark()).isNull();
        assertThat(DateCells.read("N/A", false).date().kind()).isEqualTo(Kind.NOT_APPLICABLE);
        assertThat(DateCells.read("n/a", false).date().kind()).isEqualTo(Kind.NOT_APPLICABLE);
        assertThat(DateCells.read("Ongoing", false).date().kind()).isEqualTo(Kind.ONGOING);
        assertThat(DateCells.read("", false)).isEqualTo(new DateCells.Reading(null, null));
        assertThat(DateCells.read("   ", false).date()).isNull();
    }

    @Test
    void GIVEN_a_date_with_a_trailing_remark_WHEN_read_THEN_date_and_remark() {
        PlanDate star = DateCells.read("31/08/2023*", false).date();
        assertThat(star.date()).isEqualTo(LocalDate.of(2023, 8, 31));
        assertThat(star.remark()).isEqualTo("*");
        PlanDate tbc = DateCells.read("01/06/2023 - TBC", true).date();
        assertThat(tbc.date()).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(tbc.remark()).isEqualTo("TBC");
        assertThat(DateCells.read("30/06/2024 (revised)", false).date().remark()).isEqualTo("revised");
    }

    @Test
    void GIVEN_an_impossible_date_WHEN_read_THEN_a_problem_and_no_date_never_a_shifted_one() {
        DateCells.Reading feb31 = DateCells.read("31/02/2023", false);
        assertThat(feb31.date()).isNull();
        assertThat(feb31.problem()).isEqualTo("not a real date: February 2023 has 28 days; the date is left empty");
        DateCells.Reading monthFirst = DateCells.read("05/31/2023", false);
        assertThat(monthFirst.date()).isNull();
        assertThat(monthFirst.problem()).contains("there is no month 31").contains("day first");
    }

    @Test
    void GIVEN_an_unreadable_cell_WHEN_read_THEN_a_problem_and_no_date() {
        DateCells.Reading soon = DateCells.read("soon", false);
        assertThat(soon.date()).isNull();
        assertThat(soon.problem()).startsWith("cannot read this as a date");
        assertThat(DateCells.read("Smarch 2024", false).problem()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Autumn 2025", "early Spring 2026", "2025/26", "FY 2025/2026", "by winter 2025"})
    void GIVEN_a_season_or_a_financial_year_WHEN_read_THEN_tbc_kept_as_written_with_no_made_up_date(String cell) {
        DateCells.Reading reading = DateCells.read(cell, false);
        assertThat(reading.problem()).isNull();
        assertThat(reading.date().kind()).isEqualTo(Kind.TBC);
        assertThat(reading.date().date()).isNull();
        assertThat(reading.date().display()).isEqualTo(cell);
    }
}
