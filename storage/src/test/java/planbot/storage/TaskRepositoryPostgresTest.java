package planbot.storage;

/** The {@link TaskRepository} contract on PostgreSQL. */
class TaskRepositoryPostgresTest extends TaskRepositoryContractTest {
    TaskRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
