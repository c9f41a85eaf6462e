package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.statement.PreparedBatch;
import planbot.domain.AuditEvent;
import planbot.domain.Source;

/** {@link AuditRepository} on the {@link Database}. */
public final class JdbiAuditRepository implements AuditRepository {
    private final Database db;

    public JdbiAuditRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void append(Tenant tenant, List<AuditEvent> events) {
        append(tenant, null, events);
    }

    @Override
    public void appendForTask(Tenant tenant, long taskId, AuditEvent event) {
        append(tenant, taskId, List.of(event));
    }

    private void append(Tenant tenant, Long taskId, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        db.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO audit_event (tenant_id, at, actor, source, entity, entity_ref,"
                    + " change, before_value, after_value, note, task_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (AuditEvent e : events) {
                batch.bind(0, tenant.id()).bind(1, e.at().toEpochMilli()).bind(2, e.actor()).bind(3, e.source().name())
                        .bind(4, e.entity()).bind(5, e.entityRef()).bind(6, e.change())
                        .bind(7, e.before()).bind(8, e.after()).bind(9, e.note()).bind(10, taskId)
                        .add();
            }
            return batch.execute();
        });
    }

    @Override
    public List<AuditEvent> list(Tenant tenant, String entityRef) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE tenant_id = ? AND entity_ref = ? ORDER BY at DESC, id DESC")
                .bind(0, tenant.id()).bind(1, entityRef)
                .map(JdbiAuditRepository::event)
                .list());
    }

    @Override
    public List<AuditEvent> listForTask(Tenant tenant, long taskId, String ref) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE tenant_id = ? AND entity_ref = ?"
                        + " AND (task_id IS NULL OR task_id = ?) ORDER BY at DESC, id DESC")
                .bind(0, tenant.id()).bind(1, ref).bind(2, taskId)
                .map(JdbiAuditRepository::event)
                .list());
    }

    @Override
    public List<AuditEvent> since(Tenant tenant, Instant since, int limit) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE tenant_id = ? AND at >= ? ORDER BY at, id LIMIT ?")
                .bind(0, tenant.id()).bind(1, since.toEpochMilli()).bind(2, limit)
                .map(JdbiAuditRepository::event)
                .list());
    }

    private static final String SELECT = "SELECT at, actor, source, entity, entity_ref, change, before_value, after_value,"
            + " note FROM audit_event";

    private static AuditEvent event(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new AuditEvent(Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"),
                Source.valueOf(rs.getString("source")), rs.getString("entity"), rs.getString("entity_ref"),
                rs.getString("change"), rs.getString("before_value"), rs.getString("after_value"), rs.getString("note"));
    }
}
