package planbot.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link CalendarFeedRepository} on the {@link Database}. */
public final class JdbiCalendarFeedRepository implements CalendarFeedRepository {
    private static final String COLUMNS = "SELECT id, tenant_id, handle, kind, name, created_at, revoked_at FROM calendar_feed";
    private final Database db;

    public JdbiCalendarFeedRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public CalendarFeed add(Tenant tenant, CalendarFeed.Kind kind, String name, String secretHash, String createdBy, Instant at) {
        if (secretHash == null || secretHash.length() < HANDLE_LENGTH) {
            throw new IllegalArgumentException("a secret's hash is a SHA-256 in hex");
        }
        String handle = secretHash.substring(0, HANDLE_LENGTH);
        long id = db.inTransaction(h -> h.createUpdate("INSERT INTO calendar_feed (tenant_id, secret_hash, handle, kind, name,"
                        + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .bind(0, tenant.id()).bind(1, secretHash).bind(2, handle).bind(3, kind.word()).bind(4, name)
                .bind(5, at.toEpochMilli()).bind(6, Objects.requireNonNull(createdBy, "createdBy"))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new CalendarFeed(id, tenant.id(), handle, kind, name, at, null);
    }

    @Override
    public Optional<CalendarFeed> findBySecretHash(String secretHash) {
        return db.withHandle(h -> h.createQuery(COLUMNS + " WHERE secret_hash = ?").bind(0, secretHash)
                .map((rs, ctx) -> feed(rs)).findOne());
    }

    @Override
    public Optional<CalendarFeed> findByHandle(Tenant tenant, String handle) {
        return db.withHandle(h -> h.createQuery(COLUMNS + " WHERE tenant_id = ? AND handle = ?").bind(0, tenant.id())
                .bind(1, handle).map((rs, ctx) -> feed(rs)).findOne());
    }

    @Override
    public List<CalendarFeed> list(Tenant tenant) {
        return db.withHandle(h -> h.createQuery(COLUMNS + " WHERE tenant_id = ? ORDER BY created_at DESC, id DESC")
                .bind(0, tenant.id()).map((rs, ctx) -> feed(rs)).list());
    }

    @Override
    public List<String> revokeAll(Tenant tenant, CalendarFeed.Kind kind, String name, Instant at) {
        return db.inTransaction(h -> {
            List<String> handles = h.createQuery("SELECT handle FROM calendar_feed WHERE tenant_id = ? AND kind = ? AND name = ?"
                            + " AND revoked_at IS NULL")
                    .bind(0, tenant.id()).bind(1, kind.word()).bind(2, name).mapTo(String.class).list();
            h.createUpdate("UPDATE calendar_feed SET revoked_at = ? WHERE tenant_id = ? AND kind = ? AND name = ?"
                            + " AND revoked_at IS NULL")
                    .bind(0, at.toEpochMilli()).bind(1, tenant.id()).bind(2, kind.word()).bind(3, name).execute();
            return handles;
        });
    }

    @Override
    public boolean revoke(Tenant tenant, String handle, Instant at) {
        return db.inTransaction(h -> h.createUpdate("UPDATE calendar_feed SET revoked_at = ? WHERE tenant_id = ? AND handle = ?"
                        + " AND revoked_at IS NULL")
                .bind(0, at.toEpochMilli()).bind(1, tenant.id()).bind(2, handle).execute()) == 1;
    }

    private static CalendarFeed feed(ResultSet rs) throws SQLException {
        long revoked = rs.getLong(7);
        Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
        return new CalendarFeed(rs.getLong(1), rs.getLong(2), rs.getString(3), CalendarFeed.Kind.of(rs.getString(4)),
                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), revokedAt);
    }
}
