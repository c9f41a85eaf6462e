package planbot.storage;

/** The {@link TenantRepository} contract on PostgreSQL. */
class TenantRepositoryPostgresTest extends TenantRepositoryContractTest {
    TenantRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
