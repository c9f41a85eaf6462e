package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import planbot.domain.PlanDate;
import planbot.scheduler.reminder.ReminderKind;

/** A target the tracker named only to the month ("by December 2016") is never shown as a made-up day. */
class MonthTargetWordingTest {
    private static final PlanDate DECEMBER = new PlanDate(PlanDate.Kind.DATE, LocalDate.of(2016, 12, 31),
            PlanDate.Precision.MONTH, null, null);

    private static ReminderNotice notice(ReminderKind kind, PlanDate target, LocalDate due, long late) {
        return new ReminderNotice(1, "k", kind, "A02/07", "Review the SOPs", "A02", target, due, late, "Patsy Dell",
                "Patsy Dell", null, null, List.of(), "t", 1);
    }

    @Test
    void GIVEN_a_month_target_WHEN_reminded_before_on_and_after_THEN_the_month_is_named_not_its_last_day() {
        LocalDate end = DECEMBER.date();
        assertThat(notice(ReminderKind.before(3), DECEMBER, end, 0).text())
                .isEqualTo("A02/07 is due in 3 working days, by December 2016.");
        assertThat(notice(ReminderKind.DUE_TODAY, DECEMBER, end, 0).text())
                .isEqualTo("A02/07 is due today (by December 2016).");
        assertThat(notice(ReminderKind.OVERDUE, DECEMBER, end, 4).text())
                .isEqualTo("A02/07 is overdue: it was due by December 2016, 4 days ago. Is it done, or does it need a "
                        + "new date?");
    }

    @Test
    void GIVEN_a_day_target_WHEN_reminded_THEN_the_day_is_named_as_before() {
        PlanDate day = PlanDate.of(LocalDate.of(2016, 9, 1));
        assertThat(notice(ReminderKind.before(3), day, day.date(), 0).text())
                .isEqualTo("A02/07 is due in 3 working days, on 01/09/2016.");
        assertThat(day.due()).isEqualTo("01/09/2016");
        assertThat(DECEMBER.due()).isEqualTo("by December 2016");
    }

    @Test
    void GIVEN_a_month_target_WHEN_a_group_shows_what_a_reminder_needs_THEN_the_month_is_named_there_too() {
        LocalDate end = DECEMBER.date();
        assertThat(notice(ReminderKind.OVERDUE, DECEMBER, end, 4).need()).isEqualTo("due by December 2016, 4 days ago");
        assertThat(notice(ReminderKind.before(3), DECEMBER, end, 0).need()).isEqualTo("due by December 2016, in 3 working days");
        PlanDate day = PlanDate.of(LocalDate.of(2016, 9, 1));
        assertThat(notice(ReminderKind.OVERDUE, day, day.date(), 1).need()).isEqualTo("due 01/09/2016, 1 day ago");
    }
}
