package planbot.scheduler.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static planbot.scheduler.digest.Inputs.london;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.DateRevision;
import planbot.domain.PlanDate;
import planbot.domain.RefKey;
import planbot.domain.Source;
import planbot.domain.UserFixableException;
import planbot.storage.Database;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.testing.Stores;
import planbot.storage.testing.TestDatabases;
import planbot.storage.testing.TestPlans;

/** What the source reads, on a real SQLite file holding the small test plan in two tenants. */
class DigestSourceTest {
    static final ZonedDateTime NOW = LocalDateTime.parse("2024-03-04T09:00").atZone(Inputs.LONDON);
    static final Instant IMPORTED = london("2024-01-02T09:00");

    @TempDir
    Path dir;
    Database db;
    Stores stores;
    DigestSource source;
    Tenant council;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite(dir);
        stores = Stores.on(db);
        source = new DigestSource(db);
        for (String tenant : List.of("council", "neighbour")) {
            stores.importer().importPlan(tenant, TestPlans.read(TestPlans.review("Review")),
                    planbot.tracker.ImportMode.APPLY, "admin", java.time.Clock.fixed(IMPORTED, java.time.ZoneOffset.UTC));
        }
        stores.importer().importPlan("council", TestPlans.read(TestPlans.review("Second")),
                planbot.tracker.ImportMode.APPLY, "admin", java.time.Clock.fixed(IMPORTED, java.time.ZoneOffset.UTC));
        council = stores.tenants().find("council").orElseThrow();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenATenantWithTwoPlans_whenReadForAllPlans_thenEveryTaskComesWithItsPlanSectionActionAndUpdate() {
        DigestInput in = source.read(DigestScope.all("council"), null, NOW);

        assertThat(in.tasks()).hasSize(14);
        assertThat(in.tasks()).extracting(TaskSnapshot::plan).containsOnly("Review", "Second");
        TaskSnapshot t = in.tasks().get(0);
        assertThat(t).extracting(TaskSnapshot::plan, TaskSnapshot::section, TaskSnapshot::actionKey,
                        TaskSnapshot::actionName, TaskSnapshot::ref, TaskSnapshot::owner, TaskSnapshot::updatedAt)
                .containsExactly("Review", "PLANNING ENFORCEMENT", "EN003", "ENFORCEMENT 003", "EN003/01", "HoP", IMPORTED);
        assertThat(in.tasks().stream().filter(x -> x.ref().equals("IT012/01")).findFirst().orElseThrow())
                .extracting(TaskSnapshot::section, TaskSnapshot::actionName).containsExactly("", "IT INFRASTRUCURE 012");
        assertThat(in.since()).isEqualTo(NOW.minusDays(7));
        assertThat(in.silentAfter()).isEqualTo(DigestInput.SILENT_AFTER);
    }

    @Test
    void givenAScopeOfOnePlanAndSection_whenRead_thenOnlyItsTasksAreRead() {
        DigestInput in = source.read(new DigestScope("council", "second", "Planning Enforcement"), null, NOW);

        assertThat(in.tasks()).extracting(TaskSnapshot::plan, TaskSnapshot::ref).containsExactly(
                tuple("Second", "EN003/01"), tuple("Second", "EN003/02"), tuple("Second", "EN003/03"),
                tuple("Second", "EN004/01"), tuple("Second", "EN004/02"), tuple("Second", "EN004/03"));
    }

    @Test
    void givenNamesTheTenantDoesNotHave_whenRead_thenTheErrorNamesWhatIsMissing() {
        assertThatThrownBy(() -> source.read(DigestScope.all("nobody"), null, NOW))
                .isInstanceOf(UserFixableException.class).hasMessage("there is no tenant 'nobody'");
        assertThatThrownBy(() -> source.read(new DigestScope("council", "Third", null), null, NOW))
                .isInstanceOf(UserFixableException.class).hasMessage("tenant 'council' has no plan 'Third'");
        assertThatThrownBy(() -> source.read(new DigestScope("council", "Review", "NOPE"), null, NOW))
                .isInstanceOf(UserFixableException.class)
                .hasMessage("tenant 'council' has no section 'NOPE' in plan 'Review'");
    }

    @Test
    void givenRevisionsInAndOutOfThePeriodAndAFirstDate_whenRead_thenThePeriodsRevisionsAndTotalsAreRead() {
        TaskRow it = row("Review", "IT012/01");
        revise(it, PlanDate.of(LocalDate.of(2024, 3, 29)), PlanDate.of(LocalDate.of(2024, 4, 30)), london("2024-02-01T10:00"));
        revise(it, PlanDate.of(LocalDate.of(2024, 4, 30)), PlanDate.of(LocalDate.of(2024, 5, 31)), london("2024-03-01T10:00"));
        revise(it, PlanDate.of(LocalDate.of(2024, 5, 31)), PlanDate.of(LocalDate.of(2024, 6, 28)), london("2024-03-05T10:00")); // after now
        TaskRow en = row("Review", "EN004/03");
        revise(en, null, PlanDate.of(LocalDate.of(2024, 6, 28)), london("2024-03-01T11:00")); // a first date: no slip
        TaskRow other = stores.tasks().findTasksByKey(stores.tenants().find("neighbour").orElseThrow(), RefKey.of("IT012/01")).get(0).task();
        stores.revisions().append(stores.tenants().find("neighbour").orElseThrow(), other.id(), new DateRevision("IT012/01",
                PlanDate.of(LocalDate.of(2024, 3, 29)), PlanDate.of(LocalDate.of(2024, 4, 30)), "x", Source.CLI, null,
                london("2024-03-01T10:00")));

        DigestInput in = source.read(new DigestScope("council", "Review", null), london("2024-02-26T09:00"), NOW);

        assertThat(in.revisions()).extracting(TargetRevision::ref, r -> r.from().date(), r -> r.to().date(), TargetRevision::at)
                .containsExactly(tuple("IT012/01", LocalDate.of(2024, 4, 30), LocalDate.of(2024, 5, 31), london("2024-03-01T10:00")));
        assertThat(snapshot(in, "IT012/01").timesRevised()).isEqualTo(2);
        assertThat(snapshot(in, "EN004/03").timesRevised()).isZero();
    }

    @Test
    void givenStatusEventsFromCommandsAndImports_whenRead_thenOnlyChangesToAFinishedStatusInThePeriodAreCompletions() {
        event("EN003/02", "status", "On target", "Completed", london("2024-03-01T10:00"));
        event("EN003/03", "status", "At risk", "Closed – no longer required", london("2024-03-02T10:00"));
        event("IT012/01", "status", "In progress", "At risk", london("2024-03-02T11:00"));
        event("IT012/01", "updated", "{\"status\":\"In progress\",\"notes\":null}", "{\"status\":\"Done\",\"notes\":\"x\"}",
                london("2024-03-03T10:00"));
        event("EN004/01", "updated", "{\"owner\":\"HoP\"}", "{\"owner\":\"status\"}", london("2024-03-03T11:00"));
        event("EN004/02", "note", null, "\"status\" is fine", london("2024-03-03T12:00"));
        event("EN003/01", "status", "On target", "Completed", london("2024-02-20T10:00")); // before the period

        DigestInput in = source.read(new DigestScope("council", "Review", null), null, NOW);

        assertThat(in.completions()).extracting(Completion::ref, c -> c.status().word(), Completion::at).containsExactly(
                tuple("EN003/02", "Completed", london("2024-03-01T10:00")),
                tuple("EN003/03", "Closed – no longer required", london("2024-03-02T10:00")),
                tuple("IT012/01", "Done", london("2024-03-03T10:00")));
    }

    @Test
    void givenAuditValuesThatAreNotAnImportsJson_whenTheStatusIsLookedFor_thenThereIsNone() {
        assertThat(DigestSource.statusInJson("{\"status\":\"Completed\"}")).isEqualTo("Completed");
        assertThat(DigestSource.statusInJson("{\"status\":null}")).isNull();
        assertThat(DigestSource.statusInJson("not json \"status\"")).isNull();
        assertThat(DigestSource.statusInJson(null)).isNull();
    }

    private TaskRow row(String plan, String ref) {
        return stores.tasks().findTasksByKey(council, RefKey.of(ref)).stream().map(t -> t.task())
                .filter(r -> r.planName().equals(plan)).findFirst().orElseThrow();
    }

    private void revise(TaskRow row, PlanDate from, PlanDate to, Instant at) {
        stores.revisions().append(council, row.id(), new DateRevision(row.ref(), from, to, "Sam", Source.SLACK, null, at));
    }

    private void event(String ref, String change, String before, String after, Instant at) {
        stores.audit().append(council, List.of(new AuditEvent(at, "Sam", Source.SLACK, "task", ref, change, before, after, null)));
    }

    private static TaskSnapshot snapshot(DigestInput in, String ref) {
        return in.tasks().stream().filter(t -> t.ref().equals(ref)).findFirst().orElseThrow();
    }
}
