package planbot.storage;

/** The {@link TeamsConversationRepository} contract on a SQLite file. */
class TeamsConversationRepositorySqliteTest extends TeamsConversationRepositoryContractTest {
    TeamsConversationRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
