package planbot.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.storage.Database;
import planbot.storage.testing.TestDatabases;

/** Creating Quartz's tables on PostgreSQL: once, when several nodes start together, and never over a half store. */
class QuartzSchemaPostgresTest {
    private final List<Database> nodes = new ArrayList<>();

    @BeforeEach
    void threeNodesOnOneDatabase() {
        String url = TestDatabases.postgresUrl();
        for (int i = 0; i < 3; i++) {
            nodes.add(Database.open(url));
        }
    }

    @AfterEach
    void close() {
        nodes.forEach(Database::close);
    }

    @Test
    void threeNodesStartingTogetherCreateTheTablesOnceAndTheLockRows() throws Exception {
        // WHEN three nodes make sure of the tables at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (Database db : nodes) {
            calls.add(() -> QuartzSchema.ensure(db, SchedulerService.NAME));
        }
        List<Boolean> created = new ArrayList<>();
        for (Future<Boolean> f : pool.invokeAll(calls)) {
            created.add(f.get());
        }
        pool.shutdown();

        // THEN exactly one created them, every table is there, and the scheduler's lock rows too
        assertThat(created).containsOnlyOnce(true);
        assertThat(tables()).containsExactlyInAnyOrderElementsOf(QuartzSchema.TABLES);
        List<String> locks = nodes.get(0).withHandle(h -> h.createQuery("SELECT lock_name FROM qrtz_locks"
                + " WHERE sched_name = ? ORDER BY 1").bind(0, SchedulerService.NAME).mapTo(String.class).list());
        assertThat(locks).containsExactly("STATE_ACCESS", "TRIGGER_ACCESS");
        // … and a later start changes nothing
        assertThat(QuartzSchema.ensure(nodes.get(1), SchedulerService.NAME)).isFalse();
    }

    @Test
    void aStoreWithATableMissingIsRefusedNotRepaired() {
        // GIVEN the tables, then one dropped
        QuartzSchema.ensure(nodes.get(0), SchedulerService.NAME);
        nodes.get(0).withHandle(h -> h.execute("DROP TABLE qrtz_calendars"));

        // WHEN a node starts THEN it says what is missing and drops nothing
        assertThatThrownBy(() -> QuartzSchema.ensure(nodes.get(1), SchedulerService.NAME))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[qrtz_calendars] missing");
        assertThat(tables()).hasSize(QuartzSchema.TABLES.size() - 1);
    }

    private List<String> tables() {
        return nodes.get(0).withHandle(h -> h.createQuery("SELECT lower(table_name) FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND lower(table_name) LIKE 'qrtz%'").mapTo(String.class).list());
    }
}
