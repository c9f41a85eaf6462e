package planbot.scheduler.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import planbot.domain.PlanDate;
import planbot.domain.StatusKind;
import planbot.storage.RecipientKind;

class ReminderPlannerTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ReminderPlanner PLANNER = ReminderPlanner.of(ReminderPolicy.defaults());

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    private static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), LONDON);
    }

    private static TaskSnapshot task(long id, StatusKind status, PlanDate target) {
        return new TaskSnapshot(7, id, "EN003/0" + id, status, target, "PM", "Head of Planning",
                Instant.parse("2023-05-20T10:00:00Z"), null);
    }

    private static TaskSnapshot dueOn(LocalDate target) {
        return task(1, StatusKind.IN_PROGRESS, PlanDate.of(target));
    }

    private static List<String> kinds(List<Reminder> rs) {
        List<String> out = new ArrayList<>();
        for (Reminder r : rs) {
            out.add(r.kind() + "@" + r.date());
        }
        return out;
    }

    private static List<Reminder> plan(TaskSnapshot t, ZonedDateTime now, Set<String> decided) {
        return PLANNER.plan(List.of(t), decided::contains, now);
    }

    private static List<Reminder> plan(TaskSnapshot t, ZonedDateTime now) {
        return plan(t, now, Set.of());
    }

    @Test
    void remindsFourteenSevenAndOneWorkingDaysBeforeAndOnTheDayAtTheSendTime() {
        TaskSnapshot t = dueOn(d(2023, 5, 31));
        assertThat(kinds(plan(t, at(d(2023, 5, 10), 9, 0)))).containsExactly("BEFORE_14@2023-05-10");
        assertThat(plan(t, at(d(2023, 5, 10), 8, 59))).isEmpty();
        // 7 working days before 31 May crosses the 29 May bank holiday
        assertThat(kinds(plan(t, at(d(2023, 5, 19), 9, 0)))).containsExactly("BEFORE_7@2023-05-19");
        assertThat(kinds(plan(t, at(d(2023, 5, 30), 9, 0)))).containsExactly("BEFORE_1@2023-05-30");
        assertThat(kinds(plan(t, at(d(2023, 5, 31), 17, 0)))).containsExactly("DUE_TODAY@2023-05-31");
        Reminder r = plan(t, at(d(2023, 5, 31), 9, 0)).get(0);
        assertThat(r.key()).isEqualTo("rem:7:1:DUE_TODAY:2023-05-31");
        assertThat(r.recipient()).isEqualTo(RecipientKind.OWNER);
        assertThat(r.recipientName()).isEqualTo("PM");
    }

    @Test
    void nothingOnWeekendsOrBankHolidays() {
        TaskSnapshot t = dueOn(d(2023, 5, 31));
        assertThat(plan(t, at(d(2023, 5, 27), 12, 0))).isEmpty();
        assertThat(plan(t, at(d(2023, 5, 29), 12, 0))).isEmpty();
    }

    @Test
    void aDecidedMomentIsNotDecidedAgainLaterTheSameDayNorTheNextDay() {
        TaskSnapshot t = dueOn(d(2023, 5, 31));
        Set<String> decided = new HashSet<>();
        for (Reminder r : plan(t, at(d(2023, 5, 10), 9, 0))) {
            decided.add(r.key());
        }
        assertThat(plan(t, at(d(2023, 5, 10), 16, 45), decided)).isEmpty();
        assertThat(plan(t, at(d(2023, 5, 11), 9, 0), decided)).isEmpty();
    }

    @Test
    void overdueRepeatsEveryFiveWorkingDaysEachUnderItsOwnKeyAndEscalatesAtTenAndTwenty() {
        TaskSnapshot t = dueOn(d(2023, 5, 31));
        Set<String> decided = new HashSet<>();
        List<String> all = new ArrayList<>();
        for (LocalDate day = d(2023, 6, 1); day.isBefore(d(2023, 7, 1)); day = day.plusDays(1)) {
            for (Reminder r : plan(t, at(day, 9, 30), decided)) {
                decided.add(r.key());
                all.add(r.kind() + "@" + r.date() + (r.recipientName() == null ? "" : ">" + r.recipientName()));
            }
        }
        assertThat(all).containsExactly("OVERDUE@2023-06-01>PM", "OVERDUE@2023-06-08>PM",
                "ESCALATE_LEAD@2023-06-14>Head of Planning", "OVERDUE@2023-06-15>PM", "OVERDUE@2023-06-22>PM",
                "ESCALATE_MANAGER@2023-06-28", "OVERDUE@2023-06-29>PM");
    }

    @Test
    void escalationsWhoseMomentPassedBeforeTheTaskWasImportedAreNotSentAndLaterOnesAre() {
        // GIVEN a task due 31/05/2023 (lead escalation 14/06, manager 28/06), imported on 20/06 at 10:00
        TaskSnapshot t = dueOn(d(2023, 5, 31));
        TaskSnapshot imported = new TaskSnapshot(t.tenantId(), t.taskId(), t.ref(), t.status(), t.target(), t.owner(),
                t.lead(), t.updatedAt(), null, Instant.parse("2023-06-20T09:00:00Z"));

        // WHEN the planner runs on the import day and on 28/06
        // THEN the owner is reminded at once, the lead's slip (before the import) is never escalated, the manager's is
        assertThat(kinds(plan(imported, at(d(2023, 6, 20), 9, 30)))).containsExactly("OVERDUE@2023-06-15");
        assertThat(kinds(plan(imported, at(d(2023, 6, 28), 9, 30)))).containsExactly("OVERDUE@2023-06-22",
                "ESCALATE_MANAGER@2023-06-28");
        // AND imported on the morning of the lead's escalation day, that escalation still counts
        TaskSnapshot sameDay = new TaskSnapshot(t.tenantId(), t.taskId(), t.ref(), t.status(), t.target(), t.owner(),
                t.lead(), t.updatedAt(), null, Instant.parse("2023-06-14T07:00:00Z"));
        assertThat(kinds(plan(sameDay, at(d(2023, 6, 14), 9, 30)))).containsExactly("OVERDUE@2023-06-08",
                "ESCALATE_LEAD@2023-06-14");
        // AND a what-if run as of a day before the import (remind --at in the past) follows the policy as written
        assertThat(kinds(plan(imported, at(d(2023, 6, 15), 9, 30)))).containsExactly("OVERDUE@2023-06-15",
                "ESCALATE_LEAD@2023-06-14");
    }

    @Test
    void aTargetOnASaturdayIsOverdueOnTheMondayRatherThanDueTwice() {
        TaskSnapshot t = dueOn(d(2023, 6, 3));
        assertThat(kinds(plan(t, at(d(2023, 6, 2), 9, 0)))).containsExactly("BEFORE_1@2023-06-02");
        assertThat(kinds(plan(t, at(d(2023, 6, 5), 9, 0)))).containsExactly("OVERDUE@2023-06-05");
    }

    @Test
    void aYearsOldOverdueTaskGetsOneOverdueReminderAndItsEscalationsNotABacklog() {
        TaskSnapshot t = dueOn(d(2019, 3, 1));
        List<Reminder> rs = plan(t, at(d(2023, 6, 7), 9, 0));
        assertThat(rs).extracting(r -> r.kind().name()).containsExactly("OVERDUE", "ESCALATE_LEAD", "ESCALATE_MANAGER");
        LocalDate latestRepeat = rs.get(0).date();
        long late = PLANNER.calendar().workingDaysBetween(d(2019, 3, 1), latestRepeat);
        assertThat((late - 1) % 5).isZero();
        assertThat(latestRepeat).isBetween(d(2023, 5, 31), d(2023, 6, 7));
        assertThat(rs.get(1).date()).isEqualTo(d(2019, 3, 15));
        assertThat(rs.get(2).recipient()).isEqualTo(RecipientKind.MANAGER_CHANNEL);
    }

    @Test
    void catchUpSendsOnlyTheLatestPassedLeadTimeLate() {
        TaskSnapshot t = dueOn(d(2023, 5, 31));
        // down from 9 May to 24 May: BEFORE_14 (10 May) and BEFORE_7 (19 May) both passed unsent
        assertThat(kinds(plan(t, at(d(2023, 5, 24), 11, 0)))).containsExactly("BEFORE_7@2023-05-19");
        // and if BEFORE_14 had been sent, BEFORE_7 is still due once
        Set<String> decided = Set.of(Reminder.key(7, 1, ReminderKind.before(14), d(2023, 5, 10)));
        assertThat(kinds(plan(t, at(d(2023, 5, 24), 11, 0), decided))).containsExactly("BEFORE_7@2023-05-19");
    }

    @Test
    void finishedTbcNotApplicableOngoingAndUndatedTasksGetNoDateReminder() {
        PlanDate old = PlanDate.of(d(2023, 5, 31));
        List<TaskSnapshot> none = List.of(task(1, StatusKind.COMPLETED, old), task(2, StatusKind.CLOSED, old));
        List<TaskSnapshot> noDate = List.of(task(3, StatusKind.IN_PROGRESS, PlanDate.tbc(null, "TBC")),
                task(4, StatusKind.IN_PROGRESS, new PlanDate(PlanDate.Kind.NOT_APPLICABLE, null, PlanDate.Precision.DAY, null, null)),
                task(5, StatusKind.IN_PROGRESS, new PlanDate(PlanDate.Kind.ONGOING, null, PlanDate.Precision.DAY, null, null)),
                task(6, null, null));
        for (LocalDate day = d(2023, 1, 2); day.isBefore(d(2024, 1, 1)); day = day.plusDays(1)) {
            assertThat(PLANNER.plan(none, k -> false, at(day, 10, 0))).isEmpty();
            assertThat(PLANNER.plan(noDate, k -> false, at(day, 10, 0)))
                    .allSatisfy(r -> assertThat(r.kind().isDateReminder()).isFalse());
        }
    }

    @Test
    void tbcTasksAreAskedForADateOnTheFirstWorkingDayOfEachMonth() {
        TaskSnapshot t = task(3, StatusKind.AT_RISK, PlanDate.tbc("waiting on legal", null));
        assertThat(kinds(plan(t, at(d(2023, 6, 1), 9, 0)))).containsExactly("TBC_NUDGE@2023-06-01");
        // 1 April 2023 was a Saturday: the nudge belongs to Monday 3 April, and is caught up later in the month
        assertThat(kinds(plan(t, at(d(2023, 4, 20), 9, 0)))).containsExactly("TBC_NUDGE@2023-04-03");
    }

    @Test
    void anOpenTaskUnchangedForThirtyDaysIsNudgedOnTheNextWorkingDay() {
        TaskSnapshot t = new TaskSnapshot(7, 8, "IT012/01", StatusKind.ON_TARGET, PlanDate.of(d(2023, 12, 29)), "IT",
                null, Instant.parse("2023-04-01T12:00:00Z"), null);
        // 1 May 2023 (30 days on) was the early May bank holiday
        assertThat(kinds(plan(t, at(d(2023, 5, 2), 9, 0)))).containsExactly("STALE_NUDGE@2023-05-02");
        assertThat(plan(t, at(d(2023, 4, 28), 9, 0))).isEmpty();
        assertThat(kinds(plan(t, at(d(2023, 6, 1), 9, 0)))).containsExactly("STALE_NUDGE@2023-05-31");
    }

    @Test
    void aSnoozedTaskGetsNothingUntilItsSnoozeEndsThenItsLatestReminder() {
        TaskSnapshot t = dueOn(d(2023, 5, 31)).withSnoozedUntil(d(2023, 6, 12));
        assertThat(plan(t, at(d(2023, 6, 9), 9, 0))).isEmpty();
        assertThat(kinds(plan(t, at(d(2023, 6, 12), 9, 0)))).containsExactly("OVERDUE@2023-06-08");
    }

    @Test
    void theSendTimeIsLocalAcrossBothClockChanges() {
        TaskSnapshot t = dueOn(d(2023, 3, 27));
        // Monday after the spring change: 09:00 BST is 08:00 UTC
        assertThat(PLANNER.plan(List.of(t), k -> false, Instant.parse("2023-03-27T07:59:00Z").atZone(ZoneId.of("UTC")))).isEmpty();
        assertThat(PLANNER.plan(List.of(t), k -> false, Instant.parse("2023-03-27T08:00:00Z").atZone(ZoneId.of("UTC"))))
                .extracting(r -> r.kind().name()).containsExactly("DUE_TODAY");
        TaskSnapshot u = new TaskSnapshot(7, 2, "EN003/02", null, PlanDate.of(d(2023, 10, 30)), null, null,
                Instant.parse("2023-10-20T10:00:00Z"), null);
        assertThat(PLANNER.plan(List.of(u), k -> false, Instant.parse("2023-10-30T08:30:00Z").atZone(ZoneId.of("UTC")))).isEmpty();
        assertThat(PLANNER.plan(List.of(u), k -> false, Instant.parse("2023-10-30T09:00:00Z").atZone(ZoneId.of("UTC"))))
                .extracting(r -> r.kind().name()).containsExactly("DUE_TODAY");
    }

    @Test
    void planningWithDecidedKeysEqualsPlanningWithoutThemLessThoseKeys() {
        List<TaskSnapshot> tasks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            tasks.add(new TaskSnapshot(1, i, "T" + i, StatusKind.values()[i % StatusKind.values().length],
                    i % 9 == 0 ? PlanDate.tbc(null, null) : PlanDate.of(d(2022, 1, 1).plusDays(i * 3L)), null, null,
                    Instant.parse("2023-01-01T00:00:00Z").plusSeconds(i * 86_400L), null));
        }
        Set<String> decided = new HashSet<>();
        for (LocalDate day = d(2023, 1, 2); day.isBefore(d(2023, 12, 31)); day = day.plusDays(3)) {
            List<Reminder> all = PLANNER.plan(tasks, k -> false, at(day, 9, 0));
            List<Reminder> fresh = PLANNER.plan(tasks, decided::contains, at(day, 9, 0));
            List<Reminder> expected = new ArrayList<>(all);
            expected.removeIf(r -> decided.contains(r.key()));
            assertThat(fresh).isEqualTo(expected);
            for (int i = 0; i < fresh.size(); i += 2) {
                decided.add(fresh.get(i).key());
            }
        }
    }
}
