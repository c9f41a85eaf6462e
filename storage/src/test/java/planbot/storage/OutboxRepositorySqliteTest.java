package planbot.storage;

/** The {@link OutboxRepository} contract on SQLite. */
class OutboxRepositorySqliteTest extends OutboxRepositoryContractTest {
    OutboxRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
