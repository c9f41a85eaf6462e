package planbot.storage;

/** The {@link TenantRepository} contract on a SQLite file. */
class TenantRepositorySqliteTest extends TenantRepositoryContractTest {
    TenantRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
