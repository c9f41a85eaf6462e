package planbot.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
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
        // In the UNIQUE index's order (day, key): a day's new reminders then append to the index (see V6).
        List<Keyed> all = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            all.add(new Keyed(keyDay(e.key()), e));
        }
        all.sort(null);
        long at = now.toEpochMilli();
        return db.inTransaction(h -> {
            List<String> added = new ArrayList<>(all.size());
            int whole = all.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
            try {
                try (PreparedStatement full = whole == 0 ? null : h.getConnection().prepareStatement(insert(ROWS_PER_INSERT))) {
                    for (int from = 0; from < whole; from += ROWS_PER_INSERT) {
                        insert(full, all.subList(from, from + ROWS_PER_INSERT), at, added);
                    }
                }
                if (whole < all.size()) {
                    try (PreparedStatement rest = h.getConnection().prepareStatement(insert(all.size() - whole))) {
                        insert(rest, all.subList(whole, all.size()), at, added);
                    }
                }
            } catch (SQLException e) {
                throw new StorageException("database error: " + Database.rootMessage(e), e);
            }
            return added;
        });
    }

    /**
     * An INSERT of n rows that returns the keys it added. Many rows per statement, not a JDBC batch of one-row
     * statements: SQLite then runs its insert program (cursors on the table and its three indexes, the foreign key
     * check) once per statement instead of once per row — at 111,000 reminders about twice as fast.
     */
    private static String insert(int rows) {
        StringBuilder sql = new StringBuilder(120 + rows * 40).append("INSERT INTO outbox (tenant_id, idempotency_key, kind,"
                + " task_id, recipient_kind, recipient_name, payload, state, attempts, next_attempt_at, created_at, key_day) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, 'NEW', 0, ?, ?, ?)");
        }
        return sql.append(" ON CONFLICT (key_day, idempotency_key) DO NOTHING RETURNING idempotency_key").toString();
    }

    /** Inserts rows with one statement and appends the keys it added to {@code added}, in the rows' order. */
    private static void insert(PreparedStatement ps, List<Keyed> rows, long at, List<String> added) throws SQLException {
        int p = 0;
        for (Keyed k : rows) {
            OutboxEntry e = k.entry;
            ps.setLong(++p, e.tenantId());
            ps.setString(++p, e.key());
            ps.setString(++p, e.kind());
            if (e.taskId() == null) {
                ps.setNull(++p, Types.BIGINT);
            } else {
                ps.setLong(++p, e.taskId());
            }
            ps.setString(++p, e.recipientKind());
            ps.setString(++p, e.recipientName());
            ps.setString(++p, e.payload());
            ps.setLong(++p, at);
            ps.setLong(++p, at);
            ps.setString(++p, k.day);
        }
        List<String> returned = new ArrayList<>(rows.size());
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                returned.add(rs.getString(1));
            }
        }
        if (returned.size() == rows.size()) {
            // all new, the usual case: no need to match keys (RETURNING's order is not promised, the rows' is)
            for (Keyed k : rows) {
                added.add(k.entry.key());
            }
            return;
        }
        Set<String> fresh = new HashSet<>(returned);
        for (Keyed k : rows) {
            if (fresh.remove(k.entry.key())) { // once, even for a key given twice
                added.add(k.entry.key());
            }
        }
    }

    /** An entry with its key's day, in the order of the UNIQUE index. */
    private record Keyed(String day, OutboxEntry entry) implements Comparable<Keyed> {
        @Override
        public int compareTo(Keyed o) {
            int c = day.compareTo(o.day);
            return c != 0 ? c : entry.key().compareTo(o.entry.key());
        }
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
    public List<OutboxMessage> claim(int limit, Instant now, Duration lease) {
        if (limit < 1) {
            return List.of();
        }
        long at = now.toEpochMilli();
        String lock = db.vendor() == Database.Vendor.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        return db.inTransaction(h -> {
            List<Long> ids = h.createQuery("SELECT id FROM outbox WHERE state IN ('NEW', 'SENDING') AND next_attempt_at <= ?"
                            + " ORDER BY next_attempt_at, id LIMIT ?" + lock)
                    .bind(0, at).bind(1, limit).mapTo(Long.class).list();
            if (ids.isEmpty()) {
                return List.<OutboxMessage>of();
            }
            String in = marks(ids.size());
            Update update = h.createUpdate("UPDATE outbox SET state = 'SENDING', attempts = attempts + 1,"
                    + " next_attempt_at = ? WHERE id IN (" + in + ")").bind(0, at + lease.toMillis());
            Query read = h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE id IN (" + in + ") ORDER BY id");
            for (int i = 0; i < ids.size(); i++) {
                update.bind(i + 1, ids.get(i));
                read.bind(i, ids.get(i));
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
    public boolean release(long id, Instant at) {
        return db.inTransaction(h -> h.createUpdate("UPDATE outbox SET state = 'NEW', attempts = attempts - 1,"
                        + " next_attempt_at = ? WHERE id = ? AND state = 'SENDING' AND attempts > 0")
                .bind(0, at.toEpochMilli()).bind(1, id).execute()) == 1;
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
