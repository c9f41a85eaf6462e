package planbot.storage;

/** The {@link CalendarFeedRepository} contract on a SQLite file. */
class CalendarFeedRepositorySqliteTest extends CalendarFeedRepositoryContractTest {
    CalendarFeedRepositorySqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
