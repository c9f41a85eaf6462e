package planbot.tracker;

import planbot.storage.Database;

/** The {@link ImportService} contract on PostgreSQL. */
class ImportServicePostgresTest extends ImportServiceContractTest {
    ImportServicePostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
