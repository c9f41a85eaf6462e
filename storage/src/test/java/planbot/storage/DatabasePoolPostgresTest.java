package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import planbot.storage.testing.TestDatabases;

/**
 * The pool settings on a real PostgreSQL, and Flyway when several nodes start on one new database at the same
 * moment. Needs the embedded PostgreSQL: run with ./run-tests.
 */
class DatabasePoolPostgresTest {

    @Test
    void thePoolHoldsExactlyTheConfiguredNumberOfConnectionsAndGivesUpAfterTheConnectTimeout() {
        // GIVEN a database opened with a pool of 3 and a connect timeout of 1 second
        try (Database db = Database.open(TestDatabases.postgresUrl(), new PoolSettings(3, 1))) {
            assertThat(db.maximumPoolSize()).isEqualTo(3);
            assertThat(db.connectionTimeoutMillis()).isEqualTo(1_000);
            // WHEN three connections are in use
            List<Handle> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Handle h = db.open();
                    held.add(h);
                    assertThat(h.createQuery("SELECT 1").mapTo(Integer.class).one()).isEqualTo(1);
                }
                // THEN a fourth is refused once the timeout has passed, not after Hikari's default 30 s
                long start = System.nanoTime();
                assertThatThrownBy(db::open).isInstanceOf(RuntimeException.class);
                long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(waitedMillis).isBetween(900L, 10_000L);
            } finally {
                held.forEach(Handle::close);
            }
        }
    }

    @Test
    void withoutSettingsThePoolHasTenConnectionsAndTenSeconds() {
        try (Database db = Database.open(TestDatabases.postgresUrl())) {
            assertThat(db.maximumPoolSize()).isEqualTo(10);
            assertThat(db.connectionTimeoutMillis()).isEqualTo(10_000);
        }
    }

    @Test
    void threeNodesOpeningOneNewDatabaseAtOnceAllStartAndEachMigrationIsAppliedOnce() throws Exception {
        // GIVEN a new, empty database and three nodes ready to open it
        String url = TestDatabases.postgresUrl();
        int nodes = 3;
        CountDownLatch ready = new CountDownLatch(nodes);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        List<Future<Database>> opened = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            opened.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                return Database.open(url, new PoolSettings(2, 30));
            }));
        }
        // WHEN they all open it at the same moment
        ready.await();
        go.countDown();
        List<Database> dbs = new ArrayList<>();
        try {
            for (Future<Database> f : opened) {
                dbs.add(f.get(120, TimeUnit.SECONDS)); // THEN every node starts
            }
            // … and the history has each migration once, every one successful
            List<Map<String, Object>> history = dbs.get(0).withHandle(h -> h.createQuery(
                    "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank").mapToMap().list());
            assertThat(history).hasSize(migrationCount());
            assertThat(history).extracting(r -> r.get("version")).doesNotHaveDuplicates();
            assertThat(history).extracting(r -> r.get("success")).containsOnly(true);
            // … and the schema works from every node
            for (Database db : dbs) {
                int tasks = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM task").mapTo(Integer.class).one());
                assertThat(tasks).isZero();
            }
        } finally {
            dbs.forEach(Database::close);
            threads.shutdownNow();
        }
    }

    /** The migration files PostgreSQL runs: the shared ones and its own. */
    private static int migrationCount() throws URISyntaxException {
        int count = 0;
        for (String folder : List.of("db/migration", "db/vendor/postgresql")) {
            File dir = new File(Objects.requireNonNull(Database.class.getClassLoader().getResource(folder), folder).toURI());
            count += Objects.requireNonNull(dir.list((d, name) -> name.matches("V\\d+__.*\\.sql"))).length;
        }
        return count;
    }
}
