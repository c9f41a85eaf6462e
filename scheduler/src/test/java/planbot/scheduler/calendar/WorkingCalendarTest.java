package planbot.scheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {
    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private static List<LocalDate> year(Region r, int y) {
        return new ArrayList<>(BankHolidays.of(r).subMap(d(y, 1, 1), true, d(y, 12, 31), true).keySet());
    }

    @Test
    void englandAndWalesHolidaysMatchThePublishedLists() {
        assertThat(year(Region.ENGLAND_AND_WALES, 2023)).containsExactly(d(2023, 1, 2), d(2023, 4, 7), d(2023, 4, 10),
                d(2023, 5, 1), d(2023, 5, 8), d(2023, 5, 29), d(2023, 8, 28), d(2023, 12, 25), d(2023, 12, 26));
        assertThat(year(Region.ENGLAND_AND_WALES, 2022)).containsExactly(d(2022, 1, 3), d(2022, 4, 15), d(2022, 4, 18),
                d(2022, 5, 2), d(2022, 6, 2), d(2022, 6, 3), d(2022, 8, 29), d(2022, 9, 19), d(2022, 12, 26),
                d(2022, 12, 27));
        assertThat(year(Region.ENGLAND_AND_WALES, 2020)).containsExactly(d(2020, 1, 1), d(2020, 4, 10), d(2020, 4, 13),
                d(2020, 5, 8), d(2020, 5, 25), d(2020, 8, 31), d(2020, 12, 25), d(2020, 12, 28));
        assertThat(year(Region.ENGLAND_AND_WALES, 2021)).contains(d(2021, 12, 27), d(2021, 12, 28))
                .doesNotContain(d(2021, 12, 25));
        assertThat(year(Region.ENGLAND_AND_WALES, 2016)).contains(d(2016, 3, 25), d(2016, 3, 28), d(2016, 12, 27));
        assertThat(year(Region.ENGLAND_AND_WALES, 2024)).containsExactly(d(2024, 1, 1), d(2024, 3, 29), d(2024, 4, 1),
                d(2024, 5, 6), d(2024, 5, 27), d(2024, 8, 26), d(2024, 12, 25), d(2024, 12, 26));
        assertThat(year(Region.ENGLAND_AND_WALES, 2025)).containsExactly(d(2025, 1, 1), d(2025, 4, 18), d(2025, 4, 21),
                d(2025, 5, 5), d(2025, 5, 26), d(2025, 8, 25), d(2025, 12, 25), d(2025, 12, 26));
    }

    @Test
    void scotlandHasSecondJanuaryStAndrewsAndEarlyAugustButNoEasterMonday() {
        assertThat(year(Region.SCOTLAND, 2023)).containsExactly(d(2023, 1, 2), d(2023, 1, 3), d(2023, 4, 7),
                d(2023, 5, 1), d(2023, 5, 8), d(2023, 5, 29), d(2023, 8, 7), d(2023, 11, 30), d(2023, 12, 25),
                d(2023, 12, 26));
        assertThat(year(Region.SCOTLAND, 2024)).contains(d(2024, 12, 2)).doesNotContain(d(2024, 4, 1), d(2024, 8, 26));
        assertThat(year(Region.SCOTLAND, 2022)).contains(d(2022, 1, 3), d(2022, 1, 4), d(2022, 6, 2), d(2022, 6, 3),
                d(2022, 9, 19));
        assertThat(year(Region.SCOTLAND, 2021)).contains(d(2021, 1, 1), d(2021, 1, 4));
    }

    @Test
    void northernIrelandHasStPatricksAndTheTwelfthWithSubstituteDays() {
        assertThat(year(Region.NORTHERN_IRELAND, 2023)).containsExactly(d(2023, 1, 2), d(2023, 3, 17), d(2023, 4, 7),
                d(2023, 4, 10), d(2023, 5, 1), d(2023, 5, 8), d(2023, 5, 29), d(2023, 7, 12), d(2023, 8, 28),
                d(2023, 12, 25), d(2023, 12, 26));
        assertThat(year(Region.NORTHERN_IRELAND, 2024)).contains(d(2024, 3, 18));
        assertThat(year(Region.NORTHERN_IRELAND, 2025)).contains(d(2025, 7, 14));
        assertThat(year(Region.NORTHERN_IRELAND, 2020)).contains(d(2020, 7, 13));
    }

    @Test
    void everyRegionCoversEveryYearOnWeekdaysOnly() {
        for (Region r : Region.values()) {
            NavigableMap<LocalDate, String> days = BankHolidays.of(r);
            for (int y = BankHolidays.FIRST_YEAR; y <= BankHolidays.LAST_YEAR; y++) {
                assertThat(year(r, y)).as(r + " " + y).hasSizeBetween(8, 12);
            }
            for (Map.Entry<LocalDate, String> e : days.entrySet()) {
                assertThat(e.getKey().getDayOfWeek()).as(e.toString()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(e.getValue()).isNotBlank();
            }
        }
    }

    @Test
    void weekendsHolidaysAndClosuresAreNotWorkingDays() {
        WorkingCalendar cal = WorkingCalendar.of(Region.ENGLAND_AND_WALES, List.of(d(2023, 12, 27), d(2023, 12, 30)));
        assertThat(cal.isWorkingDay(d(2023, 5, 27))).isFalse(); // Saturday
        assertThat(cal.isWorkingDay(d(2023, 5, 29))).isFalse(); // Spring bank holiday
        assertThat(cal.isWorkingDay(d(2023, 5, 30))).isTrue();
        assertThat(cal.isWorkingDay(d(2023, 12, 27))).isFalse(); // closure
        assertThat(cal.nextWorkingDayOnOrAfter(d(2023, 12, 23))).isEqualTo(d(2023, 12, 28));
        assertThat(cal.nextWorkingDayOnOrAfter(d(2023, 5, 26))).isEqualTo(d(2023, 5, 26));
        assertThat(cal.previousWorkingDayOnOrBefore(d(2023, 5, 29))).isEqualTo(d(2023, 5, 26));
    }

    @Test
    void addsAndCountsWorkingDaysAcrossWeekendsAndHolidays() {
        WorkingCalendar cal = WorkingCalendar.englandAndWales();
        assertThat(cal.addWorkingDays(d(2023, 5, 26), 1)).isEqualTo(d(2023, 5, 30)); // Fri → Tue after the holiday
        assertThat(cal.addWorkingDays(d(2023, 5, 30), -1)).isEqualTo(d(2023, 5, 26));
        assertThat(cal.addWorkingDays(d(2023, 5, 27), -1)).isEqualTo(d(2023, 5, 26)); // 1 before a Saturday
        assertThat(cal.addWorkingDays(d(2023, 5, 27), 1)).isEqualTo(d(2023, 5, 30));
        assertThat(cal.addWorkingDays(d(2023, 5, 31), -14)).isEqualTo(d(2023, 5, 10));
        assertThat(cal.addWorkingDays(d(2023, 12, 22), 1)).isEqualTo(d(2023, 12, 27));
        assertThat(cal.workingDaysBetween(d(2023, 5, 26), d(2023, 5, 30))).isEqualTo(1);
        assertThat(cal.workingDaysBetween(d(2023, 5, 27), d(2023, 5, 28))).isZero();
        assertThat(cal.workingDaysBetween(d(2023, 5, 30), d(2023, 5, 26))).isEqualTo(-1);
        assertThat(cal.workingDaysBetween(d(2023, 1, 1), d(2023, 12, 31))).isEqualTo(251); // 260 weekdays less 9 bank holidays
    }

    @Test
    void arithmeticAgreesWithCountingDayByDay() {
        WorkingCalendar cal = WorkingCalendar.of(Region.SCOTLAND, List.of(d(2024, 7, 1)));
        LocalDate start = d(2015, 12, 1);
        List<LocalDate> working = new ArrayList<>();
        for (LocalDate x = start; x.isBefore(d(2031, 2, 1)); x = x.plusDays(1)) {
            DayOfWeek w = x.getDayOfWeek();
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !BankHolidays.of(Region.SCOTLAND).containsKey(x)
                    && !x.equals(d(2024, 7, 1))) {
                working.add(x);
            }
        }
        for (int i = 0; i < working.size(); i++) {
            assertThat(cal.isWorkingDay(working.get(i))).isTrue();
            if (i + 20 < working.size()) {
                assertThat(cal.addWorkingDays(working.get(i), 20)).isEqualTo(working.get(i + 20));
                assertThat(cal.addWorkingDays(working.get(i + 20), -20)).isEqualTo(working.get(i));
                assertThat(cal.workingDaysBetween(working.get(i), working.get(i + 20))).isEqualTo(20);
                // a non-working day just before a working day counts like the working day before it
                LocalDate dayBefore = working.get(i + 1).minusDays(1);
                assertThat(cal.nextWorkingDayOnOrAfter(dayBefore.plusDays(0))).isIn(working.get(i + 1), dayBefore);
            }
        }
    }

    @Test
    void regionsParseAsAdminsWriteThem() {
        assertThat(Region.parse("England & Wales")).isEqualTo(Region.ENGLAND_AND_WALES);
        assertThat(Region.parse("northern-ireland")).isEqualTo(Region.NORTHERN_IRELAND);
        assertThat(Region.parse("Scotland")).isEqualTo(Region.SCOTLAND);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Region.parse("Wessex"))
                .hasMessageContaining("england-and-wales");
    }
}
