package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

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
import planbot.storage.PersonChannel;

/**
 * An owner that is a team or a role ("Planning / legal / democratic services", "HoP") linked to a channel gets its
 * reminders there, named, rather than in the plan channel; routing reads the link from a real SQLite file.
 */
class TeamChannelRoutingTest {
    static final String TEAM = "Planning / legal / democratic services";

    @TempDir
    Path dir;

    DeliveryFixture f;
    JdbiChannelRepository channels;

    @BeforeEach
    void open() {
        // GIVEN tasks owned by a team and by a role, a plan channel on Slack, and the team linked to #planning-legal
        f = DeliveryFixture.open(dir, List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, TEAM),
                DeliveryFixture.task(2, "Consult", DeliveryFixture.DAY, "HoP")));
        channels = new JdbiChannelRepository(f.db);
        channels.set(f.tenant, "slack", ChannelPurpose.PLAN, "CPLAN", f.clock.instant());
        f.stores.people().linkChannel(f.tenant, TEAM, new PersonChannel("slack", "C0LEGAL"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    Recipient route(ChatRouting routing, String kind, String name) throws Undeliverable {
        return routing.route(f.tenant, new OutboxEntry(f.tenant.id(), "k", "OVERDUE", null, kind, name, "{}"));
    }

    @Test
    void givenATeamLinkedToAChannel_whenItsReminderIsRouted_thenItGoesToThatChannelNamingTheTeam() throws Undeliverable {
        ChatRouting slack = new ChatRouting(f.stores.people(), channels, List.of("slack"));

        assertThat(route(slack, "OWNER", TEAM)).isEqualTo(new Recipient("slack", "C0LEGAL", TEAM));
        assertThat(route(slack, "LEAD", TEAM)).isEqualTo(new Recipient("slack", "C0LEGAL", TEAM));
        // AND an owner with no channel of its own still goes to the plan channel
        assertThat(route(slack, "OWNER", "HoP")).isEqualTo(new Recipient("slack", "CPLAN", "HoP"));
    }

    @Test
    void givenARoleLinkedToOnePersonsAccount_whenItsReminderIsRouted_thenThatPersonGetsItByDm() throws Undeliverable {
        f.stores.people().link(f.tenant, "HoP", new ChatIdentity("slack", "T1", "U0SAM"));
        ChatRouting slack = new ChatRouting(f.stores.people(), channels, List.of("slack"));

        assertThat(route(slack, "OWNER", "HoP")).isEqualTo(new Recipient("slack", "U0SAM", "HoP"));
    }

    @Test
    void givenTheTeamsChannelIsOnAPlatformNotRunning_whenRouted_thenItFallsBackAsAnyoneUnlinkedWould() throws Undeliverable {
        f.stores.people().linkChannel(f.tenant, TEAM, new PersonChannel("discord", "D0LEGAL"));
        ChatRouting slack = new ChatRouting(f.stores.people(), channels, List.of("slack"));

        assertThat(route(slack, "OWNER", TEAM)).isEqualTo(new Recipient("slack", "CPLAN", TEAM));
    }
}
