package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.storage.testing.TestDatabases;

/** The SQLite connection rules the {@link Database} gateway promises, checked on a real file. */
class SqliteDatabaseTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyPooledConnectionHasForeignKeysOnAndWalAndABusyTimeout() {
        // Hold several connections at once so the pool has to hand out distinct ones.
        List<Handle> handles = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                handles.add(db.open());
            }
            for (Handle h : handles) {
                assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
                assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualToIgnoringCase("wal");
                assertThat(h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one()).isEqualTo(5000);
            }
        } finally {
            handles.forEach(Handle::close);
        }
    }

    @Test
    void givenAMigratedDatabase_whenItsTablesAreListed_thenTheTestDumpCoversEveryOne() {
        // A dump that misses a table would let "the database is unchanged" assertions pass over writes to it.
        List<String> tables = db.withHandle(h -> h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history'")
                .mapTo(String.class).list());

        assertThat(TestDatabases.TABLES).containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void givenAReadWhoseStatementIsKept_whenAnotherConnectionCommitsAWrite_thenTheSameReadOnTheSameConnectionSeesIt() {
        JdbiTenantRepository tenants = new JdbiTenantRepository(db);
        tenants.getOrCreate("a", java.time.Instant.EPOCH);
        // Hold one connection and read on it: its SELECT is prepared and kept for reuse.
        try (Handle reader = db.open()) {
            String sql = "SELECT COUNT(*) FROM tenant";
            assertThat(reader.createQuery(sql).mapTo(Integer.class).one()).isEqualTo(1);

            // Another pooled connection writes while the reader's statement is kept.
            db.inTransaction(h -> h.execute("INSERT INTO tenant (slug, name, created_at) VALUES ('b', 'b', 0)"));

            // A kept statement left un-reset would still hold the old snapshot and answer 1.
            assertThat(reader.createQuery(sql).mapTo(Integer.class).one()).isEqualTo(2);
        }
    }

    @Test
    void givenAQueryBeingRead_whenTheSameQueryRunsInsideItOnTheSameHandle_thenBothGiveTheirOwnRows() {
        db.inTransaction(h -> {
            for (String slug : List.of("a", "b", "c")) {
                h.execute("INSERT INTO tenant (slug, name, created_at) VALUES (?, ?, 0)", slug, slug);
            }
            return null;
        });
        String sql = "SELECT slug FROM tenant WHERE slug <> ? ORDER BY slug";

        List<String> pairs = db.withHandle(h -> {
            List<String> out = new ArrayList<>();
            try (var outer = h.createQuery(sql).bind(0, "-").mapTo(String.class).stream()) {
                outer.forEach(o -> out.add(o + ":" + String.join("", h.createQuery(sql).bind(0, o).mapTo(String.class).list())));
            }
            return out;
        });

        assertThat(pairs).containsExactly("a:bc", "b:ac", "c:ab");
    }

    @Test
    void givenManyDifferentQueries_whenRunOnOneConnection_thenOnlyTheMostRecentAreKeptAndAllStillAnswer() {
        List<Integer> answers = db.withHandle(h -> {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < SqliteStatementCache.PER_CONNECTION * 3; i++) {
                out.add(h.createQuery("SELECT " + i).mapTo(Integer.class).one());
            }
            out.add(h.createQuery("SELECT 0").mapTo(Integer.class).one());
            return out;
        });

        assertThat(answers).hasSize(SqliteStatementCache.PER_CONNECTION * 3 + 1).endsWith(0);
        assertThat(answers.get(100)).isEqualTo(100);
    }

    @Test
    void aRowPointingAtNoParentIsRefused() {
        assertThatThrownBy(() -> db.inTransaction(h -> h.execute(
                "INSERT INTO plan (tenant_id, name, layout, created_at, updated_at) VALUES (999, 'x', '{}', 0, 0)")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("FOREIGN KEY");
    }

    @Test
    void aRepositoryCalledInsideATransactionRollsBackWithIt() {
        JdbiTenantRepository tenants = new JdbiTenantRepository(db);
        assertThatThrownBy(() -> db.inTransaction(h -> {
            tenants.getOrCreate("rolled-back", java.time.Instant.EPOCH);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(tenants.find("rolled-back")).isEmpty();
    }
}
