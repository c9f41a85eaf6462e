package planbot.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * {@link OutboxRepository} on the {@link Database}. Enqueues many rows per INSERT; looks keys up in chunks of
 * {@value #CHUNK} so a sweep that checks 100,000 keys makes 200 statements, not 100,000.
 */
public final class JdbiOutboxRepository implements OutboxRepository {
    private static final int ROWS_PER_INSERT = 100;
    private static final int CHUNK = 500;
    private static final String COLUMNS = "id, tenant_id, idempotency_key, kind, task_id, recipient_kind, recipient_name,"
            + " payload, state, attempts, next_attempt_at, last_error, platform_message_id, created_at, sent_at";

    private final Database db;

    public JdbiOutboxRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<String> enqueue(Collection<OutboxEntry> entries, Instant now) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<OutboxEntry> all = new ArrayList<>(entries);
        long at = now.toEpochMilli();
        return db.inTransaction(h -> {
            Connection c = h.getConnection();
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TEMP TABLE IF NOT EXISTS outbox_incoming (tenant_id BIGINT, idempotency_key TEXT,"
                            + " key_day TEXT, kind TEXT, task_id BIGINT, recipient_kind TEXT, recipient_name TEXT, payload TEXT)");
                    st.execute("DELETE FROM outbox_incoming");
                }
                int whole = all.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
                try (PreparedStatement full = whole == 0 ? null : c.prepareStatement(stage(ROWS_PER_INSERT))) {
                    for (int from = 0; from < whole; from += ROWS_PER_INSERT) {
                        stage(full, all.subList(from, from + ROWS_PER_INSERT));
                    }
                }
                if (whole < all.size()) {
                    try (PreparedStatement rest = c.prepareStatement(stage(all.size() - whole))) {
                        stage(rest, all.subList(whole, all.size()));
                    }
                }
                List<String> added = new ArrayList<>(all.size());
                try (PreparedStatement move = c.prepareStatement("INSERT INTO outbox (tenant_id, idempotency_key, key_day, kind,"
                        + " task_id, recipient_kind, recipient_name, payload, state, attempts, next_attempt_at, created_at)"
                        + " SELECT tenant_id, idempotency_key, key_day, kind, task_id, recipient_kind, recipient_name, payload,"
                        + " 'NEW', 0, ?, ? FROM outbox_incoming WHERE true ORDER BY key_day, idempotency_key"
                        + " ON CONFLICT (key_day, idempotency_key) DO NOTHING RETURNING idempotency_key")) {
                    move.setLong(1, at);
                    move.setLong(2, at);
                    try (ResultSet rs = move.executeQuery()) {
                        while (rs.next()) {
                            added.add(rs.getString(1));
                        }
                    }
                }
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM outbox_incoming");
                }
                return added;
            } catch (SQLException e) {
                throw new StorageException("database error: " + Database.rootMessage(e), e);
            }
        });
    }

    /**
     * A statement staging n rows in the connection's temporary {@code outbox_incoming} table. Entries are staged
     * there, many rows per statement, and then moved into the outbox by one INSERT … SELECT in the UNIQUE index's
     * order (day, key): SQLite sorts them in C, runs its insert program once rather than once per row, and a day's
     * new reminders append to the end of the index (see V6) — together three times faster at 111,000 reminders
     * than one-row JDBC batches.
     */
    private static String stage(int rows) {
        StringBuilder sql = new StringBuilder(120 + rows * 30).append("INSERT INTO outbox_incoming (tenant_id, idempotency_key,"
                + " key_day, kind, task_id, recipient_kind, recipient_name, payload) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    private static void stage(PreparedStatement ps, List<OutboxEntry> rows) throws SQLException {
        int p = 0;
        for (OutboxEntry e : rows) {
            ps.setLong(++p, e.tenantId());
            ps.setString(++p, e.key());
            ps.setString(++p, keyDay(e.key()));
            ps.setString(++p, e.kind());
            if (e.taskId() == null) {
                ps.setNull(++p, Types.BIGINT);
            } else {
                ps.setLong(++p, e.taskId());
            }
            ps.setString(++p, e.recipientKind());
            ps.setString(++p, e.recipientName());
            ps.setString(++p, e.payload());
        }
        ps.executeUpdate();
    }

    /**
     * The day a key belongs to, the first column of the outbox's UNIQUE key: the date a reminder key
     * ({@code rem:…:yyyy-mm-dd}) ends with, "" for any other key. A function of the key, so (day, key) is unique
     * exactly when the key is.
     */
    static String keyDay(String key) {
        int n = key.length();
        if (key.startsWith("rem:") && n >= 15 && key.charAt(n - 11) == ':' && key.charAt(n - 6) == '-' && key.charAt(n - 3) == '-') {
            return key.substring(n - 10);
        }
        return "";
    }

    @Override
    public Set<String> existingKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<String> all = new ArrayList<>(keys);
        return db.withHandle(h -> {
            Set<String> found = new HashSet<>();
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                List<String> days = new ArrayList<>(new java.util.TreeSet<>(chunk.stream().map(JdbiOutboxRepository::keyDay).toList()));
                String sql = "SELECT idempotency_key FROM outbox WHERE key_day IN (" + marks(days.size()) + ")"
                        + " AND idempotency_key IN (" + marks(chunk.size()) + ")";
                try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
                    for (int i = 0; i < days.size(); i++) {
                        ps.setString(i + 1, days.get(i));
                    }
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(days.size() + i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                } catch (SQLException e) {
                    throw new StorageException("database error: " + Database.rootMessage(e), e);
                }
            }
            return found;
        });
    }

    @Override
    public Set<String> keys(Tenant tenant) {
        return db.withHandle(h -> new HashSet<>(h.createQuery("SELECT idempotency_key FROM outbox WHERE tenant_id = ?")
                .bind(0, tenant.id()).mapTo(String.class).list()));
    }

    @Override
    public Optional<OutboxMessage> find(String key) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE key_day = ? AND idempotency_key = ?")
                .bind(0, keyDay(key)).bind(1, key).map((rs, ctx) -> message(rs)).findOne());
    }

    @Override
    public Optional<OutboxMessage> findByPlatformMessageId(String platformMessageId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE platform_message_id = ?"
                        + " ORDER BY sent_at DESC, id DESC LIMIT 1")
                .bind(0, platformMessageId).map((rs, ctx) -> message(rs)).findOne());
    }

    @Override
    public List<OutboxMessage> findAllByPlatformMessageId(String platformMessageId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE platform_message_id = ? ORDER BY id")
                .bind(0, platformMessageId).map((rs, ctx) -> message(rs)).list());
    }

    @Override
    public List<OutboxMessage> findSentWithMessageIdPrefix(String prefix, Instant since) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("a message id prefix must not be empty");
        }
        // substr, not LIKE: conversation ids hold '_' and '%' may come; and PostgreSQL's collation rules out a range
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE sent_at >= ?"
                        + " AND substr(platform_message_id, 1, ?) = ? ORDER BY sent_at DESC, id DESC")
                .bind(0, since.toEpochMilli()).bind(1, prefix.length()).bind(2, prefix)
                .map((rs, ctx) -> message(rs)).list());
    }

    @Override
    public List<OutboxMessage> claim(int limit, Instant now, Duration lease) {
        return claim(limit, now, lease, false);
    }

    @Override
    public List<OutboxMessage> claimWithTheirMoment(int limit, Instant now, Duration lease) {
        return claim(limit, now, lease, true);
    }

    private List<OutboxMessage> claim(int limit, Instant now, Duration lease, boolean withTheirMoment) {
        if (limit < 1) {
            return List.of();
        }
        long at = now.toEpochMilli();
        String lock = db.vendor() == Database.Vendor.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        String due = "SELECT id, tenant_id, created_at FROM outbox WHERE state IN ('NEW', 'SENDING') AND next_attempt_at <= ?";
        return db.inTransaction(h -> {
            // each due row as (id, tenant, created at)
            List<List<Long>> first = h.createQuery(due + " ORDER BY next_attempt_at, id LIMIT ?" + lock).bind(0, at)
                    .bind(1, limit).map((rs, ctx) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
            Set<Long> ids = new LinkedHashSet<>();
            first.forEach(row -> ids.add(row.get(0)));
            if (withTheirMoment) {
                Set<List<Long>> moments = new LinkedHashSet<>();
                first.forEach(row -> moments.add(row.subList(1, 3)));
                for (List<Long> moment : moments) {
                    ids.addAll(h.createQuery(due + " AND tenant_id = ? AND created_at = ? ORDER BY id" + lock)
                            .bind(0, at).bind(1, moment.get(0)).bind(2, moment.get(1)).map((rs, ctx) -> rs.getLong(1)).list());
                }
            }
            if (ids.isEmpty()) {
                return List.<OutboxMessage>of();
            }
            String in = marks(ids.size());
            Update update = h.createUpdate("UPDATE outbox SET state = 'SENDING', attempts = attempts + 1,"
                    + " next_attempt_at = ? WHERE id IN (" + in + ")").bind(0, at + lease.toMillis());
            Query read = h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE id IN (" + in + ") ORDER BY id");
            int i = 0;
            for (long id : ids) {
                update.bind(i + 1, id);
                read.bind(i, id);
                i++;
            }
            update.execute();
            return read.map((rs, ctx) -> message(rs)).list();
        });
    }

    @Override
    public void markSent(long id, String platformMessageId, Instant at) {
        db.inTransaction(h -> h.createUpdate("UPDATE outbox SET state = 'SENT', platform_message_id = ?, sent_at = ?,"
                        + " last_error = NULL WHERE id = ?")
                .bind(0, platformMessageId).bind(1, at.toEpochMilli()).bind(2, id).execute());
    }

    @Override
    public boolean markFailed(long id, String error, Instant retryAt) {
        return db.inTransaction(h -> retryAt == null
                ? h.createUpdate("UPDATE outbox SET state = 'DEAD', last_error = ? WHERE id = ? AND state = 'SENDING'")
                        .bind(0, error).bind(1, id).execute()
                : h.createUpdate("UPDATE outbox SET state = 'NEW', last_error = ?, next_attempt_at = ?"
                                + " WHERE id = ? AND state = 'SENDING'")
                        .bind(0, error).bind(1, retryAt.toEpochMilli()).bind(2, id).execute()) == 1;
    }

    @Override
    public boolean markSkipped(long id, String reason) {
        return db.inTransaction(h -> h.createUpdate("UPDATE outbox SET state = 'SKIPPED', last_error = ? WHERE id = ? AND state = 'SENDING'")
                .bind(0, reason).bind(1, id).execute()) == 1;
    }

    @Override
    public boolean release(long id, Instant at) {
        return db.inTransaction(h -> h.createUpdate("UPDATE outbox SET state = 'NEW', attempts = attempts - 1,"
                        + " next_attempt_at = ? WHERE id = ? AND state = 'SENDING' AND attempts > 0")
                .bind(0, at.toEpochMilli()).bind(1, id).execute()) == 1;
    }

    @Override
    public boolean markHeld(long id, String reason) {
        return db.inTransaction(h -> h.createUpdate("UPDATE outbox SET state = 'HELD', attempts = attempts - 1, last_error = ?"
                        + " WHERE id = ? AND state = 'SENDING' AND attempts > 0")
                .bind(0, reason).bind(1, id).execute()) == 1;
    }

    @Override
    public int releaseHeld(Tenant tenant, Instant now) {
        // due since it was decided (at the latest now): a node whose clock runs behind the releasing one's still sees
        // the row as due at once
        return db.inTransaction(h -> h.createUpdate("UPDATE outbox SET state = 'NEW',"
                        + " next_attempt_at = CASE WHEN created_at < ? THEN created_at ELSE ? END"
                        + " WHERE state = 'HELD' AND tenant_id = ?")
                .bind(0, now.toEpochMilli()).bind(1, now.toEpochMilli()).bind(2, tenant.id()).execute());
    }

    @Override
    public List<HeldCount> held(Tenant tenant) {
        return db.withHandle(h -> h.createQuery("SELECT recipient_kind, recipient_name, last_error, COUNT(*) FROM outbox"
                        + " WHERE state = 'HELD' AND tenant_id = ? GROUP BY recipient_kind, recipient_name, last_error"
                        + " ORDER BY COUNT(*) DESC, recipient_kind, recipient_name")
                .bind(0, tenant.id())
                .map((rs, ctx) -> new HeldCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list());
    }

    @Override
    public Set<Long> tenantsWithHeld() {
        return db.withHandle(h -> new java.util.TreeSet<>(h.createQuery("SELECT DISTINCT tenant_id FROM outbox WHERE state = 'HELD'")
                .mapTo(Long.class).list()));
    }

    @Override
    public Pending pending() {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*), MIN(created_at) FROM outbox WHERE state IN ('NEW', 'SENDING')")
                .map((rs, ctx) -> {
                    long oldest = rs.getLong(2);
                    Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(oldest);
                    return new Pending(rs.getLong(1), at);
                }).one());
    }

    static String marks(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }

    private static OutboxMessage message(ResultSet rs) throws SQLException {
        long taskId = rs.getLong("task_id");
        Long task = rs.wasNull() ? null : taskId;
        long sent = rs.getLong("sent_at");
        Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
        OutboxEntry entry = new OutboxEntry(rs.getLong("tenant_id"), rs.getString("idempotency_key"), rs.getString("kind"),
                task, rs.getString("recipient_kind"), rs.getString("recipient_name"), rs.getString("payload"));
        return new OutboxMessage(rs.getLong("id"), entry, OutboxMessage.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")), rs.getString("last_error"),
                rs.getString("platform_message_id"), Instant.ofEpochMilli(rs.getLong("created_at")), sentAt);
    }
}
