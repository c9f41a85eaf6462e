package planbot.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.Plan;
import planbot.storage.Database;
import planbot.storage.testing.Stores;
import planbot.storage.testing.TestDatabases;
import planbot.storage.testing.TestPlans;

/**
 * Imports 100,000 tasks into a fresh SQLite file and prints the rate (the target is 50,000 task rows/s).
 * It asserts what was stored, never how long it took: timing belongs to a person reading the output.
 */
class ImportServiceSpeedTest {

    @Test
    void importsOneHundredThousandTasksIntoAFreshSqliteFile(@TempDir Path dir) {
        Plan plan = TestPlans.large("Big plan", 20, 50, 100);
        try (Database db = TestDatabases.sqlite(dir)) {
            Stores stores = Stores.on(db);
            long start = System.nanoTime();
            ImportReport report = stores.importer().importPlan("speed", TestPlans.read(plan), ImportMode.APPLY, "admin",
                    Clock.fixed(Instant.parse("2024-05-01T09:00:00Z"), ZoneOffset.UTC));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("imported %,d tasks in %.2f s: %,.0f task rows/s%n", report.tasks(), seconds, report.tasks() / seconds);
            assertThat(report.taskChanges().created()).isEqualTo(100_000);
            assertThat(TestDatabases.counts(db).get("task")).isEqualTo(100_000);
            assertThat(TestDatabases.counts(db).get("audit_event")).isEqualTo(1);
        }
    }
}
