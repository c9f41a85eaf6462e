package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.storage.testing.DatabaseTestBase;

/** What every {@link AuditRepository} must do; one subclass per database vendor. */
abstract class AuditRepositoryContractTest extends DatabaseTestBase {
    private static final Instant T0 = Instant.parse("2024-05-01T09:00:00.123Z");

    private Tenant tenant;
    private Tenant other;

    AuditRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    @BeforeEach
    void tenants() {
        tenant = stores.tenants().getOrCreate("welwyn-hatfield", T0);
        other = stores.tenants().getOrCreate("stevenage", T0);
    }

    @Test
    void listGivesTheEntitysEventsNewestFirstWithEveryField() {
        // GIVEN three events about EN003/01 (two at the same instant) and one about EN003/02
        AuditEvent created = event(T0, "EN003/01", "created", null, "{\"status\":\"Not started\"}", null);
        AuditEvent status = event(T0.plusSeconds(60), "EN003/01", "status", "{\"status\":\"Not started\"}",
                "{\"status\":\"Completed\"}", "done, signed off by HoP");
        AuditEvent note = event(T0.plusSeconds(60), "EN003/01", "note", null, "chased legal", null);
        stores.audit().append(tenant, List.of(created, status));
        stores.audit().append(tenant, note);
        stores.audit().append(tenant, event(T0, "EN003/02", "created", null, "{}", null));
        // WHEN EN003/01's events are listed
        List<AuditEvent> events = stores.audit().list(tenant, "EN003/01");
        // THEN newest first, the later-written first at the same instant, each exactly as appended
        assertThat(events).containsExactly(note, status, created);
    }

    @Test
    void anotherTenantsEventsAreInvisible() {
        stores.audit().append(other, event(T0, "EN003/01", "created", null, "{}", null));
        assertThat(stores.audit().list(tenant, "EN003/01")).isEmpty();
        assertThat(stores.audit().list(other, "EN003/01")).hasSize(1);
    }

    @Test
    void listForTaskGivesThatTasksEventsAndThoseNamingNoTaskButNotAnotherTasksWithTheSameRef() {
        // GIVEN EN003/01 in two plans (tasks 11 and 12): an event appended without a task, one for each task
        AuditEvent imported = event(T0, "EN003/01", "created", null, "{}", null);
        AuditEvent north = event(T0.plusSeconds(60), "EN003/01", "status", "Not started", "Completed", null);
        AuditEvent south = event(T0.plusSeconds(120), "EN003/01", "note", null, "chased legal", null);
        stores.audit().append(tenant, imported);
        stores.audit().appendForTask(tenant, 11, north);
        stores.audit().appendForTask(tenant, 12, south);
        stores.audit().appendForTask(other, 11, event(T0, "EN003/01", "created", null, "{}", null));
        // WHEN each task's events are listed
        // THEN each has its own and the shared one, newest first; list by ref still has them all
        assertThat(stores.audit().listForTask(tenant, 11, "EN003/01")).containsExactly(north, imported);
        assertThat(stores.audit().listForTask(tenant, 12, "EN003/01")).containsExactly(south, imported);
        assertThat(stores.audit().list(tenant, "EN003/01")).containsExactly(south, north, imported);
    }

    @Test
    void sinceGivesTheTenantsEventsFromAnInstantOldestFirstUpToTheLimit() {
        // GIVEN events at 0, 1 and 2 minutes, and one of another tenant
        stores.audit().append(tenant, event(T0.plusSeconds(120), "EN003/02", "note", null, "c", null));
        stores.audit().append(tenant, event(T0, "EN003/01", "note", null, "a", null));
        stores.audit().append(tenant, event(T0.plusSeconds(60), "EN003/01", "note", null, "b", null));
        stores.audit().append(other, event(T0.plusSeconds(90), "EN003/01", "note", null, "theirs", null));
        // WHEN asked from minute 1 on, and for at most one from the start
        // THEN only this tenant's come, oldest first, and the limit holds
        assertThat(stores.audit().since(tenant, T0.plusSeconds(60), 10)).extracting(AuditEvent::after).containsExactly("b", "c");
        assertThat(stores.audit().since(tenant, T0, 1)).extracting(AuditEvent::after).containsExactly("a");
    }

    private static AuditEvent event(Instant at, String ref, String change, String before, String after, String note) {
        return new AuditEvent(at, "Sam Jones", Source.SLACK, "task", ref, change, before, after, note);
    }
}
