package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link WorkspaceRepository} on the {@link Database}. */
public final class JdbiWorkspaceRepository implements WorkspaceRepository {
    private final Database db;

    public JdbiWorkspaceRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<Tenant> tenantOf(String platform, String enterpriseId, String teamId) {
        return db.withHandle(h -> h.createQuery("SELECT t.id, t.slug, t.name FROM chat_workspace w JOIN tenant t ON t.id = w.tenant_id"
                        + " WHERE w.platform = ? AND w.enterprise_id = ? AND w.team_id = ?")
                .bind(0, platform).bind(1, Objects.requireNonNull(enterpriseId, "enterpriseId"))
                .bind(2, Objects.requireNonNull(teamId, "teamId"))
                .map((rs, ctx) -> new Tenant(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .findOne());
    }

    @Override
    public void bind(Tenant tenant, String platform, String enterpriseId, String teamId, Instant at) {
        WorkspaceBinding binding = new WorkspaceBinding(platform, enterpriseId, teamId, tenant);
        db.inTransaction(h -> h.createUpdate("INSERT INTO chat_workspace (platform, enterprise_id, team_id, tenant_id, bound_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, enterprise_id, team_id)"
                        + " DO UPDATE SET tenant_id = excluded.tenant_id, bound_at = excluded.bound_at")
                .bind(0, binding.platform()).bind(1, binding.enterpriseId()).bind(2, binding.teamId())
                .bind(3, tenant.id()).bind(4, at.toEpochMilli()).execute());
    }

    @Override
    public boolean bindFirst(Tenant tenant, String platform, String enterpriseId, String teamId, Instant at) {
        return db.inTransaction(h -> {
            if (db.vendor() == Database.Vendor.POSTGRESQL) {
                // serialises two first requests from different workspaces; SQLite's IMMEDIATE transaction already does
                h.createQuery("SELECT id FROM tenant WHERE id = ? FOR UPDATE").bind(0, tenant.id()).mapTo(Long.class).findOne();
            }
            boolean none = h.createQuery("SELECT COUNT(*) FROM chat_workspace WHERE tenant_id = ? AND platform = ?")
                    .bind(0, tenant.id()).bind(1, platform).mapTo(Long.class).one() == 0;
            if (none) {
                bind(tenant, platform, enterpriseId, teamId, at);
            }
            return none;
        });
    }

    @Override
    public List<WorkspaceBinding> list(String platform) {
        return db.withHandle(h -> h.createQuery("SELECT w.platform, w.enterprise_id, w.team_id, t.id, t.slug, t.name"
                        + " FROM chat_workspace w JOIN tenant t ON t.id = w.tenant_id WHERE w.platform = ?"
                        + " ORDER BY w.enterprise_id, w.team_id")
                .bind(0, platform)
                .map((rs, ctx) -> new WorkspaceBinding(rs.getString(1), rs.getString(2), rs.getString(3),
                        new Tenant(rs.getLong(4), rs.getString(5), rs.getString(6))))
                .list());
    }
}
