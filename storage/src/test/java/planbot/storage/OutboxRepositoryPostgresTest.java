package planbot.storage;

/** The {@link OutboxRepository} contract on PostgreSQL. */
class OutboxRepositoryPostgresTest extends OutboxRepositoryContractTest {
    OutboxRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
