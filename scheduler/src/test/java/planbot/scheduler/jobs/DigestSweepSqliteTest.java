package planbot.scheduler.jobs;

import planbot.storage.Database;

/** The digest sweep on SQLite. */
class DigestSweepSqliteTest extends DigestSweepContractTest {
    DigestSweepSqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
