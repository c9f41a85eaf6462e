package planbot.storage;

/** The {@link ClaimCodeRepository} contract on PostgreSQL. */
class ClaimCodeRepositoryPostgresTest extends ClaimCodeRepositoryContractTest {
    ClaimCodeRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
