package planbot.storage;

/** The {@link SubscriptionRepository} contract on SQLite. */
class SubscriptionRepositorySqliteTest extends SubscriptionRepositoryContractTest {
    SubscriptionRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
