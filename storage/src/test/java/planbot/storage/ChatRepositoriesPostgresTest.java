package planbot.storage;

/** The chat repositories' contract on PostgreSQL. */
class ChatRepositoriesPostgresTest extends ChatRepositoriesContractTest {
    ChatRepositoriesPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
