package planbot.storage;

/** The {@link AuditRepository} contract on a SQLite file. */
class AuditRepositorySqliteTest extends AuditRepositoryContractTest {
    AuditRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
