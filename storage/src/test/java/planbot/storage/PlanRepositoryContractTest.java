package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import planbot.domain.Action;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.Section;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestDatabases;
import planbot.storage.testing.TestPlans;
import planbot.tracker.ImportMode;

/** What every {@link PlanRepository} must do; one subclass per database vendor. Plans are stored by importing them. */
abstract class PlanRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");

    PlanRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    private Tenant store(String tenantSlug, Plan plan) {
        stores.importer().importPlan(tenantSlug, TestPlans.read(plan), ImportMode.APPLY, "admin", Clock.fixed(NOW, ZoneOffset.UTC));
        return stores.tenants().find(tenantSlug).orElseThrow();
    }

    @Test
    void loadGivesBackThePlanThatWasStoredWithEveryDateKindAndPrecision() {
        // GIVEN a plan with DATE (day and month), TBC, N/A, Ongoing and missing dates, an empty section and a nameless one
        Plan plan = TestPlans.review("Planning Review 2023");
        Tenant tenant = store("welwyn-hatfield", plan);
        // WHEN it is loaded
        // THEN it equals what was stored, field for field
        assertThat(stores.plans().load(tenant, "Planning Review 2023")).contains(plan);
    }

    @Test
    void loadOfAnUnknownPlanIsEmpty() {
        Tenant tenant = store("welwyn-hatfield", TestPlans.review("Review"));
        assertThat(stores.plans().load(tenant, "Other")).isEmpty();
    }

    @Test
    void planNamesAreTheTenantsOwnSorted() {
        store("welwyn-hatfield", TestPlans.review("Review"));
        Tenant tenant = store("welwyn-hatfield", TestPlans.review("Activity plan"));
        store("stevenage", TestPlans.review("Stevenage plan"));
        assertThat(stores.plans().planNames(tenant)).containsExactly("Activity plan", "Review");
    }

    @Test
    void anotherTenantsPlanWithTheSameRefsIsInvisible() {
        // GIVEN two tenants with plans of the same name and refs but different content
        Plan ours = TestPlans.review("Review");
        Tenant tenant = store("welwyn-hatfield", ours);
        Plan theirs = TestPlans.replaceTask(ours, new Task("EN003/01", "Their task", Status.of("Delayed"), null, null,
                null, null, "Their owner", null));
        Tenant other = store("stevenage", theirs);
        // THEN every read of the first tenant sees only its own rows
        assertThat(stores.plans().load(tenant, "Review")).contains(ours);
        assertThat(stores.plans().load(other, "Review")).contains(theirs);
        assertThat(stores.plans().findTasks(tenant, "EN003/01")).singleElement()
                .satisfies(row -> assertThat(row.task().description()).isEqualTo("Draft the policy"));
        assertThat(stores.plans().findActions(tenant, "EN003")).singleElement()
                .satisfies(row -> assertThat(row.action().tasks().get(0).description()).isEqualTo("Draft the policy"));
        assertThat(stores.plans().tasks(tenant)).extracting(TaskRow::task).containsExactlyElementsOf(ours.tasks().toList());
    }

    @Test
    void findTasksLooksAcrossTheTenantsPlans() {
        // GIVEN the same ref in two plans of one tenant
        store("welwyn-hatfield", TestPlans.review("Review A"));
        Tenant tenant = store("welwyn-hatfield", TestPlans.review("Review B"));
        // WHEN the ref is looked up
        List<TaskRow> rows = stores.plans().findTasks(tenant, "EN003/02");
        // THEN both are found, each with where it sits
        assertThat(rows).extracting(TaskRow::planName).containsExactly("Review A", "Review B");
        assertThat(rows.get(0).sectionName()).isEqualTo("PLANNING ENFORCEMENT");
        assertThat(rows.get(0).actionKey()).isEqualTo("EN003");
        assertThat(rows.get(0).position()).isEqualTo(1);
        assertThat(stores.plans().findTasks(tenant, "EN999/01")).isEmpty();
    }

    @Test
    void findActionsMatchesKeyOrLabelAndBringsTheTasks() {
        Plan plan = TestPlans.review("Review");
        Tenant tenant = store("welwyn-hatfield", plan);
        Action en003 = plan.sections().get(0).actions().get(0);
        assertThat(stores.plans().findActions(tenant, "EN003")).extracting(ActionRow::action).containsExactly(en003);
        assertThat(stores.plans().findActions(tenant, "ENFORCEMENT 003")).extracting(ActionRow::action).containsExactly(en003);
        assertThat(stores.plans().findActions(tenant, "IT INFRASTRUCURE 012")).singleElement()
                .satisfies(row -> assertThat(row.sectionName()).isEmpty());
        assertThat(stores.plans().findActions(tenant, "ENFORCEMENT 999")).isEmpty();
    }

    @Test
    void tasksListsEveryTaskWithItsActionAndSectionInPlanOrder() {
        Plan plan = TestPlans.review("Review");
        Tenant tenant = store("welwyn-hatfield", plan);
        List<TaskRow> rows = stores.plans().tasks(tenant);
        assertThat(rows).extracting(TaskRow::ref)
                .containsExactly("EN003/01", "EN003/02", "EN003/03", "EN004/01", "EN004/02", "EN004/03", "IT012/01");
        assertThat(rows.get(6).actionKey()).isEqualTo("IT012");
        assertThat(rows.get(6).sectionName()).isEmpty();
        assertThat(rows.get(3).sectionName()).isEqualTo("PLANNING ENFORCEMENT");
    }

    @Test
    void saveRowsMovesATaskToAnotherActionAndUpdatesItInPlace() {
        // GIVEN a stored plan
        Tenant tenant = store("welwyn-hatfield", TestPlans.review("Review"));
        TaskRow row = stores.plans().findTasks(tenant, "EN004/03").get(0);
        // WHEN the task is written under another action with a new description
        Task changed = new Task("EN004/03", "Moved", null, null, null, null, null, null, null);
        stores.plans().saveRows(tenant, planId(tenant, "Review"), List.of(), List.of(),
                List.of(new TaskRow(row.id(), "Review", "", "IT012", 1, changed)), NOW);
        // THEN it sits there, with the same id
        TaskRow moved = stores.plans().findTasks(tenant, "EN004/03").get(0);
        assertThat(moved).isEqualTo(new TaskRow(row.id(), "Review", "", "IT012", 1, changed));
    }

    @Test
    void saveRowsRefusesAnotherTenantsPlanAndWritesNothing() {
        // GIVEN two tenants with a plan each
        Tenant tenant = store("welwyn-hatfield", TestPlans.review("Review"));
        Tenant other = store("stevenage", TestPlans.review("Review"));
        var before = TestDatabases.dump(db);
        // WHEN the first tenant writes into the other's plan, or updates the other's row by id
        long theirPlan = planId(other, "Review");
        long theirTask = stores.plans().findTasks(other, "EN003/01").get(0).id();
        Task task = new Task("EN003/01", "hijacked", null, null, null, null, null, null, null);
        assertThatThrownBy(() -> stores.plans().saveRows(tenant, theirPlan, List.of(new SectionRow(0, "X", 9)),
                List.of(), List.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stores.plans().saveRows(tenant, planId(tenant, "Review"), List.of(), List.of(),
                List.of(new TaskRow(theirTask, "Review", "", "EN003", 0, task)), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        // THEN nothing was written
        assertThat(TestDatabases.dump(db)).isEqualTo(before);
    }

    @Test
    void saveRowsCanAddAWholeNewBranchInOneCall() {
        Tenant tenant = store("welwyn-hatfield", TestPlans.review("Review"));
        Task task = new Task("NEW001/01", "New task", Status.of("Not started"), null, null, null, null, "HoP", null);
        Action action = new Action("NEW001", "NEW 001", "New recommendation", null, null, null, List.of(task));
        stores.plans().saveRows(tenant, planId(tenant, "Review"), List.of(new SectionRow(0, "NEW SECTION", 3)),
                List.of(new ActionRow(0, "Review", "NEW SECTION", 0, action)),
                List.of(new TaskRow(0, "Review", "NEW SECTION", "NEW001", 0, task)), NOW);
        Plan loaded = stores.plans().load(tenant, "Review").orElseThrow();
        assertThat(loaded.sections()).last().isEqualTo(new Section("NEW SECTION", List.of(action)));
    }

    @Test
    void storedLayoutComesBackAsStored() {
        Layout layout = new Layout(Layout.Shape.ACTIVITY, List.of(new Layout.Column("Workstream", Layout.Role.SECTION),
                new Layout.Column("Timescale \"approx\"", Layout.Role.TIMESCALE), new Layout.Column("", Layout.Role.IGNORED)));
        Plan plan = new Plan("Activity", layout, List.of());
        Tenant tenant = store("welwyn-hatfield", plan);
        assertThat(stores.plans().load(tenant, "Activity")).contains(plan);
    }

    private long planId(Tenant tenant, String name) {
        return stores.plans().stored(tenant, name).orElseThrow().id();
    }
}
