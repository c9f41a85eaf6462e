package planbot.storage;

/** The {@link DateRevisionRepository} contract on a SQLite file. */
class DateRevisionRepositorySqliteTest extends DateRevisionRepositoryContractTest {
    DateRevisionRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
