package planbot.storage;

/** The {@link ClaimCodeRepository} contract on a SQLite file. */
class ClaimCodeRepositorySqliteTest extends ClaimCodeRepositoryContractTest {
    ClaimCodeRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
