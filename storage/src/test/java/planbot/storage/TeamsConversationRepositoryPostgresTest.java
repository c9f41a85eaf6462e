package planbot.storage;

/** The {@link TeamsConversationRepository} contract on PostgreSQL. */
class TeamsConversationRepositoryPostgresTest extends TeamsConversationRepositoryContractTest {
    TeamsConversationRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
