package planbot.scheduler.reminder;

import planbot.storage.Database;

/** The sweep on PostgreSQL. */
class ReminderSweepPostgresTest extends ReminderSweepContractTest {
    ReminderSweepPostgresTest() {
        super(Database.Vendor.POSTGRESQL);
    }
}
