package planbot.storage;

/** The {@link PlanRepository} contract on a SQLite file. */
class PlanRepositorySqliteTest extends PlanRepositoryContractTest {
    PlanRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
