package planbot.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** {@link WebSessionRepository} on the {@link Database}. */
public final class JdbiWebSessionRepository implements WebSessionRepository {
    private final Database db;

    public JdbiWebSessionRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void add(Tenant tenant, String sessionHash, String personName, Instant at) {
        db.inTransaction(h -> h.createUpdate("INSERT INTO web_session (tenant_id, session_hash, person_name, created_at, last_seen_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .bind(0, tenant.id()).bind(1, Objects.requireNonNull(sessionHash, "sessionHash"))
                .bind(2, Objects.requireNonNull(personName, "personName"))
                .bind(3, at.toEpochMilli()).bind(4, at.toEpochMilli())
                .execute());
    }

    @Override
    public Optional<WebSession> find(String sessionHash) {
        return db.withHandle(h -> h.createQuery("SELECT id, tenant_id, person_name, created_at, last_seen_at, ended_at"
                        + " FROM web_session WHERE session_hash = ?")
                .bind(0, sessionHash)
                .map((rs, ctx) -> {
                    long ended = rs.getLong(6);
                    Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
                    return new WebSession(rs.getLong(1), rs.getLong(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                            Instant.ofEpochMilli(rs.getLong(5)), endedAt);
                })
                .findOne());
    }

    @Override
    public void touch(long sessionId, Instant at) {
        db.inTransaction(h -> h.createUpdate("UPDATE web_session SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?")
                .bind(0, at.toEpochMilli()).bind(1, sessionId).bind(2, at.toEpochMilli())
                .execute());
    }

    @Override
    public boolean end(long sessionId, Instant at) {
        return db.inTransaction(h -> h.createUpdate("UPDATE web_session SET ended_at = ? WHERE id = ? AND ended_at IS NULL")
                .bind(0, at.toEpochMilli()).bind(1, sessionId)
                .execute()) == 1;
    }
}
