package planbot.storage;

/** The chat repositories' contract on SQLite. */
class ChatRepositoriesSqliteTest extends ChatRepositoriesContractTest {
    ChatRepositoriesSqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
