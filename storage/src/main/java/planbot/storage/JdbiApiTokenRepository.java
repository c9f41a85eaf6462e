package planbot.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import planbot.domain.Role;

/** {@link ApiTokenRepository} on the {@link Database}. */
public final class JdbiApiTokenRepository implements ApiTokenRepository {
    private static final String COLUMNS = "SELECT id, tenant_id, name, role, created_at, last_used_at, revoked_at FROM api_token ";
    private final Database db;

    public JdbiApiTokenRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public ApiToken add(Tenant tenant, String name, Role role, String tokenHash, Instant createdAt) {
        long id = db.inTransaction(h -> h.createQuery("INSERT INTO api_token (tenant_id, name, role, token_hash, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) RETURNING id")
                .bind(0, tenant.id()).bind(1, name).bind(2, role.name()).bind(3, Objects.requireNonNull(tokenHash, "tokenHash"))
                .bind(4, createdAt.toEpochMilli())
                .mapTo(Long.class).one());
        return new ApiToken(id, tenant.id(), name, role, createdAt, null, null);
    }

    @Override
    public Optional<ApiToken> find(Tenant tenant, String name) {
        return db.withHandle(h -> h.createQuery(COLUMNS + "WHERE tenant_id = ? AND name = ?")
                .bind(0, tenant.id()).bind(1, name).map((rs, ctx) -> token(rs)).findOne());
    }

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return db.withHandle(h -> h.createQuery(COLUMNS + "WHERE token_hash = ?")
                .bind(0, tokenHash).map((rs, ctx) -> token(rs)).findOne());
    }

    @Override
    public List<ApiToken> list(Tenant tenant) {
        return db.withHandle(h -> h.createQuery(COLUMNS + "WHERE tenant_id = ? ORDER BY created_at, id")
                .bind(0, tenant.id()).map((rs, ctx) -> token(rs)).list());
    }

    @Override
    public void revoke(long tokenId, Instant at) {
        db.inTransaction(h -> h.createUpdate("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .bind(0, at.toEpochMilli()).bind(1, tokenId).execute());
    }

    @Override
    public void used(long tokenId, Instant at) {
        db.inTransaction(h -> h.createUpdate("UPDATE api_token SET last_used_at = ? WHERE id = ?")
                .bind(0, at.toEpochMilli()).bind(1, tokenId).execute());
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong(1), rs.getLong(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                Instant.ofEpochMilli(rs.getLong(5)), instant(rs, 6), instant(rs, 7));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }
}
