package planbot.scheduler.jobs;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.quartz.utils.ConnectionProvider;
import planbot.storage.Database;

/**
 * Quartz's JDBC job store borrows its connections from the {@link Database}'s pool, through a Jdbi handle.
 *
 * <p>Why not Quartz's own pool: one pool means one place that knows the URL and the password (Quartz never sees
 * them), one set of connection rules, and no c3p0 or second HikariCP on the classpath. The cost is sharing the
 * pool (PostgreSQL: 8 connections) with the application: Quartz holds a connection only for the length of one of
 * its own short transactions (acquire triggers, check in, record a fire), at most about five at once with two
 * worker threads, and never while a job runs, so it cannot starve the jobs it starts; a node whose pool is
 * exhausted for longer than the cluster check-in tolerance is taken for dead and its triggers recovered by
 * another node, which the outbox's UNIQUE keys make harmless. If that ever bites, give Quartz its own pool here.
 *
 * <p>Returning a connection restores auto-commit (rolling back anything left uncommitted, which Quartz never
 * does) and closes its handle, which gives the connection back to the pool. Thread-safe.
 */
final class DatabaseConnectionProvider implements ConnectionProvider {
    private final Database db;

    DatabaseConnectionProvider(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Connection getConnection() throws SQLException {
        Handle handle;
        try {
            handle = db.jdbi().open();
        } catch (JdbiException e) {
            throw new SQLException("cannot borrow a connection from the database pool", e);
        }
        Connection c = handle.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Borrowed(handle, c));
    }

    @Override
    public void shutdown() {
        // the pool is the Database's: whoever opened it closes it, after stopping the scheduler
    }

    @Override
    public void initialize() {
        // nothing to set up: the Database is open already
    }

    /** A pooled connection lent to Quartz; {@code close()} gives it back instead of closing it. */
    private static final class Borrowed implements InvocationHandler {
        private final Handle handle;
        private final Connection connection;
        private boolean returned;

        Borrowed(Handle handle, Connection connection) {
            this.handle = handle;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close") && method.getParameterCount() == 0) {
                giveBack();
                return null;
            }
            if (name.equals("isClosed") && method.getParameterCount() == 0) {
                return returned || connection.isClosed();
            }
            if (returned) {
                throw new SQLException("this connection was given back to the pool");
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void giveBack() throws SQLException {
            if (returned) {
                return;
            }
            returned = true;
            try {
                if (!connection.isClosed() && !connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } finally {
                handle.close();
            }
        }
    }
}
