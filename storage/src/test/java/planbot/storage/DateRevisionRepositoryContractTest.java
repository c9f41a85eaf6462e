package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.domain.DateRevision;
import planbot.domain.PlanDate;
import planbot.domain.Source;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestDatabases;
import planbot.storage.testing.TestPlans;
import planbot.tracker.ImportMode;

/** What every {@link DateRevisionRepository} must do; one subclass per database vendor. */
abstract class DateRevisionRepositoryContractTest extends DatabaseTestBase {
    private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

    private Tenant tenant;
    private Tenant other;
    private long taskId;
    private long otherTaskId;

    DateRevisionRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    @BeforeEach
    void plans() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        stores.importer().importPlan("welwyn-hatfield", TestPlans.read(TestPlans.review("Review")), ImportMode.APPLY, "admin", clock);
        stores.importer().importPlan("stevenage", TestPlans.read(TestPlans.review("Review")), ImportMode.APPLY, "admin", clock);
        tenant = stores.tenants().find("welwyn-hatfield").orElseThrow();
        other = stores.tenants().find("stevenage").orElseThrow();
        taskId = stores.plans().findTasks(tenant, "EN003/03").get(0).id();
        otherTaskId = stores.plans().findTasks(other, "EN003/03").get(0).id();
    }

    @Test
    void listGivesATasksRevisionsOldestFirstWithEveryDateKind() {
        // GIVEN a task that went from nothing to TBC, to a month, to a day
        PlanDate tbc = PlanDate.tbc("waiting on legal", "TBC - waiting on legal");
        PlanDate month = new PlanDate(PlanDate.Kind.DATE, LocalDate.of(2024, 7, 31), PlanDate.Precision.MONTH, null, "July 2024");
        PlanDate day = new PlanDate(PlanDate.Kind.DATE, LocalDate.of(2024, 8, 30), PlanDate.Precision.DAY, "*", "30/08/2024*");
        DateRevision first = new DateRevision("EN003/03", null, tbc, "import", Source.IMPORT, null, T0);
        DateRevision second = new DateRevision("EN003/03", tbc, month, "Sam Jones", Source.SLACK, "legal replied", T0.plusSeconds(60));
        DateRevision third = new DateRevision("EN003/03", month, day, "Sam Jones", Source.TEAMS, null, T0.plusSeconds(120));
        stores.revisions().append(tenant, taskId, third);
        stores.revisions().append(tenant, taskId, first);
        stores.revisions().append(tenant, taskId, second);
        // THEN they come back oldest first, exactly as appended
        assertThat(stores.revisions().list(tenant, taskId)).containsExactly(first, second, third);
    }

    @Test
    void anotherTenantsTaskCanBeNeitherRevisedNorRead() {
        // GIVEN a revision of the other tenant's task
        DateRevision r = new DateRevision("EN003/03", null, PlanDate.of(LocalDate.of(2024, 9, 1)), "x", Source.CLI, null, T0);
        stores.revisions().append(other, otherTaskId, r);
        var before = TestDatabases.dump(db);
        // THEN this tenant cannot revise that task by its id, nor read its history
        assertThatThrownBy(() -> stores.revisions().append(tenant, otherTaskId, r))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TestDatabases.dump(db)).isEqualTo(before);
        assertThat(stores.revisions().list(tenant, otherTaskId)).isEmpty();
        assertThat(stores.revisions().list(other, otherTaskId)).containsExactly(r);
    }
}
