package planbot.storage;

/** The {@link TaskRepository} contract on SQLite. */
class TaskRepositorySqliteTest extends TaskRepositoryContractTest {
    TaskRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
