package planbot.storage;

/** The {@link PersonRepository} contract on a SQLite file. */
class PersonRepositorySqliteTest extends PersonRepositoryContractTest {
    PersonRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
