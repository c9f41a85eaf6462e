package planbot.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link ReminderStateRepository} on the {@link Database}. */
public final class JdbiReminderStateRepository implements ReminderStateRepository {
    private final Database db;

    public JdbiReminderStateRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<Tenant> tenants() {
        return db.withHandle(h -> h.createQuery("SELECT id, slug, name FROM tenant ORDER BY id")
                .map(ConstructorMapper.of(Tenant.class)).list());
    }

    @Override
    public Optional<String> policy(Tenant tenant) {
        return db.withHandle(h -> h.createQuery("SELECT policy FROM reminder_policy WHERE tenant_id = ?")
                .bind(0, tenant.id()).mapTo(String.class).findOne());
    }

    @Override
    public Map<Long, String> policies() {
        return db.withHandle(h -> {
            Map<Long, String> out = new HashMap<>();
            h.createQuery("SELECT tenant_id, policy FROM reminder_policy")
                    .map((rs, ctx) -> out.put(rs.getLong(1), rs.getString(2))).list();
            return out;
        });
    }

    @Override
    public void savePolicy(Tenant tenant, String policy, Instant now) {
        db.inTransaction(h -> h.createUpdate("INSERT INTO reminder_policy (tenant_id, policy, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (tenant_id) DO UPDATE SET policy = excluded.policy, updated_at = excluded.updated_at")
                .bind(0, tenant.id()).bind(1, policy).bind(2, now.toEpochMilli()).execute());
    }

    @Override
    public Map<Long, SweepMark> marks() {
        return db.withHandle(h -> {
            Map<Long, SweepMark> out = new HashMap<>();
            h.createQuery("SELECT tenant_id, handled_through, swept_at, policy FROM reminder_sweep")
                    .map((rs, ctx) -> out.put(rs.getLong(1), new SweepMark(rs.getLong(1), LocalDate.parse(rs.getString(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4))))
                    .list();
            return out;
        });
    }

    @Override
    public void saveMarks(Collection<SweepMark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        db.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO reminder_sweep (tenant_id, handled_through, swept_at, policy)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET handled_through = excluded.handled_through,"
                    + " swept_at = excluded.swept_at, policy = excluded.policy");
            for (SweepMark m : marks) {
                batch.bind(0, m.tenantId()).bind(1, m.handledThrough().toString()).bind(2, m.sweptAt().toEpochMilli())
                        .bind(3, m.policy()).add();
            }
            return batch.execute();
        });
    }
}
