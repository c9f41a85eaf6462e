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
 * {@link OutboxRepository} on the {@link Database}. Enqueues in JDBC batches; looks keys up in chunks of
 * {@value #CHUNK} so a sweep that checks 100,000 keys makes 200 statements, not 100,000.
 */
public final class JdbiOutboxRepository implements OutboxRepository {
    private static final int BATCH = 1000;
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
        // In key order: the inserts then walk the UNIQUE index from one end to the other instead of touching its
        // pages at random, which at a million rows is the difference between cached pages and a thrashing cache.
        List<OutboxEntry> all = new ArrayList<>(entries);
        all.sort(java.util.Comparator.comparing(OutboxEntry::key));
        long at = now.toEpochMilli();
        return db.inTransaction(h -> {
            List<String> added = new ArrayList<>();
            try (PreparedStatement ps = h.getConnection().prepareStatement("INSERT INTO outbox (tenant_id, idempotency_key,"
                    + " kind, task_id, recipient_kind, recipient_name, payload, state, attempts, next_attempt_at, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'NEW', 0, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING")) {
                for (int from = 0; from < all.size(); from += BATCH) {
                    List<OutboxEntry> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
                    for (OutboxEntry e : chunk) {
                        ps.setLong(1, e.tenantId());
                        ps.setString(2, e.key());
                        ps.setString(3, e.kind());
                        if (e.taskId() == null) {
                            ps.setNull(4, Types.BIGINT);
                        } else {
                            ps.setLong(4, e.taskId());
                        }
                        ps.setString(5, e.recipientKind());
                        ps.setString(6, e.recipientName());
                        ps.setString(7, e.payload());
                        ps.setLong(8, at);
                        ps.setLong(9, at);
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    for (int i = 0; i < counts.length; i++) {
                        // 0 means the key was there already; SUCCESS_NO_INFO should not happen with these drivers,
                        // and then the row is counted as new, which only makes a report say a little too much
                        if (counts[i] != 0) {
                            added.add(chunk.get(i).key());
                        }
                    }
                }
            } catch (SQLException e) {
                throw new StorageException("database error: " + Database.rootMessage(e), e);
            }
            return added;
        });
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
                String sql = "SELECT idempotency_key FROM outbox WHERE idempotency_key IN (" + marks(chunk.size()) + ")";
                try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
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
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE idempotency_key = ?")
                .bind(0, key).map((rs, ctx) -> message(rs)).findOne());
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
