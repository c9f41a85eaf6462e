package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChatIdentity;
import planbot.storage.JdbiChannelRepository;
import planbot.storage.OutboxEntry;

/**
 * Who a notice goes to, on every running platform, from the links, channels and choices stored in a real SQLite
 * file. The Slack cases are those the Slack-only routing had; the others are the seam's.
 */
class ChatRoutingTest {
    @TempDir
    Path dir;

    DeliveryFixture f;
    JdbiChannelRepository channels;
    ChatRouting routing;

    @BeforeEach
    void open() {
        // GIVEN a plan owned by Olivia (linked to Slack) and HoP (not linked), and no channels yet
        f = DeliveryFixture.open(dir, List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia"),
                DeliveryFixture.task(2, "Consult", DeliveryFixture.DAY, "HoP")));
        f.stores.people().link(f.tenant, "Olivia", new ChatIdentity("slack", "T1", "U0OLIVIA"));
        channels = new JdbiChannelRepository(f.db);
        routing = new ChatRouting(f.stores.people(), channels, List.of("slack"));
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
    void anUnlinkedPersonWithNoPlanChannelIsNotReachableYetSayingHowToFixIt() {
        assertThatThrownBy(() -> routing.route(f.tenant, entry("OWNER", "HoP"))).isInstanceOf(NotReachableYet.class)
                .hasMessage("HoP has no chat account linked and no plan channel is set: /plan people link \"HoP\" @someone"
                        + " or /plan channel plan #channel");
    }

    @Test
    void managersAndAdminsHaveTheirChannelsAndTheAdminFallsBackToTheManagers() throws Undeliverable {
        assertThatThrownBy(() -> routing.route(f.tenant, entry("MANAGER_CHANNEL", null))).isInstanceOf(NotReachableYet.class)
                .hasMessageContaining("/plan channel manager");
        // an admin notice is never held (it would wait for itself): with nowhere to go it is undeliverable
        assertThatThrownBy(() -> routing.route(f.tenant, entry("ADMIN", null))).isInstanceOf(Undeliverable.class)
                .isNotInstanceOf(NotReachableYet.class).hasMessageContaining("/plan channel admin");
        set(ChannelPurpose.MANAGER, "CMGR");
        assertThat(routing.route(f.tenant, entry("MANAGER_CHANNEL", null)).address()).isEqualTo("CMGR");
        assertThat(routing.route(f.tenant, entry("ADMIN", null)).address()).isEqualTo("CMGR");
        set(ChannelPurpose.ADMIN, "CADMIN");
        assertThat(routing.route(f.tenant, entry("ADMIN", null)).address()).isEqualTo("CADMIN");
    }

    @Test
    void anAdminRowNamingAnAdminIsADirectMessageToThemAndTheAdminsAreListed() throws Undeliverable {
        f.stores.people().setRole(f.tenant, "Olivia", planbot.domain.Role.ADMIN);
        f.stores.people().setRole(f.tenant, "HoP", planbot.domain.Role.ADMIN);
        assertThat(routing.admins(f.tenant)).containsExactlyInAnyOrder("Olivia", "HoP");
        assertThat(routing.route(f.tenant, entry("ADMIN", "Olivia"))).isEqualTo(new Recipient("slack", "U0OLIVIA", "Olivia"));
        // HoP has no account: an admin row for them is not sent to a channel instead
        set(ChannelPurpose.PLAN, "CPLAN");
        assertThatThrownBy(() -> routing.route(f.tenant, entry("ADMIN", "HoP"))).isInstanceOf(Undeliverable.class)
                .isNotInstanceOf(NotReachableYet.class);
    }

    @Test
    void aDigestWhoseChannelIsNotSetWaitsForIt() {
        assertThatThrownBy(() -> routing.route(f.tenant, entry("CHANNEL", "slack"))).isInstanceOf(NotReachableYet.class)
                .hasMessageContaining("/plan channel manager");
        assertThatThrownBy(() -> routing.route(f.tenant, entry("CHANNEL", null))).isInstanceOf(NotReachableYet.class);
    }

    @Test
    void aDigestGoesToItsSubscriptionsChannel() throws Undeliverable {
        assertThat(routing.route(f.tenant, entry("CHANNEL", "slack:C123"))).isEqualTo(new Recipient("slack", "C123", "slack:C123"));
        assertThatThrownBy(() -> routing.route(f.tenant, entry("CHANNEL", "console"))).isInstanceOf(Undeliverable.class)
                .hasMessageContaining("planbot is not running on console");
        set(ChannelPurpose.MANAGER, "CMGR");
        assertThat(routing.route(f.tenant, entry("CHANNEL", "slack")).address()).isEqualTo("CMGR");
    }

    void set(String platform, ChannelPurpose purpose, String address) {
        channels.set(f.tenant, platform, purpose, address, f.clock.instant());
    }

    @Test
    void aPersonLinkedOnTwoPlatformsGetsRemindersWhereTheyLastUsedPlanbotUnlessTheyChose() throws Undeliverable {
        // GIVEN Olivia linked on Slack and then on Discord, both running, Slack first
        f.stores.people().link(f.tenant, "Olivia", new ChatIdentity("discord", "G1", "4242"));
        ChatRouting both = new ChatRouting(f.stores.people(), channels, List.of("slack", "discord"));
        // THEN her reminders go where she was linked last
        assertThat(both.route(f.tenant, entry("OWNER", "Olivia"))).isEqualTo(new Recipient("discord", "4242", "Olivia"));
        // WHEN she uses planbot on Slack THEN her reminders follow her there
        f.stores.people().noteUsed(f.tenant, "Olivia", "slack");
        assertThat(both.route(f.tenant, entry("OWNER", "Olivia"))).isEqualTo(new Recipient("slack", "U0OLIVIA", "Olivia"));
        // AND back on Discord, they follow her back
        f.stores.people().noteUsed(f.tenant, "Olivia", "discord");
        assertThat(both.route(f.tenant, entry("OWNER", "Olivia"))).isEqualTo(new Recipient("discord", "4242", "Olivia"));
        // WHEN she chooses Slack THEN they go to Slack wherever she last used planbot
        f.stores.people().chooseRemindersPlatform(f.tenant, "Olivia", "slack");
        assertThat(both.route(f.tenant, entry("LEAD", "Olivia"))).isEqualTo(new Recipient("slack", "U0OLIVIA", "Olivia"));
        // AND a choice of a platform that is not running falls back to one that is
        f.stores.people().chooseRemindersPlatform(f.tenant, "Olivia", "teams");
        f.stores.people().noteUsed(f.tenant, "Olivia", "teams");
        assertThat(both.route(f.tenant, entry("OWNER", "Olivia")).platform()).isEqualTo("slack");
        assertThat(new ChatRouting(f.stores.people(), channels, List.of("discord")).route(f.tenant, entry("OWNER", "Olivia")))
                .isEqualTo(new Recipient("discord", "4242", "Olivia"));
    }

    @Test
    void channelsAreTakenFromTheFirstRunningPlatformThatHasOne() throws Undeliverable {
        // GIVEN a plan channel on Discord only, and a manager channel on both
        set("discord", ChannelPurpose.PLAN, "D-PLAN");
        set("discord", ChannelPurpose.MANAGER, "D-MGR");
        set(ChannelPurpose.MANAGER, "CMGR");
        ChatRouting both = new ChatRouting(f.stores.people(), channels, List.of("slack", "discord"));
        // THEN the unlinked HoP is named in Discord's plan channel, and managers get Slack's (tried first)
        assertThat(both.route(f.tenant, entry("OWNER", "HoP"))).isEqualTo(new Recipient("discord", "D-PLAN", "HoP"));
        assertThat(both.route(f.tenant, entry("MANAGER_CHANNEL", null))).isEqualTo(new Recipient("slack", "CMGR", "the manager channel"));
        assertThat(both.route(f.tenant, entry("CHANNEL", "discord")).address()).isEqualTo("D-MGR");
    }

    @Test
    void theConsoleStandsInForEveryoneNoOtherPlatformReaches() throws Undeliverable {
        // GIVEN the console alone (the demo, or serve with no chat platform)
        ChatRouting console = new ChatRouting(f.stores.people(), channels, List.of("console"));
        // THEN every kind of recipient is a console channel of its own, named as people read it
        assertThat(console.route(f.tenant, entry("OWNER", "HoP"))).isEqualTo(new Recipient("console", "person:HoP", "HoP"));
        assertThat(console.route(f.tenant, entry("OWNER", null))).isEqualTo(new Recipient("console", "owner", "the owner"));
        assertThat(console.route(f.tenant, entry("MANAGER_CHANNEL", null))).isEqualTo(new Recipient("console", "managers", "the manager channel"));
        assertThat(console.route(f.tenant, entry("ADMIN", null))).isEqualTo(new Recipient("console", "admin", "the admin"));
        assertThat(console.route(f.tenant, entry("CHANNEL", "console"))).isEqualTo(new Recipient("console", "channel:console", "console"));
        // AND beside Slack, a linked person still gets a DM, and only the unreachable HoP is printed
        ChatRouting slackAndConsole = new ChatRouting(f.stores.people(), channels, List.of("slack", "console"));
        assertThat(slackAndConsole.route(f.tenant, entry("OWNER", "Olivia")).platform()).isEqualTo("slack");
        assertThat(slackAndConsole.route(f.tenant, entry("OWNER", "HoP"))).isEqualTo(new Recipient("console", "person:HoP", "HoP"));
    }

    @Test
    void aRowForAKindOfRecipientThisPlanbotDoesNotKnowIsUndeliverable() {
        assertThatThrownBy(() -> routing.route(f.tenant, entry("BOARD", null))).isInstanceOf(Undeliverable.class)
                .hasMessageContaining("'BOARD'");
    }
}
