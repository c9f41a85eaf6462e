package planbot.storage;

/** The {@link ApiTokenRepository} contract on a SQLite file. */
class ApiTokenRepositorySqliteTest extends ApiTokenRepositoryContractTest {
    ApiTokenRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
