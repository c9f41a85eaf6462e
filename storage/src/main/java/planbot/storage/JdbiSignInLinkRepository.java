package planbot.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** {@link SignInLinkRepository} on the {@link Database}. */
public final class JdbiSignInLinkRepository implements SignInLinkRepository {
    private final Database db;

    public JdbiSignInLinkRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void add(Tenant tenant, String tokenHash, String personName, Instant createdAt, Instant expiresAt) {
        db.inTransaction(h -> h.createUpdate("INSERT INTO signin_link (tenant_id, token_hash, person_name, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .bind(0, tenant.id()).bind(1, Objects.requireNonNull(tokenHash, "tokenHash"))
                .bind(2, Objects.requireNonNull(personName, "personName"))
                .bind(3, createdAt.toEpochMilli()).bind(4, expiresAt.toEpochMilli())
                .execute());
    }

    @Override
    public Optional<SignInLink> find(String tokenHash) {
        return db.withHandle(h -> h.createQuery("SELECT id, tenant_id, person_name, expires_at, used_at FROM signin_link"
                        + " WHERE token_hash = ?")
                .bind(0, tokenHash)
                .map((rs, ctx) -> {
                    long used = rs.getLong(5);
                    Instant usedAt = rs.wasNull() ? null : Instant.ofEpochMilli(used);
                    return new SignInLink(rs.getLong(1), rs.getLong(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                            usedAt);
                })
                .findOne());
    }

    @Override
    public boolean redeem(String tokenHash, Instant now) {
        return db.inTransaction(h -> h.createUpdate("UPDATE signin_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"
                        + " AND expires_at > ?")
                .bind(0, now.toEpochMilli()).bind(1, tokenHash).bind(2, now.toEpochMilli())
                .execute()) == 1;
    }
}
