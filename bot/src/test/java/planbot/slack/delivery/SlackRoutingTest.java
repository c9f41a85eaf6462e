package planbot.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.delivery.DeliveryFixture;
import planbot.delivery.Recipient;
import planbot.delivery.Undeliverable;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChatIdentity;
import planbot.storage.JdbiChannelRepository;
import planbot.storage.OutboxEntry;

/** Who a notice goes to in Slack, from the links and channels stored in a real SQLite file. */
class SlackRoutingTest {
    @TempDir
    Path dir;

    DeliveryFixture f;
    JdbiChannelRepository channels;
    SlackRouting routing;

    @BeforeEach
    void open() {
        // GIVEN a plan owned by Olivia (linked to Slack) and HoP (not linked), and no channels yet
        f = DeliveryFixture.open(dir, List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia"),
                DeliveryFixture.task(2, "Consult", DeliveryFixture.DAY, "HoP")));
        f.stores.people().link(f.tenant, "Olivia", new ChatIdentity("slack", "T1", "U0OLIVIA"));
        channels = new JdbiChannelRepository(f.db);
        routing = new SlackRouting(f.stores.people(), channels);
    }

    @AfterEach
    void close() {
        f.close();
    }

    OutboxEntry entry(String recipientKind, String name) {
        return new OutboxEntry(f.tenant.id(), "k", "OVERDUE", null, recipientKind, name, "{}");
    }

    void set(ChannelPurpose purpose, String address) {
        channels.set(f.tenant, "slack", purpose, address, f.clock.instant());
    }

    @Test
    void aLinkedPersonIsWrittenToDirectly() throws Undeliverable {
        assertThat(routing.route(f.tenant, entry("OWNER", "Olivia"))).isEqualTo(new Recipient("slack", "U0OLIVIA", "Olivia"));
        assertThat(routing.route(f.tenant, entry("LEAD", "Olivia"))).isEqualTo(new Recipient("slack", "U0OLIVIA", "Olivia"));
    }

    @Test
    void anUnlinkedPersonIsNamedInThePlanChannel() throws Undeliverable {
        set(ChannelPurpose.PLAN, "CPLAN");
        assertThat(routing.route(f.tenant, entry("OWNER", "HoP"))).isEqualTo(new Recipient("slack", "CPLAN", "HoP"));
        assertThat(routing.route(f.tenant, entry("OWNER", null))).isEqualTo(new Recipient("slack", "CPLAN", "the plan channel"));
    }

    @Test
    void anUnlinkedPersonWithNoPlanChannelIsUndeliverableSayingHowToFixIt() {
        assertThatThrownBy(() -> routing.route(f.tenant, entry("OWNER", "HoP"))).isInstanceOf(Undeliverable.class)
                .hasMessage("HoP has no Slack account linked and no plan channel is set: /plan people link \"HoP\" @someone"
                        + " or /plan channel plan #channel");
    }

    @Test
    void managersAndAdminsHaveTheirChannelsAndTheAdminFallsBackToTheManagers() throws Undeliverable {
        assertThatThrownBy(() -> routing.route(f.tenant, entry("MANAGER_CHANNEL", null))).isInstanceOf(Undeliverable.class)
                .hasMessageContaining("/plan channel manager");
        assertThatThrownBy(() -> routing.route(f.tenant, entry("ADMIN", null))).isInstanceOf(Undeliverable.class)
                .hasMessageContaining("/plan channel admin");
        set(ChannelPurpose.MANAGER, "CMGR");
        assertThat(routing.route(f.tenant, entry("MANAGER_CHANNEL", null)).address()).isEqualTo("CMGR");
        assertThat(routing.route(f.tenant, entry("ADMIN", null)).address()).isEqualTo("CMGR");
        set(ChannelPurpose.ADMIN, "CADMIN");
        assertThat(routing.route(f.tenant, entry("ADMIN", null)).address()).isEqualTo("CADMIN");
    }

    @Test
    void aDigestGoesToItsSubscriptionsChannel() throws Undeliverable {
        assertThat(routing.route(f.tenant, entry("CHANNEL", "slack:C123"))).isEqualTo(new Recipient("slack", "C123", "slack:C123"));
        assertThatThrownBy(() -> routing.route(f.tenant, entry("CHANNEL", "console"))).isInstanceOf(Undeliverable.class)
                .hasMessageContaining("not a Slack channel");
        set(ChannelPurpose.MANAGER, "CMGR");
        assertThat(routing.route(f.tenant, entry("CHANNEL", "slack")).address()).isEqualTo("CMGR");
    }
}
