package planbot.storage;

/** The {@link ApiTokenRepository} contract on PostgreSQL. */
class ApiTokenRepositoryPostgresTest extends ApiTokenRepositoryContractTest {
    ApiTokenRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
