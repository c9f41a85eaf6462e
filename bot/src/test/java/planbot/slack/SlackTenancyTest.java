package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.Role;
import planbot.storage.ChatIdentity;
import planbot.storage.Database;
import planbot.storage.JdbiWorkspaceRepository;
import planbot.storage.Tenant;
import planbot.storage.WorkspaceRepository;
import planbot.storage.testing.Stores;
import planbot.storage.testing.TestDatabases;
import planbot.tenancy.Tenancy;

/** From a verified request's workspace and user to the tenant and actor, on a real SQLite file. */
class SlackTenancyTest {
    static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");
    @TempDir
    Path dir;
    Database db;
    Stores stores;
    WorkspaceRepository workspaces;
    SlackTenancy tenancy;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite(dir);
        stores = Stores.on(db);
        workspaces = new JdbiWorkspaceRepository(db);
        tenancy = new SlackTenancy(new Tenancy(db, workspaces, stores.tenants(), stores.people(), stores.audit(),
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theCallerAndTheWorkDoneForThemShareOneDatabaseConnection() {
        // GIVEN a council
        stores.tenants().getOrCreate("council", NOW);
        // WHEN work done for a caller reads through the database twice, as the command service's repositories do
        List<java.sql.Connection> used = tenancy.withCaller(null, "T1", "U1", "sam", caller -> List.of(
                db.withHandle(org.jdbi.v3.core.Handle::getConnection), db.withHandle(org.jdbi.v3.core.Handle::getConnection)));
        // THEN both reads (and the tenancy's own, before them) ran on one connection: one pool checkout per request
        assertThat(used.get(0)).isSameAs(used.get(1));
    }

    @Test
    void whoTheCallerIsIsLookedUpAfreshForEveryRequest() {
        // GIVEN a guest's first request
        Tenant council = stores.tenants().getOrCreate("council", NOW);
        stores.people().upsert(council, List.of("Olivia"), Role.OFFICER);
        String before = tenancy.withCaller(null, "T1", "U1", "olivia", caller -> ((SlackCaller) caller).actor().displayName());
        // WHEN their Slack account is linked to a person of the plan between two requests
        stores.people().link(council, "Olivia", new ChatIdentity("slack", "T1", "U1"));
        SlackCaller after = tenancy.withCaller(null, "T1", "U1", "olivia", caller -> (SlackCaller) caller);
        // THEN the next request acts as that person, with their role: nothing about the caller is kept between requests
        assertThat(before).isEqualTo("olivia");
        assertThat(after.actor().person()).isNotNull();
        assertThat(after.actor().displayName()).isEqualTo("Olivia");
    }

    @Test
    void theFirstWorkspaceBindsToTheOnlyTenantAndTheBindingIsAudited() {
        // GIVEN one tenant and no bindings
        Tenant council = stores.tenants().getOrCreate("council", NOW);
        // WHEN a first request comes from a workspace
        SlackTenancy.Result result = tenancy.resolve(null, "T1", "U1", "sam");
        // THEN the workspace is bound to that tenant, audited once, and the caller is a guest named as Slack names them
        assertThat(result).isInstanceOf(SlackCaller.class);
        SlackCaller caller = (SlackCaller) result;
        assertThat(caller.tenant()).isEqualTo(council);
        assertThat(caller.actor().person()).isNull();
        assertThat(caller.actor().displayName()).isEqualTo("sam");
        assertThat(caller.identity()).isEqualTo(new ChatIdentity("slack", "T1", "U1"));
        assertThat(workspaces.tenantOf("slack", "", "T1")).contains(council);
        List<AuditEvent> events = stores.audit().list(council, "slack:T1");
        assertThat(events).extracting(AuditEvent::change).containsExactly("bound");
        // AND a second request binds nothing more
        tenancy.resolve(null, "T1", "U2", "kim");
        assertThat(stores.audit().list(council, "slack:T1")).hasSize(1);
    }

    @Test
    void withSeveralTenantsAnUnboundWorkspaceIsToldTheAdminsBindCommandAndNothingIsWritten() {
        // GIVEN two tenants and no bindings
        stores.tenants().getOrCreate("north", NOW);
        stores.tenants().getOrCreate("south", NOW);
        var before = TestDatabases.dump(db);
        // WHEN a request comes from a workspace
        SlackTenancy.Result result = tenancy.resolve("", "T1", "U1", "sam");
        // THEN it is refused with a sentence that says what to do, and nothing changed
        assertThat(result).isInstanceOf(SlackTenancy.Refused.class);
        assertThat(((SlackTenancy.Refused) result).message()).contains("a planbot admin can link it with",
                "`./planbot workspace bind --platform slack --team T1 --tenant <council>`");
        assertThat(TestDatabases.dump(db)).isEqualTo(before);
    }

    @Test
    void aBoundWorkspaceGoesToItsTenantAmongSeveral() {
        // GIVEN two tenants and the workspace bound to the second
        stores.tenants().getOrCreate("north", NOW);
        Tenant south = stores.tenants().getOrCreate("south", NOW);
        workspaces.bind(south, "slack", "", "T1", NOW);
        // WHEN / THEN its requests are the second tenant's
        assertThat(((SlackCaller) tenancy.resolve(null, "T1", "U1", "sam")).tenant()).isEqualTo(south);
    }

    @Test
    void withNoTenantAtAllTheCallerIsToldToImportAPlan() {
        SlackTenancy.Result result = tenancy.resolve(null, "T1", "U1", "sam");
        assertThat(((SlackTenancy.Refused) result).message()).contains("./planbot import");
    }

    @Test
    void aLinkedSlackAccountActsAsItsPersonWithTheirRole() {
        // GIVEN an officer whose Slack account is linked
        Tenant council = stores.tenants().getOrCreate("council", NOW);
        stores.people().upsert(council, List.of("Olivia"), Role.OFFICER);
        stores.people().link(council, "Olivia", new ChatIdentity("slack", "T1", "U1"));
        // WHEN she sends a request
        SlackCaller caller = (SlackCaller) tenancy.resolve(null, "T1", "U1", "olivia.s");
        // THEN she acts as Olivia, an officer
        assertThat(caller.actor().displayName()).isEqualTo("Olivia");
        assertThat(caller.actor().role()).isEqualTo(Role.OFFICER);
        // AND the same user id in another workspace is somebody else: a guest
        workspaces.bind(council, "slack", "", "T2", NOW);
        assertThat(((SlackCaller) tenancy.resolve(null, "T2", "U1", "olivia.s")).actor().person()).isNull();
    }

    @Test
    void anOrgWideInstallWithNoTeamIsKnownByItsEnterprise() {
        stores.tenants().getOrCreate("council", NOW);
        SlackCaller caller = (SlackCaller) tenancy.resolve("E1", "", "U1", null);
        assertThat(caller.identity()).isEqualTo(new ChatIdentity("slack", "E1", "U1"));
        assertThat(caller.actor().displayName()).isEqualTo("U1");
        assertThat(workspaces.tenantOf("slack", "E1", "")).isPresent();
    }
}
