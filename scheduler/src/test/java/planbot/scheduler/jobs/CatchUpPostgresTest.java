package planbot.scheduler.jobs;

import planbot.storage.Database;

/** Catching up after a long stop, on PostgreSQL. */
class CatchUpPostgresTest extends CatchUpContractTest {
    CatchUpPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
