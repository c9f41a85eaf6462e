package planbot.storage;

/** The {@link AuditRepository} contract on PostgreSQL. */
class AuditRepositoryPostgresTest extends AuditRepositoryContractTest {
    AuditRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
