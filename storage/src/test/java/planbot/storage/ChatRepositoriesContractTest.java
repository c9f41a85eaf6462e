package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestDatabases;

/**
 * What every {@link WorkspaceRepository}, {@link ChannelRepository} and {@link InboundEventRepository} must do;
 * one subclass per database vendor.
 */
abstract class ChatRepositoriesContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");

    private Tenant tenant;
    private Tenant other;
    private WorkspaceRepository workspaces;
    private ChannelRepository channels;
    private InboundEventRepository events;

    ChatRepositoriesContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    @BeforeEach
    void twoTenants() {
        tenant = stores.tenants().getOrCreate("welwyn", NOW);
        other = stores.tenants().getOrCreate("stevenage", NOW);
        workspaces = new JdbiWorkspaceRepository(db);
        channels = new JdbiChannelRepository(db);
        events = new JdbiInboundEventRepository(db);
    }

    @Test
    void aWorkspaceIsBoundToOneTenantAndRebindingMovesIt() {
        // GIVEN a team bound to one tenant and an org-wide install (no team) bound to the other
        workspaces.bind(tenant, "slack", "", "T1", NOW);
        workspaces.bind(other, "slack", "E1", "", NOW);

        // THEN each finds its tenant, and nothing else does
        assertThat(workspaces.tenantOf("slack", "", "T1")).contains(tenant);
        assertThat(workspaces.tenantOf("slack", "E1", "")).contains(other);
        assertThat(workspaces.tenantOf("slack", "E1", "T1")).isEmpty();
        assertThat(workspaces.tenantOf("discord", "", "T1")).isEmpty();

        // WHEN the team is bound again, to the other tenant
        workspaces.bind(other, "slack", "", "T1", NOW.plusSeconds(1));

        // THEN it moved: one row, the other tenant
        assertThat(workspaces.tenantOf("slack", "", "T1")).contains(other);
        assertThat(workspaces.list("slack")).containsExactly(new WorkspaceBinding("slack", "", "T1", other),
                new WorkspaceBinding("slack", "E1", "", other));
        assertThat(TestDatabases.counts(db).get("chat_workspace")).isEqualTo(2);
    }

    @Test
    void onlyATenantsFirstWorkspaceOnAPlatformIsBoundAutomatically() {
        // GIVEN a tenant with no workspace, and one that has a Slack workspace
        workspaces.bind(other, "slack", "", "T9", NOW);

        // WHEN each is offered a first binding, then another one
        boolean first = workspaces.bindFirst(tenant, "slack", "", "T1", NOW);
        boolean second = workspaces.bindFirst(tenant, "slack", "", "T2", NOW);
        boolean taken = workspaces.bindFirst(other, "slack", "", "T3", NOW);
        boolean otherPlatform = workspaces.bindFirst(tenant, "discord", "", "G1", NOW);

        // THEN only the first workspace of each tenant and platform was bound
        assertThat(List.of(first, second, taken, otherPlatform)).containsExactly(true, false, false, true);
        assertThat(workspaces.tenantOf("slack", "", "T1")).contains(tenant);
        assertThat(workspaces.tenantOf("slack", "", "T2")).isEmpty();
        assertThat(workspaces.tenantOf("slack", "", "T3")).isEmpty();
        assertThat(workspaces.tenantOf("discord", "", "G1")).contains(tenant);
    }

    @Test
    void aWorkspaceWithNeitherIdIsRefused() {
        assertThatThrownBy(() -> workspaces.bind(tenant, "slack", "", "", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TestDatabases.counts(db).get("chat_workspace")).isZero();
    }

    @Test
    void aTenantHasOneChannelPerPurposeAndPlatform() {
        // GIVEN a plan channel and a manager channel, the plan channel then replaced
        channels.set(tenant, "slack", ChannelPurpose.PLAN, "C1", NOW);
        channels.set(tenant, "slack", ChannelPurpose.MANAGER, "C2", NOW);
        channels.set(tenant, "slack", ChannelPurpose.PLAN, " C3 ", NOW.plusSeconds(1));

        // THEN the latest of each is found, per tenant and platform
        assertThat(channels.find(tenant, "slack", ChannelPurpose.PLAN)).contains("C3");
        assertThat(channels.find(tenant, "slack", ChannelPurpose.ADMIN)).isEmpty();
        assertThat(channels.find(tenant, "discord", ChannelPurpose.PLAN)).isEmpty();
        assertThat(channels.find(other, "slack", ChannelPurpose.PLAN)).isEmpty();
        assertThat(channels.list(tenant, "slack")).isEqualTo(Map.of(ChannelPurpose.PLAN, "C3", ChannelPurpose.MANAGER, "C2"));
        assertThatThrownBy(() -> channels.set(tenant, "slack", ChannelPurpose.ADMIN, " ", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventIsFirstDeliveredOncePerWorkspace() {
        assertThat(events.firstDelivery("slack", "T1", "Ev1", NOW)).isTrue();
        assertThat(events.firstDelivery("slack", "T1", "Ev1", NOW.plusSeconds(60))).isFalse();
        assertThat(events.firstDelivery("slack", "T2", "Ev1", NOW)).isTrue();
        assertThat(events.firstDelivery("discord", "T1", "Ev1", NOW)).isTrue();
    }

    @Test
    void aMarkWrittenInATransactionThatFailsIsRolledBackSoTheRetryCounts() {
        // GIVEN the mark written inside a transaction whose effect then fails
        assertThatThrownBy(() -> db.transaction(() -> {
            events.firstDelivery("slack", "T1", "Ev1", NOW);
            throw new IllegalStateException("the effect failed");
        })).isInstanceOf(IllegalStateException.class);

        // THEN the platform's retry is a first delivery
        assertThat(events.firstDelivery("slack", "T1", "Ev1", NOW)).isTrue();
    }
}
