package planbot.scheduler.jobs;

import planbot.storage.Database;

/** Catching up after a long stop, on SQLite. */
class CatchUpSqliteTest extends CatchUpContractTest {
    CatchUpSqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
