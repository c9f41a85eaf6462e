package planbot.storage;

/** The {@link AssessSessionRepository} contract on Sqlite. */
class AssessSessionRepositorySqliteTest extends AssessSessionRepositoryContractTest {
    AssessSessionRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
