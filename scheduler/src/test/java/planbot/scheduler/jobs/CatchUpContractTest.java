package planbot.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.scheduler.jobs.Wiring.london;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import planbot.domain.Action;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.scheduler.digest.DigestSchedule;
import planbot.scheduler.reminder.ReminderKind;
import planbot.storage.Database;
import planbot.storage.SubscriptionSpec;
import planbot.storage.TaskRow;
import planbot.storage.TaskQuery;
import planbot.storage.Tenant;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestPlans;

/**
 * A service that was down for three weeks catches up by itself when it starts again: one digest, for the
 * current week, covering everything since the last one; and per task the latest reminder of each kind, never
 * the backlog of the ones it overtook.
 */
abstract class CatchUpContractTest extends DatabaseTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    CatchUpContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    private static Plan plan(String fifthStatus) {
        return new Plan("Review", TestPlans.REVIEW_LAYOUT, List.of(new Section("SECTION", List.of(
                new Action("CU001", "CATCH UP 001", "Recommendation", Status.of("On target"), "Lead", null, List.of(
                        task("CU001/01", "On target", LocalDate.of(2023, 5, 12)),  // falls due while down
                        task("CU001/02", "On target", LocalDate.of(2023, 5, 30)),  // 14 and 7 days before pass while down
                        task("CU001/03", "On target", LocalDate.of(2023, 5, 24)),  // due the day it comes back
                        task("CU001/04", "Delayed", LocalDate.of(2023, 4, 28)),    // overdue before it went down
                        task("CU001/05", fifthStatus, LocalDate.of(2023, 6, 30))))))));
    }

    private static Task task(String ref, String status, LocalDate target) {
        return new Task(ref, "Task " + ref, Status.of(status), "Short", null, PlanDate.of(target), null, "Officer", null);
    }

    @Test
    void threeWeeksDownThenOneDigestForThisWeekAndTheLatestReminderOfEachKindPerTask() throws Exception {
        // GIVEN a plan and a Monday 09:00 digest subscription
        MovingClock clock = new MovingClock(london("2023-04-03T10:00"));
        Wiring w = new Wiring(db, clock);
        w.importPlan("council", plan("In progress"), clock.instant());
        Tenant tenant = w.stores.tenants().find("council").orElseThrow();
        w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", null, null), clock.instant());
        // (hourly: Quartz's own fires are not what this is about; were one to come, it would decide the same)
        SchedulerConfig config = SchedulerConfig.defaults().withSweepEvery(Duration.ofHours(1))
                .withDigestEvery(Duration.ofHours(1)).withInstanceId("catch-up");
        // … and a service that ran on Tuesday 2 May (after the bank holiday) and then went down
        clock.set(london("2023-05-02T09:00"));
        SchedulerService up = w.scheduler(config);
        up.start();
        up.stop();
        List<String> sentBefore = w.reminderKeys();
        assertThat(w.digestKeys()).containsExactly("dig:council:slack:C1:2023-W18");
        // … while it was down, CU001/05 was completed (an import on 10 May)
        w.importPlan("council", plan("Completed"), london("2023-05-10T15:00"));

        // WHEN it starts again on Wednesday 24 May at 10:00, three Mondays later
        clock.set(london("2023-05-24T10:00"));
        SchedulerService back = w.scheduler(config.withInstanceId("catch-up-2"));
        back.start();
        back.stop();

        // THEN one digest, this week's, none for the weeks missed
        assertThat(w.digestKeys()).containsExactly("dig:council:slack:C1:2023-W18", "dig:council:slack:C1:2023-W21");
        JsonNode p = JSON.readTree(w.outbox.find("dig:council:slack:C1:2023-W21").orElseThrow().entry().payload());
        // … covering all three weeks since the last one: the task completed on 10 May is in it
        assertThat(p.get("since").asText()).isEqualTo("2023-05-02T08:00:00Z");
        assertThat(p.get("slot").asText()).isEqualTo(DigestSchedule.latestSlot(
                planbot.scheduler.digest.Subscription.weekly("council", "slack:C1", null, null), clock.instant())
                .at().toInstant().toString());
        assertThat(p.get("completed").asInt()).isEqualTo(1);

        // … and per task at most one reminder of each family: the latest moment, the ones it overtook dropped
        Map<String, String> refs = new HashMap<>();
        for (TaskRow row : w.stores.tasks().find(tenant, TaskQuery.all())) {
            refs.put(Long.toString(row.id()), row.ref());
        }
        List<String> caughtUp = new ArrayList<>(w.reminderKeys());
        caughtUp.removeAll(sentBefore);
        Map<String, List<String>> byTaskAndFamily = new HashMap<>();
        Map<String, String> dateReminder = new HashMap<>();
        for (String key : caughtUp) {
            String[] parts = key.split(":"); // rem:{tenant}:{task}:{kind}:{date}
            String ref = refs.get(parts[2]);
            ReminderKind kind = ReminderKind.parse(parts[3]);
            byTaskAndFamily.computeIfAbsent(ref + " " + kind.family(), k -> new ArrayList<>()).add(parts[3] + "@" + parts[4]);
            if (kind.family() == ReminderKind.Family.DATE) {
                dateReminder.put(ref, parts[3]);
            }
        }
        assertThat(byTaskAndFamily.values()).allSatisfy(v -> assertThat(v).hasSize(1));
        assertThat(dateReminder).containsOnly(
                Map.entry("CU001/01", "OVERDUE"),      // not BEFORE_7, BEFORE_1, DUE_TODAY as well
                Map.entry("CU001/02", "BEFORE_7"),     // not BEFORE_14 as well
                Map.entry("CU001/03", "DUE_TODAY"),
                Map.entry("CU001/04", "OVERDUE"));     // one repeat, not one per five working days missed
        assertThat(byTaskAndFamily).containsKey("CU001/04 ESCALATE_LEAD"); // 10 working days late while down
        assertThat(byTaskAndFamily.keySet()).noneMatch(k -> k.startsWith("CU001/05")); // completed

        // WHEN it sweeps again at once (the first Quartz fire) THEN nothing more
        List<String> all = w.reminderKeys();
        SchedulerService again = w.scheduler(config.withInstanceId("catch-up-3"));
        assertThat(again.sweepNow()).isTrue();
        assertThat(w.reminderKeys()).isEqualTo(all);
        assertThat(w.duplicateKeys()).isEmpty();
    }
}
