package planbot.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import planbot.domain.Action;
import planbot.domain.AuditEvent;
import planbot.domain.DateRevision;
import planbot.domain.Layout;
import planbot.domain.Person;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Role;
import planbot.domain.Section;
import planbot.domain.Source;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.domain.UserFixableException;
import planbot.storage.Database;
import planbot.storage.StorageException;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestDatabases;
import planbot.storage.testing.TestPlans;
import planbot.tracker.read.ReadResult;

/** What {@link ImportService} must do on every database vendor; one subclass per vendor. */
abstract class ImportServiceContractTest extends DatabaseTestBase {
    private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");
    private static final Clock FIRST = Clock.fixed(T0, ZoneOffset.UTC);
    private static final Clock LATER = Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    ImportServiceContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    private ImportReport apply(String tenant, Plan plan, Clock clock) {
        return stores.importer().importPlan(tenant, TestPlans.read(plan), ImportMode.APPLY, "admin", clock);
    }

    private Tenant tenant(String slug) {
        return stores.tenants().find(slug).orElseThrow();
    }

    @Test
    void aFirstImportCreatesThePlanAndReportsWhatItFound() {
        // GIVEN a reader's result with a problem and a notice
        Plan plan = TestPlans.review("Review");
        ReadResult read = new ReadResult(plan, List.of(new Problem(12, "Target Date", "31/02/2023", "no such date; kept as text")),
                List.of("row 7: REF split over two cells joined"));
        // WHEN it is imported into a new tenant
        ImportReport report = stores.importer().importPlan("welwyn-hatfield", read, ImportMode.APPLY, "admin", FIRST);
        // THEN the report counts the file and says everything was created
        assertThat(report.tenant()).isEqualTo("welwyn-hatfield");
        assertThat(report.plan()).isEqualTo("Review");
        assertThat(report.dryRun()).isFalse();
        assertThat(report.sections()).isEqualTo(3);
        assertThat(report.actions()).isEqualTo(3);
        assertThat(report.tasks()).isEqualTo(7);
        assertThat(report.datedTasks()).isEqualTo(3);
        assertThat(report.statuses()).containsExactly(Map.entry("Completed", 1), Map.entry("On target", 1),
                Map.entry("At risk", 1), Map.entry("Parked", 1), Map.entry("Closed – no longer required", 1),
                Map.entry("In progress", 1));
        assertThat(report.actionStatuses()).containsExactly(Map.entry("On target", 1), Map.entry("Delayed", 1));
        assertThat(report.actionChanges()).isEqualTo(new ImportReport.Changes(3, 0, 0, List.of()));
        assertThat(report.taskChanges()).isEqualTo(new ImportReport.Changes(7, 0, 0, List.of()));
        assertThat(report.problems()).isEqualTo(read.problems());
        assertThat(report.notices()).isEqualTo(read.notices());
        // AND the plan is stored as read, with one summary audit event rather than one per row
        Tenant tenant = tenant("welwyn-hatfield");
        assertThat(stores.plans().load(tenant, "Review")).contains(plan);
        assertThat(TestDatabases.counts(db).get("audit_event")).isEqualTo(1);
        AuditEvent summary = stores.audit().list(tenant, "Review").get(0);
        assertThat(summary.entity()).isEqualTo("plan");
        assertThat(summary.change()).isEqualTo("imported");
        assertThat(summary.source()).isEqualTo(Source.IMPORT);
        assertThat(summary.actor()).isEqualTo("admin");
        assertThat(json(summary.after()).get("tasksCreated").asInt()).isEqualTo(7);
        assertThat(TestDatabases.counts(db).get("target_date_revision")).isZero();
    }

    @Test
    void ownersBecomeOfficersAndLeadsBecomeLeadsWithoutLoweringAnyone() {
        // GIVEN "HoP" already a manager, and "PM" an officer who leads nothing yet
        Tenant tenant = stores.tenants().getOrCreate("welwyn-hatfield", T0);
        stores.people().upsert(tenant, List.of("HoP"), Role.MANAGER);
        // WHEN a plan naming them is imported
        apply("welwyn-hatfield", TestPlans.review("Review"), FIRST);
        // THEN owners are officers, leads are leads, and the manager stays a manager
        assertThat(stores.people().find(tenant, "HoP")).contains(new Person("HoP", Role.MANAGER));
        assertThat(stores.people().find(tenant, "PM")).contains(new Person("PM", Role.OFFICER));
        assertThat(stores.people().find(tenant, "Head of Planning")).contains(new Person("Head of Planning", Role.LEAD));
        assertThat(stores.people().find(tenant, "Patsy Dell and Service Managers"))
                .contains(new Person("Patsy Dell and Service Managers", Role.LEAD));
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        // GIVEN an imported plan
        Plan plan = TestPlans.review("Review");
        apply("welwyn-hatfield", plan, FIRST);
        var before = TestDatabases.dump(db);
        // WHEN the same file is imported again, a day later
        ImportReport again = apply("welwyn-hatfield", plan, LATER);
        // THEN not a single row changed (no audit row, no updated_at) and the report says so
        assertThat(TestDatabases.dump(db)).isEqualTo(before);
        assertThat(again.actionChanges()).isEqualTo(new ImportReport.Changes(0, 0, 3, List.of()));
        assertThat(again.taskChanges()).isEqualTo(new ImportReport.Changes(0, 0, 7, List.of()));
    }

    @Test
    void aNewerVersionUpdatesInPlaceAuditingEachChangedField() {
        // GIVEN an imported plan
        Plan v1 = TestPlans.review("Review");
        apply("welwyn-hatfield", v1, FIRST);
        Tenant tenant = tenant("welwyn-hatfield");
        TaskRow en00302 = stores.plans().findTasks(tenant, "EN003/02").get(0);
        TaskRow en00301 = stores.plans().findTasks(tenant, "EN003/01").get(0);
        long auditBefore = TestDatabases.counts(db).get("audit_event");
        // WHEN a newer version changes EN003/02's status and target, and EN003's lead
        Task was = en00302.task();
        PlanDate newTarget = PlanDate.of(LocalDate.of(2025, 9, 30));
        Task is = was.withStatus(Status.of("Delayed")).withTarget(newTarget);
        Plan v2 = withLead(TestPlans.replaceTask(v1, is), "EN003", "Planning Manager");
        ImportReport report = apply("welwyn-hatfield", v2, LATER);
        // THEN the report counts one action and one task updated
        assertThat(report.actionChanges()).isEqualTo(new ImportReport.Changes(0, 1, 2, List.of()));
        assertThat(report.taskChanges()).isEqualTo(new ImportReport.Changes(0, 1, 6, List.of()));
        // AND the rows were updated in place (same ids) to the new version
        assertThat(stores.plans().load(tenant, "Review")).contains(v2);
        assertThat(stores.plans().findTasks(tenant, "EN003/02").get(0).id()).isEqualTo(en00302.id());
        // AND each update has one audit event with only the changed fields, before and after
        AuditEvent taskEvent = stores.audit().list(tenant, "EN003/02").get(0);
        assertThat(taskEvent.change()).isEqualTo("updated");
        assertThat(taskEvent.at()).isEqualTo(LATER.instant());
        assertThat(json(taskEvent.before()).fieldNames()).toIterable().containsExactly("status", "target");
        assertThat(json(taskEvent.before()).get("status").asText()).isEqualTo("On target");
        assertThat(json(taskEvent.after()).get("status").asText()).isEqualTo("Delayed");
        assertThat(json(taskEvent.before()).get("target").get("precision").asText()).isEqualTo("MONTH");
        assertThat(json(taskEvent.after()).get("target").get("date").asText()).isEqualTo("2025-09-30");
        AuditEvent actionEvent = stores.audit().list(tenant, "EN003").get(0);
        assertThat(json(actionEvent.before()).toString()).isEqualTo("{\"lead\":\"Head of Planning\"}");
        assertThat(json(actionEvent.after()).toString()).isEqualTo("{\"lead\":\"Planning Manager\"}");
        // two updates plus the import summary
        assertThat(TestDatabases.counts(db).get("audit_event")).isEqualTo(auditBefore + 3);
        // AND the target-date change is kept as a revision
        assertThat(stores.revisions().list(tenant, en00302.id())).containsExactly(
                new DateRevision("EN003/02", was.target(), newTarget, "admin", Source.IMPORT, null, LATER.instant()));
        // AND an unchanged task was not touched
        assertThat(updatedAt(en00301.id())).isEqualTo(T0.toEpochMilli());
        assertThat(updatedAt(en00302.id())).isEqualTo(LATER.instant().toEpochMilli());
    }

    @Test
    void rowsMissingFromTheFileAreKeptAndReported() {
        // GIVEN an imported plan
        Plan v1 = TestPlans.review("Review");
        apply("welwyn-hatfield", v1, FIRST);
        // WHEN a version without action EN004 (and so its tasks) and without task IT012/01 is imported
        List<Section> sections = new ArrayList<>(v1.sections());
        Section first = sections.get(0);
        sections.set(0, new Section(first.name(), List.of(first.actions().get(0))));
        Action it012 = sections.get(1).actions().get(0);
        sections.set(1, new Section("", List.of(new Action(it012.key(), it012.label(), it012.recommendation(),
                it012.status(), it012.lead(), it012.notes(), List.of()))));
        ImportReport report = apply("welwyn-hatfield", new Plan("Review", v1.layout(), sections), LATER);
        // THEN they are reported as kept, and still stored
        assertThat(report.actionChanges().keptMissing()).containsExactly("EN004");
        assertThat(report.taskChanges().keptMissing()).containsExactly("EN004/01", "EN004/02", "EN004/03", "IT012/01");
        assertThat(report.taskChanges().unchanged()).isEqualTo(3);
        assertThat(stores.plans().load(tenant("welwyn-hatfield"), "Review")).contains(v1);
    }

    @Test
    void aDryRunReportsExactlyWhatAnApplyWouldAndWritesNothing() {
        // GIVEN an imported plan and a newer version of it
        Plan v1 = TestPlans.review("Review");
        apply("welwyn-hatfield", v1, FIRST);
        Plan v2 = TestPlans.replaceTask(v1, new Task("EN003/01", "Draft it", null, null, null,
                PlanDate.of(LocalDate.of(2024, 12, 31)), null, "New Officer", null));
        var before = TestDatabases.dump(db);
        // WHEN the newer version is dry-run
        ImportReport dry = stores.importer().importPlan("welwyn-hatfield", TestPlans.read(v2), ImportMode.DRY_RUN, "admin", LATER);
        // THEN nothing was written
        assertThat(TestDatabases.dump(db)).isEqualTo(before);
        // AND the report is the one the real import then gives
        ImportReport applied = apply("welwyn-hatfield", v2, LATER);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry).isEqualTo(withDryRun(applied));
        assertThat(dry.taskChanges().updated()).isEqualTo(1);
    }

    @Test
    void aDryRunIntoANewTenantCreatesNoTenant() {
        var before = TestDatabases.dump(db);
        ImportReport dry = stores.importer().importPlan("new-council", TestPlans.read(TestPlans.review("Review")),
                ImportMode.DRY_RUN, "admin", FIRST);
        assertThat(dry.taskChanges().created()).isEqualTo(7);
        assertThat(TestDatabases.dump(db)).isEqualTo(before);
        assertThat(stores.tenants().find("new-council")).isEmpty();
    }

    @Test
    void aPlanWithARepeatedTaskRefIsRefusedAndNothingChanges() {
        // GIVEN an imported plan and a newer version in which EN004/01 is also a ref under EN003
        Plan v1 = TestPlans.review("Review");
        apply("welwyn-hatfield", v1, FIRST);
        Plan v2 = TestPlans.replaceTask(v1, new Task("EN003/01", "Changed", null, null, null, null, null, null, null));
        Plan collides = withExtraTask(v2, "EN003", new Task("EN004/01", "Collides", null, null, null, null, null, null, null));
        var before = TestDatabases.dump(db);
        // WHEN it is imported
        // THEN it is refused with a sentence naming the ref, and the database is exactly as before
        assertThatThrownBy(() -> apply("welwyn-hatfield", collides, LATER))
                .isInstanceOf(UserFixableException.class)
                .hasMessageContaining("EN004/01 appears twice");
        assertThat(TestDatabases.dump(db)).isEqualTo(before);
    }

    @Test
    void aFailureHalfWayThroughTheWritesLeavesTheDatabaseExactlyAsBefore() {
        // GIVEN an imported plan, and a database that will refuse one new task
        Plan v1 = TestPlans.review("Review");
        apply("welwyn-hatfield", v1, FIRST);
        apply("stevenage", v1, FIRST);
        TestDatabases.refuseTaskRef(db, "EN003/99");
        // AND a newer version that changes the layout, a task, adds a section and action, and adds the refused task
        Plan v2 = TestPlans.replaceTask(v1, new Task("EN003/01", "Changed", Status.of("Completed"), null, null,
                PlanDate.of(LocalDate.of(2024, 1, 1)), null, "Somebody New", null));
        v2 = withExtraTask(v2, "EN003", new Task("EN003/99", "Refused", null, null, null, null, null, null, null));
        List<Section> sections = new ArrayList<>(v2.sections());
        sections.add(0, new Section("NEW", List.of(new Action("NEW001", null, "", null, "New Lead", null, List.of()))));
        Plan changed = new Plan("Review", new Layout(Layout.Shape.TABLE, List.of()), sections);
        var before = TestDatabases.dump(db);
        // WHEN it is imported
        // THEN the import fails and every table is exactly as before
        assertThatThrownBy(() -> apply("welwyn-hatfield", changed, LATER)).isInstanceOf(StorageException.class);
        assertThat(TestDatabases.dump(db)).isEqualTo(before);
    }

    @Test
    void anotherTenantsPlanWithTheSameNameAndRefsIsUntouched() {
        // GIVEN another tenant's plan with the same name and refs
        Plan plan = TestPlans.review("Review");
        apply("stevenage", plan, FIRST);
        var theirs = stores.plans().stored(tenant("stevenage"), "Review").orElseThrow();
        // WHEN a changed version is imported into this tenant
        ImportReport report = apply("welwyn-hatfield", TestPlans.replaceTask(plan,
                new Task("EN003/01", "Ours", null, null, null, null, null, null, null)), FIRST);
        // THEN this tenant got a new plan of its own and the other tenant's rows did not change
        assertThat(report.taskChanges().created()).isEqualTo(7);
        assertThat(stores.plans().stored(tenant("stevenage"), "Review")).contains(theirs);
        assertThat(stores.audit().list(tenant("stevenage"), "EN003/01")).isEmpty();
    }

    private static ImportReport withDryRun(ImportReport r) {
        return new ImportReport(r.tenant(), r.plan(), true, r.sections(), r.actions(), r.tasks(), r.datedTasks(),
                r.statuses(), r.actionStatuses(), r.actionChanges(), r.taskChanges(), r.problems(), r.notices());
    }

    private long updatedAt(long taskId) {
        return db.withHandle(h -> h.createQuery("SELECT updated_at FROM task WHERE id = ?").bind(0, taskId)
                .mapTo(Long.class).one());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static Plan withLead(Plan plan, String key, String lead) {
        return mapActions(plan, a -> a.key().equals(key)
                ? new Action(a.key(), a.label(), a.recommendation(), a.status(), lead, a.notes(), a.tasks()) : a);
    }

    private static Plan withExtraTask(Plan plan, String key, Task task) {
        return mapActions(plan, a -> {
            if (!a.key().equals(key)) {
                return a;
            }
            List<Task> tasks = new ArrayList<>(a.tasks());
            tasks.add(task);
            return new Action(a.key(), a.label(), a.recommendation(), a.status(), a.lead(), a.notes(), tasks);
        });
    }

    private static Plan mapActions(Plan plan, java.util.function.UnaryOperator<Action> f) {
        List<Section> sections = new ArrayList<>();
        for (Section s : plan.sections()) {
            sections.add(new Section(s.name(), s.actions().stream().map(f).toList()));
        }
        return new Plan(plan.name(), plan.layout(), sections);
    }
}
