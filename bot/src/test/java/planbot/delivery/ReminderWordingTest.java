package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.command.DateParser;
import planbot.command.ReminderReply;
import planbot.command.ReminderReplyParser;
import planbot.domain.PlanDate;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.scheduler.reminder.ReminderKind;
import planbot.scheduler.reminder.ReminderPolicy;
import planbot.storage.OutboxMessage;

/**
 * What each kind of reminder says, built by the {@link NoticeBuilder} from the rows the real sweep writes, and
 * that every button means what the reminder-reply parser understands.
 */
class ReminderWordingTest {
    @TempDir
    Path dir;

    private static final LocalDate DAY = DeliveryFixture.DAY;

    @Test
    void eachKindOfReminderSaysWhatItIsAboutAndToWhom() throws Undeliverable {
        LocalDate in14 = ReminderPolicy.defaults().calendar().addWorkingDays(DAY, 14);
        LocalDate in7 = ReminderPolicy.defaults().calendar().addWorkingDays(DAY, 7);
        LocalDate in1 = ReminderPolicy.defaults().calendar().addWorkingDays(DAY, 1);
        List<Task> tasks = List.of(
                DeliveryFixture.task(1, "Draft the <b>policy</b> & publish", in14, "HoP"),
                DeliveryFixture.task(2, "Consult members", in7, "PM"),
                DeliveryFixture.task(3, "Brief the committee", in1, "PM"),
                DeliveryFixture.task(4, "Publish", DAY, "HoP"),
                DeliveryFixture.task(5, "Clear the backlog", LocalDate.of(2023, 4, 3), "Sam"),
                new Task("EN001/06", "Website", Status.of("In progress"), null, null,
                        PlanDate.tbc("interdependency with Website Redesign Project",
                                "TBC - interdependency with Website Redesign Project"), null, "PM", null),
                DeliveryFixture.task(7, "Review fees", LocalDate.of(2023, 10, 31), null));
        // imported long ago: open tasks that are not overdue are stale
        try (DeliveryFixture f = DeliveryFixture.open(dir, tasks, DeliveryFixture.at(LocalDate.of(2023, 3, 1), 10, 0))) {
            f.sweep();
            Map<String, ReminderNotice> byKind = new HashMap<>();
            for (OutboxMessage row : f.rows()) {
                ReminderNotice n = (ReminderNotice) f.notices.build(f.tenant, row, f.clock.instant());
                byKind.put(n.taskRef() + " " + n.kind().name(), n);
            }

            assertThat(byKind.get("EN001/01 BEFORE_14").heading()).isEqualTo("Reminder for HoP");
            assertThat(byKind.get("EN001/01 BEFORE_14").text()).isEqualTo("EN001/01 is due in 14 working days, on 05/06/2023.");
            // user text stays as typed: escaping is each renderer's job
            assertThat(byKind.get("EN001/01 BEFORE_14").description()).isEqualTo("Draft the <b>policy</b> & publish");
            assertThat(byKind.get("EN001/02 BEFORE_7").text()).isEqualTo("EN001/02 is due in 7 working days, on 24/05/2023.");
            assertThat(byKind.get("EN001/03 BEFORE_1").text()).isEqualTo("EN001/03 is due in 1 working day, on 16/05/2023.");
            assertThat(byKind.get("EN001/04 DUE_TODAY").text()).isEqualTo("EN001/04 is due today (15/05/2023).");
            assertThat(byKind.get("EN001/05 OVERDUE").heading()).isEqualTo("Reminder for Sam");
            assertThat(byKind.get("EN001/05 OVERDUE").text())
                    .isEqualTo("EN001/05 is overdue: it was due on 03/04/2023, 42 days ago. Is it done, or does it need a new date?");
            assertThat(byKind.get("EN001/05 OVERDUE").daysLate()).isEqualTo(42);
            assertThat(byKind.get("EN001/05 ESCALATE_LEAD").heading()).isEqualTo("Escalation for Liam Lead");
            assertThat(byKind.get("EN001/05 ESCALATE_LEAD").text()).isEqualTo("EN001/05, owned by Sam, is overdue: it was due on"
                    + " 03/04/2023, 42 days ago. As the lead of ENFORCEMENT 001, can you help it along?");
            assertThat(byKind.get("EN001/05 ESCALATE_MANAGER").heading()).isEqualTo("Escalation for the manager channel");
            assertThat(byKind.get("EN001/05 ESCALATE_MANAGER").text()).isEqualTo("EN001/05 (ENFORCEMENT 001), owned by Sam,"
                    + " lead Liam Lead, is still overdue: it was due on 03/04/2023, 42 days ago.");
            assertThat(byKind.get("EN001/06 TBC_NUDGE").text()).isEqualTo(
                    "EN001/06 has no target date yet (TBC - interdependency with Website Redesign Project). Can you set a date?");
            assertThat(byKind.get("EN001/07 STALE_NUDGE").heading()).isEqualTo("Reminder for the owner of EN001/07");
            assertThat(byKind.get("EN001/07 STALE_NUDGE").text())
                    .isEqualTo("EN001/07 has had no update since 01/03/2023. Is it still on target?");
            assertThat(byKind.values()).allSatisfy(n -> assertThat(n.buttons()).extracting(Button::label)
                    .containsExactly("Done", "On target", "At risk", "New date", "Snooze 1w"));
        }
    }

    @Test
    void everyButtonMeansWhatAReplyInTheThreadMeans() {
        ReminderReplyParser parser = new ReminderReplyParser(new DateParser(
                java.time.Clock.fixed(DeliveryFixture.NINE, DeliveryFixture.LONDON), DeliveryFixture.LONDON));
        for (int snoozeDays : new int[] {7, 3, 14}) {
            for (Button b : Button.forReminder(snoozeDays)) {
                String reply = b.needsInput() ? b.reply() + " 30/06/2023" : b.reply();
                ReminderReply meaning = parser.parse(reply);
                switch (b.choice()) {
                    case DONE:
                    case ON_TARGET:
                    case AT_RISK:
                        assertThat(meaning).as(reply).isInstanceOf(ReminderReply.SetStatus.class);
                        break;
                    case NEW_DATE:
                        assertThat(meaning).as(reply).isEqualTo(new ReminderReply.NewDate(LocalDate.of(2023, 6, 30), null));
                        break;
                    default:
                        assertThat(meaning).as(reply).isInstanceOf(ReminderReply.Snooze.class);
                }
            }
        }
        assertThat(((ReminderReply.SetStatus) parser.parse("done")).kind()).isEqualTo(planbot.domain.StatusKind.COMPLETED);
        assertThat(Button.forReminder(3).get(4).reply()).isEqualTo("snooze 3d");
    }

    @Test
    void everyKindHasWording() {
        for (ReminderKind kind : List.of(ReminderKind.before(3), ReminderKind.DUE_TODAY, ReminderKind.OVERDUE,
                ReminderKind.ESCALATE_LEAD, ReminderKind.ESCALATE_MANAGER, ReminderKind.TBC_NUDGE, ReminderKind.STALE_NUDGE)) {
            ReminderNotice n = new ReminderNotice(1, "k", kind, "EN001/01", "", "EN001", null, null, 0, null, null, null,
                    null, List.of(), "t", 1);
            assertThat(n.text()).as(kind.name()).startsWith("EN001/01").doesNotContain("null");
            assertThat(n.heading()).as(kind.name()).doesNotContain("null");
        }
    }
}
