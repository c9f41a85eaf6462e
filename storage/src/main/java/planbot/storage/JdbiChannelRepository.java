package planbot.storage;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link ChannelRepository} on the {@link Database}. */
public final class JdbiChannelRepository implements ChannelRepository {
    private final Database db;

    public JdbiChannelRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void set(Tenant tenant, String platform, ChannelPurpose purpose, String address, Instant at) {
        Objects.requireNonNull(purpose, "purpose");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("a channel needs an address");
        }
        db.inTransaction(h -> h.createUpdate("INSERT INTO chat_channel (tenant_id, platform, purpose, address, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, platform, purpose)"
                        + " DO UPDATE SET address = excluded.address, updated_at = excluded.updated_at")
                .bind(0, tenant.id()).bind(1, platform).bind(2, purpose.name()).bind(3, address.strip())
                .bind(4, at.toEpochMilli()).execute());
    }

    @Override
    public Optional<String> find(Tenant tenant, String platform, ChannelPurpose purpose) {
        return db.withHandle(h -> h.createQuery("SELECT address FROM chat_channel WHERE tenant_id = ? AND platform = ? AND purpose = ?")
                .bind(0, tenant.id()).bind(1, platform).bind(2, purpose.name()).mapTo(String.class).findOne());
    }

    @Override
    public Map<ChannelPurpose, String> list(Tenant tenant, String platform) {
        Map<ChannelPurpose, String> out = new EnumMap<>(ChannelPurpose.class);
        db.withHandle(h -> h.createQuery("SELECT purpose, address FROM chat_channel WHERE tenant_id = ? AND platform = ?")
                .bind(0, tenant.id()).bind(1, platform)
                .map((rs, ctx) -> out.put(ChannelPurpose.valueOf(rs.getString(1)), rs.getString(2))).list());
        return out;
    }
}
