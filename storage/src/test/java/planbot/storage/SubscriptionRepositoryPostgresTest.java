package planbot.storage;

/** The {@link SubscriptionRepository} contract on PostgreSQL. */
class SubscriptionRepositoryPostgresTest extends SubscriptionRepositoryContractTest {
    SubscriptionRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
