package planbot.storage.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import planbot.storage.Database;

/**
 * Real databases for tests: a SQLite file in a temporary folder, or a fresh database on one embedded
 * PostgreSQL started once per JVM (PostgreSQL refuses to run as root: run such tests with ./run-tests).
 * Callers close the {@link Database}s they get.
 */
public final class TestDatabases {

    /** Every table of the schema, parents first (SqliteDatabaseTest checks that none is missing). */
    public static final List<String> TABLES = List.of("tenant", "plan", "section", "action", "task", "person",
            "chat_identity", "target_date_revision", "audit_event", "task_snooze", "outbox", "reminder_policy",
            "reminder_sweep", "digest_subscription", "chat_workspace", "chat_channel", "inbound_event",
            "admin_claim_code", "admin_claim_failure", "welcome", "teams_conversation", "signin_link", "web_session",
            "api_token", "calendar_feed",
            "assess_template", "assess_session", "assess_vote", "assess_outcome", "assess_tip_decision", "assess_action");

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A new SQLite database file in {@code folder}, migrated. */
    public static Database sqlite(Path folder) {
        return Database.open("jdbc:sqlite:" + folder.resolve("planbot-" + DATABASES.incrementAndGet() + ".db"));
    }

    /** A new, empty, migrated PostgreSQL database on the shared embedded server. */
    public static Database postgres() {
        return Database.open(postgresUrl());
    }

    /**
     * The JDBC URL of a new, empty PostgreSQL database on the shared embedded server, not yet migrated: for tests
     * that open it several times, as several nodes of one service would.
     */
    public static String postgresUrl() {
        String name = "planbot_test_" + DATABASES.incrementAndGet();
        EmbeddedPostgres server = server();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            if ("root".equals(System.getProperty("user.name"))) {
                throw new IllegalStateException("PostgreSQL refuses to run as root: run these tests with ./run-tests");
            }
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going anyway; the server's temp folder is all that is left behind
                }
            }));
        }
        return postgres;
    }

    /** Every row of every table, ordered by id: two dumps are equal exactly when nothing was written between them. */
    public static Map<String, List<Map<String, Object>>> dump(Database db) {
        return db.withHandle(h -> {
            Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
            for (String table : TABLES) {
                all.put(table, h.createQuery("SELECT * FROM " + table + " ORDER BY id").mapToMap().list());
            }
            return all;
        });
    }

    /** How many rows each table has. */
    public static Map<String, Integer> counts(Database db) {
        return db.withHandle(h -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
            }
            return counts;
        });
    }

    /**
     * Makes the database itself refuse to store a task with this ref (a trigger), so a test can fail an
     * import half-way through its writes.
     */
    public static void refuseTaskRef(Database db, String ref) {
        String quoted = "'" + ref.replace("'", "''") + "'";
        db.withHandle(h -> {
            if (db.vendor() == Database.Vendor.SQLITE) {
                h.execute("CREATE TRIGGER refuse_task BEFORE INSERT ON task WHEN NEW.ref = " + quoted
                        + " BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END");
            } else {
                h.execute("CREATE FUNCTION refuse_task() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.ref = " + quoted + " THEN RAISE EXCEPTION 'refused by test trigger'; END IF;"
                        + " RETURN NEW; END $$");
                h.execute("CREATE TRIGGER refuse_task BEFORE INSERT ON task FOR EACH ROW EXECUTE FUNCTION refuse_task()");
            }
            return null;
        });
    }
}
