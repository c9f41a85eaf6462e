package planbot.storage;

/** The {@link AssessSessionRepository} contract on Postgres. */
class AssessSessionRepositoryPostgresTest extends AssessSessionRepositoryContractTest {
    AssessSessionRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
