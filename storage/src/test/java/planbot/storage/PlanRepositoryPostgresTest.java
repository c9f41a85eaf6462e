package planbot.storage;

/** The {@link PlanRepository} contract on PostgreSQL. */
class PlanRepositoryPostgresTest extends PlanRepositoryContractTest {
    PlanRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
