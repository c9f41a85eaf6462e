package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import planbot.storage.TeamsConversation.Kind;
import planbot.storage.testing.DatabaseTestBase;

/** What every {@link TeamsConversationRepository} must do; one subclass per database vendor. */
abstract class TeamsConversationRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");
    private static final String AMER = "https://smba.trafficmanager.net/amer/72f988bf-86f1-41af-91ab-2d7cd011db47/";
    private static final String EMEA = "https://smba.trafficmanager.net/emea";

    TeamsConversationRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    private TeamsConversationRepository conversations() {
        return new JdbiTeamsConversationRepository(db);
    }

    private static TeamsConversation personal(String id, String serviceUrl, String aad, Instant at) {
        return new TeamsConversation(serviceUrl, id, Kind.PERSONAL, "tenant-1", "", "", aad, "29:" + aad, true, at);
    }

    @Test
    void givenAPersonalChatSaved_whenFoundByIdOrByPerson_thenEverythingComesBackAsGiven() {
        // GIVEN a personal chat with a service URL that carries a path and a trailing slash
        TeamsConversation chat = personal("a:1Xyz;weird", AMER, "aad-sam", NOW);
        conversations().save(chat);
        // WHEN it is found by conversation id and by (tenant, person)
        // THEN both give it back exactly, and another tenant or person finds nothing
        assertThat(conversations().find("a:1Xyz;weird")).contains(chat);
        assertThat(conversations().personal("tenant-1", "aad-sam")).contains(chat);
        assertThat(conversations().personal("tenant-2", "aad-sam")).isEmpty();
        assertThat(conversations().personal("tenant-1", "aad-kim")).isEmpty();
        assertThat(conversations().find("a:other")).isEmpty();
    }

    @Test
    void givenAConversationSavedTwice_whenFound_thenTheLaterSaveReplacedTheFirst() {
        // GIVEN a conversation saved, then saved again from another region
        conversations().save(personal("a:1", AMER, "aad-sam", NOW));
        TeamsConversation moved = personal("a:1", EMEA, "aad-sam", NOW.plusSeconds(60));
        conversations().save(moved);
        // WHEN found
        // THEN there is one, the later one
        assertThat(conversations().find("a:1")).contains(moved);
        assertThat(conversations().serviceUrls()).containsExactly(EMEA);
    }

    @Test
    void givenAChannelSaved_whenFoundByChannelId_thenItIsThatChannelAndItsServiceUrlIsTrusted() {
        // GIVEN a channel conversation and a personal chat on two service URLs
        TeamsConversation channel = new TeamsConversation(EMEA, "19:general@thread.tacv2", Kind.CHANNEL, "tenant-1",
                "19:team@thread.tacv2", "19:general@thread.tacv2", "", "", true, NOW);
        conversations().save(channel);
        conversations().save(personal("a:1", AMER, "aad-sam", NOW));
        // WHEN the channel is looked up by its channel id, and the service URLs are listed
        // THEN the channel comes back; both URLs are listed once each, as given
        assertThat(conversations().channel("19:general@thread.tacv2")).contains(channel);
        assertThat(conversations().channel("19:other@thread.tacv2")).isEmpty();
        assertThat(conversations().serviceUrls()).containsExactlyInAnyOrder(AMER, EMEA);
    }

    @Test
    void givenAnInstalledChat_whenTheBotIsRemoved_thenItIsKeptAsNotInstalledAndAnUnknownOneIsNotInvented() {
        // GIVEN an installed personal chat
        conversations().save(personal("a:1", AMER, "aad-sam", NOW));
        // WHEN the bot is removed from it, and from a chat never seen
        boolean known = conversations().setInstalled("a:1", false, NOW.plusSeconds(5));
        boolean unknown = conversations().setInstalled("a:never", false, NOW.plusSeconds(5));
        // THEN the known one is marked not installed; nothing is created for the unknown one
        assertThat(known).isTrue();
        assertThat(unknown).isFalse();
        assertThat(conversations().find("a:1").orElseThrow())
                .isEqualTo(personal("a:1", AMER, "aad-sam", NOW).withInstalled(false, NOW.plusSeconds(5)));
        assertThat(conversations().find("a:never")).isEmpty();
    }

    @Test
    void givenAnOldRemovedChatAndANewInstalledOne_whenThePersonIsLookedUp_thenTheInstalledOneIsFound() {
        // GIVEN the same person with a removed chat (learned later) and an installed one
        conversations().save(personal("a:new", AMER, "aad-sam", NOW));
        conversations().save(personal("a:old", AMER, "aad-sam", NOW.plusSeconds(60)).withInstalled(false, NOW.plusSeconds(60)));
        // WHEN looked up
        // THEN the installed chat is the one to write to
        assertThat(conversations().personal("tenant-1", "aad-sam").orElseThrow().conversationId()).isEqualTo("a:new");
    }

    @Test
    void givenAPersonsChatInSomeTenant_whenLookedUpByTheirObjectIdAlone_thenItIsFoundInstalledFirst() {
        // GIVEN a person's removed chat and installed chat, and a channel that names no person
        conversations().save(personal("a:new", AMER, "aad-sam", NOW));
        conversations().save(personal("a:old", AMER, "aad-sam", NOW.plusSeconds(60)).withInstalled(false, NOW.plusSeconds(60)));
        conversations().save(new TeamsConversation(EMEA, "19:general@thread.tacv2", Kind.CHANNEL, "tenant-1",
                "19:team@thread.tacv2", "19:general@thread.tacv2", "", "", true, NOW));
        // WHEN looked up by the Entra object id only (all a recipient's address carries)
        // THEN the installed chat is found; nobody else's
        assertThat(conversations().personal("aad-sam").orElseThrow().conversationId()).isEqualTo("a:new");
        assertThat(conversations().personal("aad-kim")).isEmpty();
        assertThat(conversations().personal("")).isEmpty();
    }

    @Test
    void givenInstalledAndRemovedConversations_whenListingTheInstalled_thenOnlyThoseComeNewestFirst() {
        // GIVEN a chat learned first, a channel learned later, and a chat the bot was removed from
        conversations().save(personal("a:1", AMER, "aad-sam", NOW));
        TeamsConversation channel = new TeamsConversation(EMEA, "19:general@thread.tacv2", Kind.CHANNEL, "tenant-1",
                "19:team@thread.tacv2", "19:general@thread.tacv2", "", "", true, NOW.plusSeconds(30));
        conversations().save(channel);
        conversations().save(personal("a:2", AMER, "aad-kim", NOW.plusSeconds(60)).withInstalled(false, NOW.plusSeconds(60)));
        // WHEN the installed ones are listed
        // THEN the channel, then the first chat; not the removed one
        assertThat(conversations().installed()).containsExactly(channel, personal("a:1", AMER, "aad-sam", NOW));
    }
}
