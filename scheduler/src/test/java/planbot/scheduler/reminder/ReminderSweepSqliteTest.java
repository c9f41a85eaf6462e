package planbot.scheduler.reminder;

import planbot.storage.Database;

/** The sweep on SQLite. */
class ReminderSweepSqliteTest extends ReminderSweepContractTest {
    ReminderSweepSqliteTest() {
        super(Database.Vendor.SQLITE);
    }
}
