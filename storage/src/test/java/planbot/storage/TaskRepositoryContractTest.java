package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.domain.PlanDate;
import planbot.domain.Source;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestPlans;
import planbot.tracker.ImportMode;

/** What every {@link TaskRepository} (and {@link SnoozeRepository}) must do; one subclass per database vendor. */
abstract class TaskRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");

    private Tenant tenant;
    private Tenant other;
    private TaskRepository tasks;

    TaskRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    @BeforeEach
    void twoTenantsWithTheSameRefs() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        stores.importer().importPlan("welwyn", TestPlans.read(TestPlans.review("Review")), ImportMode.APPLY, "test", clock);
        stores.importer().importPlan("stevenage", TestPlans.read(TestPlans.review("Review")), ImportMode.APPLY, "test", clock);
        tenant = stores.tenants().find("welwyn").orElseThrow();
        other = stores.tenants().find("stevenage").orElseThrow();
        tasks = stores.tasks();
    }

    @Test
    void findsATaskByItsRefKeyWhateverTheZeroPaddingAndOnlyInItsTenant() {
        // WHEN EN003/01 is looked up by its key EN3/1
        List<TaskInAction> found = tasks.findTasksByKey(tenant, "EN3/1");
        // THEN exactly this tenant's task comes back, with where it sits and its action's name and lead
        assertThat(found).hasSize(1);
        assertThat(found.get(0).task().ref()).isEqualTo("EN003/01");
        assertThat(found.get(0).task().actionKey()).isEqualTo("EN003");
        assertThat(found.get(0).task().sectionName()).isEqualTo("PLANNING ENFORCEMENT");
        assertThat(found.get(0).actionName()).isEqualTo("ENFORCEMENT 003");
        assertThat(found.get(0).actionLead()).isEqualTo("Head of Planning");
        assertThat(tasks.findTasksByKey(tenant, "EN3/9")).isEmpty();
    }

    @Test
    void findsAnActionByKeyOrByLabelWithItsTasks() {
        // WHEN EN003 is looked up by its key and by its label's key
        List<ActionRow> byKey = tasks.findActionsByKey(tenant, "EN3");
        List<ActionRow> byLabel = tasks.findActionsByKey(tenant, "ENFORCEMENT3");
        // THEN both find the one action with its three tasks
        assertThat(byKey).hasSize(1);
        assertThat(byLabel).extracting(ActionRow::key).containsExactly("EN003");
        assertThat(byKey.get(0).action().tasks()).extracting(Task::ref).containsExactly("EN003/01", "EN003/02", "EN003/03");
    }

    @Test
    void theRefIndexListsEveryActionAndTaskOfTheTenantOnly() {
        // WHEN the index is read
        List<RefIndexEntry> index = tasks.refIndex(tenant);
        // THEN it has the plan's 3 actions and 7 tasks, nothing of the other tenant's copy
        assertThat(index.stream().filter(e -> !e.isTask())).hasSize(3);
        assertThat(index.stream().filter(RefIndexEntry::isTask)).hasSize(7);
        assertThat(index).contains(new RefIndexEntry("Review", "IT012", "IT INFRASTRUCURE 012", null));
    }

    @Test
    void findFiltersByOwnerStatusSectionOpennessAndDueDatesSoonestFirst() {
        // WHEN tasks are queried several ways
        List<TaskRow> hop = tasks.find(tenant, TaskQuery.all().ownedBy("hop"));
        List<TaskRow> openDated = tasks.find(tenant, TaskQuery.all().open().dueOnOrAfter(LocalDate.of(2020, 1, 1)));
        List<TaskRow> overdueIn2025 = tasks.find(tenant, TaskQuery.all().open().dueBefore(LocalDate.of(2025, 1, 1)));
        List<TaskRow> completed = tasks.find(tenant, TaskQuery.all().withStatus("COMPLETED"));
        List<TaskRow> enforcement = tasks.find(tenant, TaskQuery.all().open().inSection("enforcement"));
        // THEN each gives exactly the matching tasks, soonest real target date first
        assertThat(hop).extracting(TaskRow::ref).containsExactly("EN003/01", "EN004/01"); // dated first, N/A after
        assertThat(openDated).extracting(TaskRow::ref).containsExactly("IT012/01", "EN003/02");
        assertThat(overdueIn2025).extracting(TaskRow::ref).containsExactly("IT012/01");
        assertThat(completed).extracting(TaskRow::ref).containsExactly("EN003/01");
        assertThat(enforcement).extracting(TaskRow::ref).containsExactly("EN003/02", "EN003/03", "EN004/01", "EN004/03");
        assertThat(tasks.find(tenant, TaskQuery.all().limit(2))).hasSize(2);
    }

    @Test
    void searchNeedsEveryWordAndTreatsLikeWildcardsAsText() {
        assertThat(tasks.search(tenant, List.of("draft", "POLICY"), 10)).extracting(TaskRow::ref).containsExactly("EN003/01");
        assertThat(tasks.search(tenant, List.of("draft", "members"), 10)).isEmpty();
        assertThat(tasks.search(tenant, List.of("%"), 10)).isEmpty();
        assertThat(tasks.search(tenant, List.of("£"), 10)).extracting(TaskRow::ref).containsExactly("EN004/02");
    }

    @Test
    void updateReplacesOneTasksContentAndStampsTheTime() {
        // GIVEN a task
        TaskRow row = tasks.findTasksByKey(tenant, "EN3/2").get(0).task();
        Task changed = row.task().withStatus(Status.of("Completed")).withTarget(PlanDate.of(LocalDate.of(2025, 9, 30)));
        Instant later = NOW.plusSeconds(3600);
        // WHEN it is updated
        tasks.update(tenant, row.id(), changed, later);
        // THEN it reads back changed, with the new time; the other tenant's copy is untouched
        assertThat(tasks.get(tenant, row.id()).orElseThrow().task()).isEqualTo(changed);
        assertThat(tasks.updatedAt(tenant, row.id())).contains(later);
        assertThat(tasks.findTasksByKey(other, "EN3/2").get(0).task().task()).isEqualTo(row.task());
    }

    @Test
    void aTaskOfAnotherTenantCanBeNeitherReadNorWrittenById() {
        TaskRow theirs = tasks.findTasksByKey(other, "EN3/1").get(0).task();
        assertThat(tasks.get(tenant, theirs.id())).isEmpty();
        assertThatThrownBy(() -> tasks.update(tenant, theirs.id(), theirs.task().withNotes("hijack"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tasks.get(other, theirs.id()).orElseThrow().task().notes()).isNull();
    }

    @Test
    void theLatestSnoozeIsInForceAndAnotherTenantsTaskCannotBeSnoozed() {
        TaskRow row = tasks.findTasksByKey(tenant, "EN3/2").get(0).task();
        TaskRow theirs = tasks.findTasksByKey(other, "EN3/2").get(0).task();
        SnoozeRepository snoozes = stores.snoozes();
        assertThat(snoozes.snoozedUntil(tenant, row.id())).isEmpty();
        snoozes.snooze(tenant, row.id(), LocalDate.of(2024, 5, 8), "PM", Source.CONSOLE, "on leave", NOW);
        snoozes.snooze(tenant, row.id(), LocalDate.of(2024, 5, 15), "PM", Source.CONSOLE, null, NOW.plusSeconds(60));
        snoozes.snooze(tenant, theirs.id(), LocalDate.of(2030, 1, 1), "PM", Source.CONSOLE, null, NOW);
        assertThat(snoozes.snoozedUntil(tenant, row.id())).contains(LocalDate.of(2024, 5, 15));
        assertThat(snoozes.snoozedUntil(other, theirs.id())).isEmpty();
    }
}
