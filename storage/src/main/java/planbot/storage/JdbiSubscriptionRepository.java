package planbot.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** {@link SubscriptionRepository} on the {@link Database}. */
public final class JdbiSubscriptionRepository implements SubscriptionRepository {
    private static final String SELECT = "SELECT s.id, s.channel, s.plan, s.section, s.day_of_week, s.local_time, s.zone,"
            + " s.created_at, s.last_digest_at, t.id AS tenant_id, t.slug, t.name"
            + " FROM digest_subscription s JOIN tenant t ON t.id = s.tenant_id";

    private final Database db;

    public JdbiSubscriptionRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public DigestSubscription add(Tenant tenant, SubscriptionSpec spec, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(spec, "spec");
        long at = now.toEpochMilli();
        return db.inTransaction(h -> {
            h.createUpdate("INSERT INTO digest_subscription (tenant_id, channel, plan, section, plan_key, section_key,"
                            + " day_of_week, local_time, zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (tenant_id, channel, plan_key, section_key) DO UPDATE SET plan = excluded.plan,"
                            + " section = excluded.section, day_of_week = excluded.day_of_week,"
                            + " local_time = excluded.local_time, zone = excluded.zone, updated_at = excluded.updated_at")
                    .bind(0, tenant.id()).bind(1, spec.channel()).bind(2, spec.plan()).bind(3, spec.section())
                    .bind(4, key(spec.plan())).bind(5, key(spec.section())).bind(6, spec.day().getValue())
                    .bind(7, spec.time().toString()).bind(8, spec.zone().getId()).bind(9, at).bind(10, at)
                    .execute();
            return find(h, tenant, spec.channel(), spec.plan(), spec.section());
        });
    }

    @Override
    public List<DigestSubscription> list(Tenant tenant) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE s.tenant_id = ? ORDER BY s.channel, s.plan_key, s.section_key")
                .bind(0, tenant.id()).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public List<DigestSubscription> listAll() {
        return db.withHandle(h -> h.createQuery(SELECT + " ORDER BY s.id").map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public boolean remove(Tenant tenant, String channel, String plan, String section) {
        String c = SubscriptionSpec.channel(channel);
        String p = plan == null || plan.isBlank() ? null : plan.strip();
        String s = section == null ? null : section.strip();
        return db.inTransaction(h -> h.createUpdate("DELETE FROM digest_subscription WHERE tenant_id = ? AND channel = ?"
                        + " AND plan_key = ? AND section_key = ?")
                .bind(0, tenant.id()).bind(1, c).bind(2, key(p)).bind(3, key(s)).execute()) > 0;
    }

    @Override
    public void recordDigest(long subscriptionId, Instant at) {
        db.inTransaction(h -> h.createUpdate("UPDATE digest_subscription SET last_digest_at = ? WHERE id = ?")
                .bind(0, at.toEpochMilli()).bind(1, subscriptionId).execute());
    }

    /**
     * The UNIQUE key of a plan or section name: '' for all (null), '=' and the name in lower case for one. The
     * prefix keeps the section of a tracker without sections ("") apart from "every section".
     */
    static String key(String name) {
        return name == null ? "" : "=" + name.toLowerCase(Locale.ROOT);
    }

    private static DigestSubscription find(Handle h, Tenant tenant, String channel, String plan, String section) {
        return h.createQuery(SELECT + " WHERE s.tenant_id = ? AND s.channel = ? AND s.plan_key = ? AND s.section_key = ?")
                .bind(0, tenant.id()).bind(1, channel).bind(2, key(plan)).bind(3, key(section))
                .map((rs, ctx) -> row(rs)).one();
    }

    private static DigestSubscription row(ResultSet rs) throws SQLException {
        long last = rs.getLong("last_digest_at");
        Instant lastDigestAt = rs.wasNull() ? null : Instant.ofEpochMilli(last);
        return new DigestSubscription(rs.getLong("id"), new Tenant(rs.getLong("tenant_id"), rs.getString("slug"),
                rs.getString("name")), rs.getString("channel"), rs.getString("plan"), rs.getString("section"),
                DayOfWeek.of(rs.getInt("day_of_week")), LocalTime.parse(rs.getString("local_time")),
                ZoneId.of(rs.getString("zone")), Instant.ofEpochMilli(rs.getLong("created_at")), lastDigestAt);
    }
}
