package planbot.storage;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps SQLite's prepared SELECT statements for reuse, per physical connection. SQLite compiles a statement on
 * every prepare, and for the joined reads of a task card that costs twice what running it does (about 30 µs
 * against 15 µs); neither the SQLite driver nor the pool caches statements, so {@link Database} plugs this into
 * Jdbi for SQLite. (PostgreSQL's driver caches prepared statements itself.)
 *
 * <p>Rules, each for a reason:
 * <ul>
 *   <li>Only plain SELECTs are kept; writes, batches and generated-key statements are made and closed as usual.</li>
 *   <li>Statements are prepared on the pool's physical connection, not its proxy: the proxy closes every
 *       statement made through it when it goes back to the pool, which would empty the cache each time.</li>
 *   <li>A kept statement is handed out to one use at a time; a nested use of the same SQL while the first is
 *       still open (its result set being read) gets a fresh statement that is closed after it.</li>
 *   <li>When Jdbi is done with a kept statement its result set has been closed, which resets the SQLite
 *       statement, so it holds no read snapshot open between uses (a later read sees later commits; a test
 *       in SqliteDatabaseTest checks it).</li>
 *   <li>At most {@value #PER_CONNECTION} statements per connection, least recently used dropped (and closed).
 *       The entries of connections the pool has closed are dropped on the next use.</li>
 * </ul>
 *
 * <p>Thread-safe: the pool hands a physical connection to one thread at a time, and the map of connections
 * is synchronised.
 */
final class SqliteStatementCache implements StatementBuilderFactory {
    static final int PER_CONNECTION = 64;

    private final Map<Connection, PerConnection> connections = new IdentityHashMap<>();

    @Override
    public StatementBuilder createStatementBuilder(Connection proxy) {
        return new Builder();
    }

    /** Closes every kept statement (when the database closes). */
    synchronized void clear() {
        for (PerConnection c : connections.values()) {
            c.closeAll();
        }
        connections.clear();
    }

    private synchronized PerConnection of(Connection physical) throws SQLException {
        PerConnection c = connections.get(physical);
        if (c == null) {
            // A new physical connection: a good moment to forget those the pool has retired.
            List<Connection> gone = new ArrayList<>();
            for (Connection known : connections.keySet()) {
                if (known.isClosed()) {
                    gone.add(known);
                }
            }
            gone.forEach(connections::remove);
            c = new PerConnection(physical);
            connections.put(physical, c);
        }
        return c;
    }

    static boolean cacheable(String sql, StatementContext ctx) {
        return !ctx.isReturningGeneratedKeys() && !ctx.isConcurrentUpdatable()
                && sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
    }

    /** The statements kept for one physical connection, and which of them are in use. */
    private static final class PerConnection {
        private final Connection physical;
        private final Set<Statement> inUse = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private final LinkedHashMap<String, PreparedStatement> kept = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() > PER_CONNECTION && !inUse.contains(eldest.getValue())) {
                    closeQuietly(eldest.getValue());
                    return true;
                }
                return false;
            }
        };

        PerConnection(Connection physical) {
            this.physical = physical;
        }

        PreparedStatement take(String sql) throws SQLException {
            PreparedStatement ps = kept.get(sql);
            if (ps != null && ps.isClosed()) {
                kept.remove(sql);
                ps = null;
            }
            if (ps == null) {
                ps = physical.prepareStatement(sql);
                kept.put(sql, ps);
            } else if (inUse.contains(ps)) {
                return null; // nested use of the same SQL: the caller makes a statement of its own
            } else {
                ps.clearParameters();
            }
            inUse.add(ps);
            return ps;
        }

        /** True when the statement is one of ours (then it is kept, not closed). */
        boolean giveBack(Statement stmt) {
            return inUse.remove(stmt);
        }

        void closeAll() {
            kept.values().forEach(PerConnection::closeQuietly);
            kept.clear();
            inUse.clear();
        }

        private static void closeQuietly(Statement s) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // it was being dropped anyway
            }
        }
    }

    /** Jdbi's statement builder for one handle: kept statements for SELECTs, Jdbi's default for the rest. */
    private final class Builder implements StatementBuilder {
        private final StatementBuilder plain = new DefaultStatementBuilder();

        @Override
        public Statement create(Connection conn, StatementContext ctx) throws SQLException {
            return plain.create(conn, ctx);
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (cacheable(sql, ctx)) {
                PerConnection c = of(conn.unwrap(Connection.class));
                PreparedStatement ps = c.take(sql);
                if (ps != null) {
                    return ps;
                }
            }
            return plain.create(conn, sql, ctx);
        }

        @Override
        public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
            return plain.createCall(conn, sql, ctx);
        }

        @Override
        public void close(Connection conn, String sql, Statement stmt) throws SQLException {
            // Jdbi closes a statement's result set before the statement (its cleanables run last-in, first-out),
            // and closing a SQLite result set resets the statement: a kept statement holds no read snapshot.
            if (stmt != null && of(conn.unwrap(Connection.class)).giveBack(stmt)) {
                return;
            }
            plain.close(conn, sql, stmt);
        }
    }
}
