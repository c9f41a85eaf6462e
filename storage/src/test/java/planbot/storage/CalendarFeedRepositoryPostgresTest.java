package planbot.storage;

/** The {@link CalendarFeedRepository} contract on PostgreSQL. */
class CalendarFeedRepositoryPostgresTest extends CalendarFeedRepositoryContractTest {
    CalendarFeedRepositoryPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
