package planbot.tracker;

import planbot.storage.Database;

/** The {@link ImportService} contract on a SQLite file. */
class ImportServiceSqliteTest extends ImportServiceContractTest {
    ImportServiceSqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
