package planbot.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ClaimCodeRepository} on the {@link Database}. */
public final class JdbiClaimCodeRepository implements ClaimCodeRepository {
    private final Database db;

    public JdbiClaimCodeRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void add(Tenant tenant, String code, Instant createdAt, Instant expiresAt) {
        db.inTransaction(h -> h.createUpdate("INSERT INTO admin_claim_code (tenant_id, code_hash, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?)")
                .bind(0, tenant.id()).bind(1, hash(code)).bind(2, createdAt.toEpochMilli()).bind(3, expiresAt.toEpochMilli())
                .execute());
    }

    @Override
    public Optional<ClaimCode> find(String code) {
        return db.withHandle(h -> h.createQuery("SELECT id, tenant_id, expires_at, used_at FROM admin_claim_code WHERE code_hash = ?")
                .bind(0, hash(code))
                .map((rs, ctx) -> {
                    long used = rs.getLong(4);
                    Instant usedAt = rs.wasNull() ? null : Instant.ofEpochMilli(used);
                    return new ClaimCode(rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), usedAt);
                })
                .findOne());
    }

    @Override
    public boolean use(long codeId, String usedBy, Instant at) {
        return db.inTransaction(h -> h.createUpdate("UPDATE admin_claim_code SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL")
                .bind(0, at.toEpochMilli()).bind(1, Objects.requireNonNull(usedBy, "usedBy")).bind(2, codeId)
                .execute()) == 1;
    }

    @Override
    public void recordFailure(ChatIdentity who, Instant at) {
        db.inTransaction(h -> h.createUpdate("INSERT INTO admin_claim_failure (platform, workspace, user_id, at) VALUES (?, ?, ?, ?)")
                .bind(0, who.platform()).bind(1, who.workspace()).bind(2, who.userId()).bind(3, at.toEpochMilli())
                .execute());
    }

    @Override
    public List<Instant> failuresSince(String platform, String workspace, Instant since) {
        return db.withHandle(h -> h.createQuery("SELECT at FROM admin_claim_failure WHERE platform = ? AND workspace = ? AND at >= ?"
                        + " ORDER BY at")
                .bind(0, platform).bind(1, workspace).bind(2, since.toEpochMilli())
                .map((rs, ctx) -> Instant.ofEpochMilli(rs.getLong(1)))
                .list());
    }

    /** SHA-256, hex: a code lives half an hour and tries are rate-limited, so no salt or slow hash is needed. */
    private static String hash(String code) {
        Objects.requireNonNull(code, "code");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
