package planbot.scheduler.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The reminder payload is one record, written and read with Jackson, in the shape rows already stored have. */
class ReminderPayloadTest {
    private static final LocalDate DAY = LocalDate.of(2023, 5, 30);

    @Test
    void aDecisionIsWrittenInTheStoredShapeAndReadBack() {
        // GIVEN an overdue decision about a task whose ref has quotes, a backslash and a control character
        Reminder r = new Reminder(1, 7, "EN\"003\\/01\u0001", ReminderKind.OVERDUE, "HoP", DAY, LocalDate.of(2023, 5, 15));
        // WHEN written
        String json = ReminderPayload.of(r).toJson();
        // THEN it has the shape the hand-written payload had, and reads back whole
        assertThat(json).isEqualTo("{\"type\":\"reminder\",\"kind\":\"OVERDUE\",\"taskId\":7,"
                + "\"taskRef\":\"EN\\\"003\\\\/01\\u0001\",\"date\":\"2023-05-30\",\"target\":\"2023-05-15\"}");
        assertThat(ReminderPayload.read(json)).isEqualTo(ReminderPayload.of(r));
    }

    @Test
    void aDecisionAboutNoDateLeavesTheTargetOutAndALeadTimeKeepsItsDays() {
        Reminder tbc = new Reminder(1, 7, "EN003/01", ReminderKind.TBC_NUDGE, "HoP", DAY, null);
        assertThat(ReminderPayload.of(tbc).toJson()).doesNotContain("target");
        Reminder before = new Reminder(1, 7, "EN003/01", ReminderKind.before(14), "HoP", DAY, DAY.plusDays(20));
        assertThat(ReminderPayload.read(ReminderPayload.of(before).toJson()).kind()).isEqualTo(ReminderKind.before(14));
    }

    @Test
    void aRowWrittenByHandWithPartsMissingIsReadWithNullsAndGarbageIsRefusedWithAReason() {
        ReminderPayload partial = ReminderPayload.read("{\"type\":\"reminder\",\"taskRef\":\"EN009/09\",\"extra\":1}");
        assertThat(partial).isEqualTo(new ReminderPayload(null, null, "EN009/09", null, null));
        assertThatThrownBy(() -> ReminderPayload.read("{oops")).hasMessage("it is not JSON");
        assertThatThrownBy(() -> ReminderPayload.read("{\"kind\":\"BIRTHDAY\"}")).hasMessageStartingWith("it is not a reminder's");
        assertThatThrownBy(() -> ReminderPayload.read("{\"target\":\"31/02/2023\"}")).hasMessageStartingWith("it is not a reminder's");
        assertThatThrownBy(() -> ReminderPayload.read("[1]")).hasMessageStartingWith("it is not a reminder's");
    }
}
