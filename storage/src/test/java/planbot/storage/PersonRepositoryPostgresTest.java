package planbot.storage;

/** The {@link PersonRepository} contract on PostgreSQL. */
class PersonRepositoryPostgresTest extends PersonRepositoryContractTest {
    PersonRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
