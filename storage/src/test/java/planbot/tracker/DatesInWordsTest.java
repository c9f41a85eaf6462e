package planbot.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import planbot.domain.PlanDate;

class DatesInWordsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Team plans to be in place by 1 September 2016 | 2016-09-01 | DAY",
            "Develop a policy by December 2016 | 2016-12-31 | MONTH",
            "Review the user group through focus groups.  July 2016 | 2016-07-31 | MONTH",
            "Review the panel contract \u2013 July 2016 | 2016-07-31 | MONTH",
            "Consult April - June 2017 | 2017-06-30 | MONTH",
            "Consult from April to June 2017 | 2017-06-30 | MONTH",
            "Draft in March 2016, adopt by Sept 2016 | 2016-09-30 | MONTH",
            "Draft by 3rd Feb 2025 then publish in May 2025 | 2025-02-03 | DAY",
            "Start in Jan 2024, finish in March 2024 | 2024-03-31 | MONTH",
    })
    void GIVEN_a_date_in_words_WHEN_searched_THEN_it_is_the_target_with_its_precision(String text, LocalDate date,
                                                                                      PlanDate.Precision precision) {
        PlanDate target = DatesInWords.target(text).date();
        assertThat(target.date()).isEqualTo(date);
        assertThat(target.precision()).isEqualTo(precision);
        assertThat(target.text()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Consultation in Autumn 2025",
            "Reduce complaints by 25% pa \u2013 2015/16 taken as the baseline.",
            "ahead of the 2017/2018 budget process",
            "Agreed programme of member development - on-going",
            "We may 2017 staff",
            "Income targets resolved in 17/18 budget working cycle.",
            "Review after April 2016/17",
    })
    void GIVEN_a_season_financial_year_or_ongoing_WHEN_searched_THEN_no_date_is_made_up(String text) {
        DatesInWords.Found found = DatesInWords.target(text);
        assertThat(found.date()).isNull();
        assertThat(found.problem()).isNull();
    }

    @Test
    void GIVEN_an_impossible_day_WHEN_searched_THEN_no_date_and_a_reason() {
        DatesInWords.Found found = DatesInWords.target("Publish by 31 September 2016");
        assertThat(found.date()).isNull();
        assertThat(found.problem()).isEqualTo("'31 September 2016' is not a real date; the milestone has no target");
    }
}
