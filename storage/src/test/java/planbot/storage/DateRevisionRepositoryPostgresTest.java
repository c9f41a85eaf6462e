package planbot.storage;

/** The {@link DateRevisionRepository} contract on PostgreSQL. */
class DateRevisionRepositoryPostgresTest extends DateRevisionRepositoryContractTest {
    DateRevisionRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
