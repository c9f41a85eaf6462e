package planbot.scheduler.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.domain.Action;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Source;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.scheduler.calendar.WorkingCalendar;
import planbot.storage.Database;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.JdbiReminderStateRepository;
import planbot.storage.JdbiReminderTaskRepository;
import planbot.storage.OutboxRepository;
import planbot.storage.TaskQuery;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestPlans;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.TrackerReader;

/**
 * The sweep on the real sample tracker, on each database vendor: what it decides on chosen days, that it
 * decides nothing on weekends and bank holidays, never a date reminder for a finished, TBC or N/A task, never
 * the same moment twice, and that reading only the tasks that can have a moment gives the same as reading all.
 */
abstract class ReminderSweepContractTest extends DatabaseTestBase {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant IMPORTED = Instant.parse("2023-01-02T08:00:00Z");

    private Tenant tenant;
    private ReminderSweep sweep;
    private OutboxRepository outbox;
    private Map<Long, Task> tasksById;
    private Map<String, Long> idsByRef;

    ReminderSweepContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    @BeforeEach
    void theSamplePlan() throws Exception {
        stores.importer().importPlan("west-lancs", TrackerReader.read(sample(), ReadOptions.named("Planning review")),
                ImportMode.APPLY, "admin", Clock.fixed(IMPORTED, ZoneOffset.UTC));
        tenant = stores.tenants().find("west-lancs").orElseThrow();
        outbox = new JdbiOutboxRepository(db);
        sweep = sweepUnder(ReminderPolicy.defaults());
        tasksById = new HashMap<>();
        idsByRef = new HashMap<>();
        for (TaskRow row : stores.tasks().find(tenant, TaskQuery.all())) {
            tasksById.put(row.id(), row.task());
            idsByRef.put(row.ref(), row.id());
        }
    }

    /** A sweep whose installation's default policy is {@code installation}. */
    private ReminderSweep sweepUnder(ReminderPolicy installation) {
        JdbiReminderStateRepository state = new JdbiReminderStateRepository(db);
        // batches of 7: every sweep of the sample that decides more writes several, on the writer thread
        return new ReminderSweep(db, state, new PolicySource(state, installation), new JdbiReminderTaskRepository(db), outbox,
                Clock.fixed(IMPORTED, ZoneOffset.UTC), 7);
    }

    static Path sample() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("samples").resolve("planning-review-action-plan.tsv");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("samples/planning-review-action-plan.tsv not found");
    }

    private static Instant london(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), LONDON).toInstant();
    }

    private SweepResult run(Instant at) {
        return sweep.sweep(SweepRequest.allTenants(at));
    }

    private List<String> decided(SweepResult result, String ref) {
        List<String> out = new ArrayList<>();
        for (Reminder r : result.decided()) {
            if (r.taskRef().equals(ref)) {
                out.add(r.kind() + "@" + r.date());
            }
        }
        return out;
    }

    @Test
    void aSaturdayAndTheSpringBankHolidayDecideNothing() {
        assertThat(run(london(LocalDate.of(2023, 5, 27), 10, 0)).decided()).isEmpty();
        assertThat(run(london(LocalDate.of(2023, 5, 29), 10, 0)).decided()).isEmpty();
        assertThat(run(london(LocalDate.of(2023, 5, 30), 8, 59)).decided()).isEmpty();
        assertThat(outbox.keys(tenant)).isEmpty();
    }

    @Test
    void onAWorkingDayItDecidesWhatThePolicySaysAndASecondRunNothing() {
        // WHEN the first sweep runs on Wednesday 10 May 2023
        SweepResult first = run(london(LocalDate.of(2023, 5, 10), 9, 0));
        // THEN EN003/01 (in progress, due 31/05/2023) is 14 working days out, and has not changed since its import
        assertThat(decided(first, "EN003/01")).containsExactly("BEFORE_14@2023-05-10", "STALE_NUDGE@2023-05-02");
        // EN005/03 (in progress, due 31/03/2023) is overdue: its latest repeat and both escalations, no backlog
        // (Good Friday, Easter Monday and 1 May do not count as days late)
        assertThat(decided(first, "EN005/03")).containsExactly("OVERDUE@2023-05-04", "ESCALATE_LEAD@2023-04-18",
                "ESCALATE_MANAGER@2023-05-03");
        // IT002/02 (in progress, TBC) is asked for a date: 1 May was a bank holiday
        assertThat(decided(first, "IT002/02")).containsExactly("TBC_NUDGE@2023-05-02");
        // PRE004/01 (on target, due 31/10/2023) only has the stale nudge; finished tasks get nothing
        assertThat(decided(first, "PRE004/01")).containsExactly("STALE_NUDGE@2023-05-02");
        assertThat(decided(first, "ENG004/01")).isEmpty();
        assertThat(decided(first, "EN006/01")).isEmpty();
        assertThat(decided(first, "COMP002/03")).isEmpty();
        assertThat(outbox.keys(tenant)).hasSize(first.decided().size());
        assertThat(outbox.find("rem:" + tenant.id() + ":" + idsByRef.get("EN003/01") + ":BEFORE_14:2023-05-10"))
                .hasValueSatisfying(m -> {
                    assertThat(m.entry().recipientKind()).isEqualTo("OWNER");
                    assertThat(m.entry().payload()).contains("\"taskRef\":\"EN003/01\"", "\"target\":\"2023-05-31\"");
                });

        // WHEN it runs again the same day, and the next morning
        assertThat(run(london(LocalDate.of(2023, 5, 10), 9, 15)).decided()).isEmpty();
        SweepResult next = run(london(LocalDate.of(2023, 5, 11), 9, 0));
        // THEN nothing is decided twice
        assertThat(next.decided()).extracting(Reminder::key).doesNotContainAnyElementsOf(
                first.decided().stream().map(Reminder::key).toList());
        assertThat(outbox.keys(tenant)).hasSize(first.decided().size() + next.decided().size());
    }

    @Test
    void everyDayOf2023NoDateReminderForFinishedTbcOrNaTasksAndTheWindowedSweepEqualsReadingEveryTask() {
        WorkingCalendar cal = WorkingCalendar.englandAndWales();
        Set<String> all = new HashSet<>();
        Map<LocalDate, List<String>> snoozedTaskByDay = new HashMap<>();
        int dateReminders = 0;
        for (LocalDate day = LocalDate.of(2023, 1, 1); day.getYear() == 2023; day = day.plusDays(1)) {
            Instant at = london(day, 9, 30);
            if (day.equals(LocalDate.of(2023, 6, 14))) {
                // a change mid-year: EN003/01 gets a new date, EN003/02 is snoozed for a week, EN005/04 is done
                Task t = tasksById.get(idsByRef.get("EN003/01")).withTarget(PlanDate.of(LocalDate.of(2023, 7, 14)));
                stores.tasks().update(tenant, idsByRef.get("EN003/01"), t, at.minusSeconds(3600));
                stores.snoozes().snooze(tenant, idsByRef.get("EN003/02"), LocalDate.of(2023, 6, 21), "PM", Source.CLI,
                        null, at.minusSeconds(3600));
                Task done = tasksById.get(idsByRef.get("EN005/04")).withStatus(Status.of("Completed"));
                stores.tasks().update(tenant, idsByRef.get("EN005/04"), done, at.minusSeconds(3600));
                tasksById.put(idsByRef.get("EN005/04"), done);
                tasksById.put(idsByRef.get("EN003/01"), t);
            }
            SweepResult everyTask = sweep.sweep(SweepRequest.allTenants(at).readingEveryTask().asDryRun());
            SweepResult result = run(at);
            assertThat(result.decided()).as(day.toString()).containsExactlyInAnyOrderElementsOf(everyTask.decided());
            if (!cal.isWorkingDay(day)) {
                assertThat(result.decided()).as(day.toString()).isEmpty();
            }
            for (Reminder r : result.decided()) {
                assertThat(all.add(r.key())).as("decided twice: " + r.key()).isTrue();
                if (r.taskRef().equals("EN003/02")) {
                    snoozedTaskByDay.computeIfAbsent(day, k -> new ArrayList<>()).add(r.kind() + "@" + r.date());
                }
                Task t = tasksById.get(r.taskId());
                assertThat(t.status() == null || !t.status().kind().isFinished()).as(r.key()).isTrue();
                if (r.kind().isDateReminder()) {
                    dateReminders++;
                    assertThat(t.target()).as(r.key()).isNotNull();
                    assertThat(t.target().kind()).as(r.key()).isEqualTo(PlanDate.Kind.DATE);
                }
            }
            assertThat(run(at.plusSeconds(600)).decided()).as("second run on " + day).isEmpty();
        }
        assertThat(dateReminders).isGreaterThan(100);
        assertThat(all).contains("rem:" + tenant.id() + ":" + idsByRef.get("EN003/01") + ":DUE_TODAY:2023-07-14");
        // EN003/02 (due 31 May) was snoozed on 14 June until 21 June: its 15 June repeat and its escalation of
        // 14 June came on the 21st, late, once
        assertThat(snoozedTaskByDay.get(LocalDate.of(2023, 6, 8))).containsExactly("OVERDUE@2023-06-08");
        for (LocalDate day = LocalDate.of(2023, 6, 14); day.isBefore(LocalDate.of(2023, 6, 21)); day = day.plusDays(1)) {
            assertThat(snoozedTaskByDay.get(day)).as(day.toString()).isNull();
        }
        assertThat(snoozedTaskByDay.get(LocalDate.of(2023, 6, 21))).containsExactly("OVERDUE@2023-06-15",
                "ESCALATE_LEAD@2023-06-14");
        assertThat(snoozedTaskByDay.get(LocalDate.of(2023, 6, 22))).containsExactly("OVERDUE@2023-06-22");
    }

    @Test
    void afterDowntimeOnlyTheLatestLeadTimeIsSentLateAndOvertakenOnesAreDropped() {
        // GIVEN daily sweeps until Friday 5 May, then the service is down until Wednesday 24 May
        for (LocalDate day = LocalDate.of(2023, 5, 2); !day.isAfter(LocalDate.of(2023, 5, 5)); day = day.plusDays(1)) {
            run(london(day, 9, 0));
        }
        // WHEN it starts again
        SweepResult catchUp = run(london(LocalDate.of(2023, 5, 24), 11, 20));
        // THEN EN003/01 (due 31 May) gets the 7-day reminder of 19 May, late, and never the 14-day one of 10 May
        assertThat(decided(catchUp, "EN003/01")).containsExactly("BEFORE_7@2023-05-19");
        assertThat(outbox.keys(tenant)).noneMatch(k -> k.contains(":BEFORE_14:2023-05-10"));
        // and EN005/03 (overdue since 31 March) gets the repeat that fell while it was down
        assertThat(decided(catchUp, "EN005/03")).containsExactly("OVERDUE@2023-05-19"); // the coronation holiday of 8 May shifts it
    }

    @Test
    void aPlanOfYearsOldOverdueTasksGetsOneOverdueReminderPerTask() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            tasks.add(new Task(String.format("OLD001/%02d", i), "Old task " + i, Status.of(i % 2 == 0 ? "Delayed" : "In progress"),
                    "Short", null, PlanDate.of(LocalDate.of(2015, 1, 5).plusDays(i * 37L)), null, "Officer " + i, null));
        }
        Plan old = new Plan("Old plan", TestPlans.REVIEW_LAYOUT, List.of(new Section("OLD", List.of(
                new Action("OLD001", "OLD 001", "Clear the old actions", Status.of("Delayed"), "Head of Planning", null, tasks)))));
        stores.importer().importPlan("old-council", TestPlans.read(old), ImportMode.APPLY, "admin",
                Clock.fixed(Instant.parse("2023-06-01T08:00:00Z"), ZoneOffset.UTC));
        Tenant oldCouncil = stores.tenants().find("old-council").orElseThrow();

        SweepResult first = sweep.sweep(SweepRequest.of(oldCouncil, london(LocalDate.of(2023, 6, 7), 9, 0)));
        Map<Long, Integer> overduePerTask = new HashMap<>();
        for (Reminder r : first.decided()) {
            assertThat(r.tenantId()).isEqualTo(oldCouncil.id());
            if (r.kind().equals(ReminderKind.OVERDUE)) {
                overduePerTask.merge(r.taskId(), 1, Integer::sum);
                assertThat(r.date()).isBetween(LocalDate.of(2023, 5, 31), LocalDate.of(2023, 6, 7));
            }
        }
        assertThat(overduePerTask).hasSize(60).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        // and no escalations: every one of those slips happened before planbot saw the plan (the digest lists them)
        assertThat(first.decided()).hasSize(60);
        assertThat(sweep.sweep(SweepRequest.of(oldCouncil, london(LocalDate.of(2023, 6, 8), 9, 0))).decided())
                .allSatisfy(r -> assertThat(r.kind()).isEqualTo(ReminderKind.OVERDUE));
    }

    @Test
    void sweepsEveryQuarterHourAcrossBothClockChangesDecideEachReminderOnceAndNeverBeforeNineLocal() {
        // GIVEN tasks due on the Mondays after each change
        Task spring = tasksById.get(idsByRef.get("EN003/03")).withTarget(PlanDate.of(LocalDate.of(2023, 3, 27)));
        Task autumn = tasksById.get(idsByRef.get("EN003/04")).withTarget(PlanDate.of(LocalDate.of(2023, 10, 30)));
        stores.tasks().update(tenant, idsByRef.get("EN003/03"), spring, IMPORTED);
        stores.tasks().update(tenant, idsByRef.get("EN003/04"), autumn, IMPORTED);
        Set<String> keys = new HashSet<>();
        Map<String, Instant> when = new HashMap<>();
        for (Instant[] span : new Instant[][] {
                {Instant.parse("2023-03-24T00:00:00Z"), Instant.parse("2023-03-28T12:00:00Z")},
                {Instant.parse("2023-10-27T00:00:00Z"), Instant.parse("2023-10-31T12:00:00Z")}}) {
            for (Instant at = span[0]; at.isBefore(span[1]); at = at.plusSeconds(900)) {
                SweepResult r = run(at);
                ZonedDateTime local = at.atZone(LONDON);
                if (local.toLocalTime().isBefore(LocalTime.of(9, 0))) {
                    assertThat(r.decided()).as(local.toString()).isEmpty();
                }
                for (Reminder rem : r.decided()) {
                    assertThat(keys.add(rem.key())).as("twice: " + rem.key()).isTrue();
                    when.put(rem.taskRef() + " " + rem.kind(), at);
                }
            }
        }
        // THEN each came at 09:00 London time: 08:00 UTC in summer time, 09:00 UTC after it
        assertThat(when.get("EN003/03 DUE_TODAY")).isEqualTo(Instant.parse("2023-03-27T08:00:00Z"));
        assertThat(when.get("EN003/04 DUE_TODAY")).isEqualTo(Instant.parse("2023-10-30T09:00:00Z"));
        assertThat(when.get("EN003/04 BEFORE_1")).isEqualTo(Instant.parse("2023-10-27T08:00:00Z"));
    }

    @Test
    void aDryRunDecidesTheSameButWritesNothing() {
        Instant at = london(LocalDate.of(2023, 5, 10), 9, 0);
        SweepResult dry = sweep.sweep(SweepRequest.allTenants(at).asDryRun());
        assertThat(dry.decided()).isNotEmpty();
        assertThat(outbox.keys(tenant)).isEmpty();
        assertThat(run(at).decided()).containsExactlyElementsOf(dry.decided());
    }

    @Test
    void aTenantsOwnPolicyAndClosureDaysAreHonoured() {
        new JdbiReminderStateRepository(db).savePolicy(tenant,
                ReminderPolicy.parse("lead=3 escalate-manager=off closed=2023-05-25 send-at=10:00").format(), IMPORTED);
        assertThat(run(london(LocalDate.of(2023, 5, 25), 11, 0)).decided()).isEmpty();
        assertThat(run(london(LocalDate.of(2023, 5, 26), 9, 30)).decided()).isEmpty();
        SweepResult r = run(london(LocalDate.of(2023, 5, 26), 10, 0));
        // 3 working days before 31 May, skipping the closure on 25 May and the holiday on 29 May, is 24 May
        assertThat(decided(r, "EN003/01")).contains("BEFORE_3@2023-05-24");
        assertThat(r.decided()).noneMatch(x -> x.kind().equals(ReminderKind.ESCALATE_MANAGER));
    }

    @Test
    void aSweepUnderAConfiguredDefaultDecidesByIt() {
        // GIVEN an installation whose default is 3 working days' notice at 10:00, and a tenant that changed nothing
        sweep = sweepUnder(ReminderPolicy.parse("lead=3 send-at=10:00"));
        // WHEN it sweeps before and at 10:00 on Friday 26 May 2023
        SweepResult early = run(london(LocalDate.of(2023, 5, 26), 9, 30));
        SweepResult r = run(london(LocalDate.of(2023, 5, 26), 10, 0));
        // THEN nothing is sent before 10:00, and EN003/01 (due 31 May) gets its 3-day reminder, not a 14- or 7-day one
        assertThat(early.decided()).isEmpty();
        assertThat(decided(r, "EN003/01")).contains("BEFORE_3@2023-05-25").noneMatch(d -> d.startsWith("BEFORE_7"));
    }

    @Test
    void aTenantsStoredChangeWinsOverTheConfiguredDefaultAndTheRestFollowsIt() {
        // GIVEN an installation default of 3 days' notice at 10:00, and a tenant that changed only its send time
        ReminderPolicy installation = ReminderPolicy.parse("lead=3 send-at=10:00");
        JdbiReminderStateRepository state = new JdbiReminderStateRepository(db);
        PolicySource.Change change = new PolicySource(state, installation).change(tenant, "send-at=11:00", IMPORTED);
        sweep = sweepUnder(installation);
        // WHEN it sweeps at 10:00 and at 11:00 on Friday 26 May 2023
        SweepResult atTen = run(london(LocalDate.of(2023, 5, 26), 10, 0));
        SweepResult r = run(london(LocalDate.of(2023, 5, 26), 11, 0));
        // THEN the tenant's 11:00 wins, its lead time is still the installation's, and only the change is stored
        assertThat(change.after().sendAt()).isEqualTo(LocalTime.of(11, 0));
        assertThat(atTen.decided()).isEmpty();
        assertThat(decided(r, "EN003/01")).contains("BEFORE_3@2023-05-25");
        assertThat(state.policy(tenant)).contains("send-at=11:00");
    }
}
