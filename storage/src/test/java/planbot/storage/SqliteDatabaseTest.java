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
