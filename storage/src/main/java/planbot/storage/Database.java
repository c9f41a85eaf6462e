package planbot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import planbot.domain.UserFixableException;

/**
 * The one gateway to the database. It owns the connection rules (SQLite: WAL, busy timeout, foreign keys,
 * write transactions begun IMMEDIATE, prepared SELECTs kept per connection; PostgreSQL: a pool sized by
 * {@link PoolSettings}), runs the migrations on open, and translates driver exceptions into {@link StorageException}.
 *
 * <p>Thread-safe. Open one per process with {@link #open(String)} and {@link #close()} it on shutdown.
 */
public final class Database implements AutoCloseable {

    /** Which SQL dialect is behind the URL. */
    public enum Vendor { SQLITE, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Vendor vendor;
    /** SQLite's prepared SELECTs, kept per connection; null for PostgreSQL, whose driver keeps its own. */
    private final SqliteStatementCache statements;

    private Database(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.jdbi = Jdbi.create(dataSource);
        this.statements = vendor == Vendor.SQLITE ? new SqliteStatementCache() : null;
        if (statements != null) {
            jdbi.setStatementBuilderFactory(statements);
        }
    }

    /**
     * Opens the database at a JDBC URL ({@code jdbc:sqlite:data/planbot.db} or {@code jdbc:postgresql://…})
     * and brings its schema up to date. The parent folder of a SQLite file is created if missing.
     *
     * @throws UserFixableException for a URL that is neither SQLite nor PostgreSQL, or an in-memory SQLite URL
     *                              (each connection to it would be a new, empty database)
     * @throws StorageException     when the database cannot be reached or migrated
     */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, PoolSettings.DEFAULTS);
    }

    /**
     * As {@link #open(String)}, with this pool; it counts on PostgreSQL only (SQLite keeps its few local connections).
     * Several processes may open one PostgreSQL database at once: Flyway migrates under PostgreSQL's advisory lock.
     */
    public static Database open(String jdbcUrl, PoolSettings pool) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(pool, "pool");
        Vendor vendor = vendorOf(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("planbot-db");
        if (vendor == Vendor.SQLITE) {
            String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
            if (file.isEmpty() || file.contains(":memory:") || file.startsWith("file::memory")) {
                throw new UserFixableException("an in-memory SQLite database is not supported: give a file, e.g. jdbc:sqlite:data/planbot.db");
            }
            createParent(Path.of(file.replaceFirst("^file:", "")));
            Properties p = new Properties();
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", "NORMAL");
            p.setProperty("foreign_keys", "true");
            p.setProperty("busy_timeout", "5000");
            // 32 MB of page cache per connection (default 2 MB): a large import then rarely spills to the file mid-transaction
            p.setProperty("cache_size", "-32000");
            // the outbox stages a sweep's rows in a temporary table: in memory, not in a temporary file
            p.setProperty("temp_store", "MEMORY");
            p.setProperty("transaction_mode", "IMMEDIATE");
            p.setProperty("date_class", "TEXT");
            config.setDataSourceProperties(p);
            // a few readers beside the one writer SQLite allows at a time; more connections would only queue
            config.setMaximumPoolSize(4);
            config.setConnectionInitSql("PRAGMA foreign_keys = ON");
        } else {
            config.setMaximumPoolSize(pool.size());
            // the same limit on reaching the server (the driver's, in seconds) and on waiting for a pooled connection
            config.addDataSourceProperty("connectTimeout", String.valueOf(pool.connectTimeoutSeconds()));
            config.setConnectionTimeout(pool.connectTimeoutSeconds() * 1000L);
        }
        config.setInitializationFailTimeout(-1);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open the database (" + redact(jdbcUrl) + "): " + e.getMessage(), e);
        }
        Database db = new Database(ds, vendor);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw new StorageException("cannot open or migrate the database (" + redact(jdbcUrl) + "): " + rootMessage(e), e);
        }
        return db;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** Jdbi for repositories in this package family; prefer {@link #inTransaction} and {@link #withHandle}. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs work in one write transaction (IMMEDIATE on SQLite, so it never fails half-way on a lock
     * upgrade). Commits when it returns, rolls back when it throws; the exception is rethrown,
     * translated to {@link StorageException} when it came from the driver.
     */
    public <R, X extends Exception> R inTransaction(HandleCallback<R, X> work) throws X {
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.UNKNOWN, work);
        } catch (JdbiException e) {
            throw new StorageException("database error: " + rootMessage(e), e);
        }
    }

    /**
     * Runs work in one write transaction, like {@link #inTransaction}, for callers that only use repositories:
     * every repository call the work makes on this thread joins the transaction.
     */
    public <R> R transaction(java.util.function.Supplier<R> work) {
        return inTransaction(h -> work.get());
    }

    /** Runs read work on one connection without a transaction. */
    public <R, X extends Exception> R withHandle(HandleCallback<R, X> work) throws X {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw new StorageException("database error: " + rootMessage(e), e);
        }
    }

    private void migrate() {
        String id = vendor == Vendor.SQLITE
                ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
        Flyway.configure()
                .dataSource(dataSource)
                // db/migration holds the versions both vendors share; db/vendor/{vendor} the few that must differ
                .locations("classpath:db/migration", "classpath:db/vendor/" + (vendor == Vendor.SQLITE ? "sqlite" : "postgresql"))
                .placeholders(Map.of("id", id))
                .loggers("slf4j")
                .load()
                .migrate();
    }

    static Vendor vendorOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Vendor.SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Vendor.POSTGRESQL;
        }
        throw new UserFixableException("unsupported database URL '" + redact(jdbcUrl)
                + "': use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }

    /** The URL without any password, for messages and logs. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (java.io.IOException e) {
                throw new StorageException("cannot create the folder " + parent + " for the database: " + e.getMessage(), e);
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The pool's most connections, for tests. */
    int maximumPoolSize() {
        return dataSource.getMaximumPoolSize();
    }

    /** How long the pool waits for a connection, in milliseconds, for tests. */
    long connectionTimeoutMillis() {
        return dataSource.getConnectionTimeout();
    }

    /** Useful in tests and for diagnostics: opens a raw handle. Callers must close it. */
    Handle open() {
        return jdbi.open();
    }

    @Override
    public void close() {
        if (statements != null) {
            statements.clear();
        }
        dataSource.close();
    }
}
