package planbot.scheduler.jobs;

import planbot.storage.Database;

/** The digest sweep on PostgreSQL. */
class DigestSweepPostgresTest extends DigestSweepContractTest {
    DigestSweepPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
