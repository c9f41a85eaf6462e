package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.statement.Update;
import planbot.domain.DateRevision;
import planbot.domain.Source;

/** {@link DateRevisionRepository} on the {@link Database}. */
public final class JdbiDateRevisionRepository implements DateRevisionRepository {
    private final Database db;

    public JdbiDateRevisionRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void append(Tenant tenant, long taskId, DateRevision r) {
        int n = db.inTransaction(h -> {
            // INSERT … SELECT FROM task: writes nothing unless the task is this tenant's.
            Update insert = h.createUpdate("INSERT INTO target_date_revision (tenant_id, task_id,"
                    + " from_kind, from_date, from_precision, from_remark, from_text,"
                    + " to_kind, to_date, to_precision, to_remark, to_text, actor, source, reason, at)"
                    + " SELECT ?, id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM task WHERE id = ? AND tenant_id = ?");
            insert.bind(0, tenant.id());
            int i = Columns.bind(insert, 1, Columns.date(r.from()));
            i = Columns.bind(insert, i, Columns.date(r.to()));
            insert.bind(i, r.actor()).bind(i + 1, r.source().name()).bind(i + 2, r.reason()).bind(i + 3, r.at().toEpochMilli())
                    .bind(i + 4, taskId).bind(i + 5, tenant.id());
            return insert.execute();
        });
        if (n != 1) {
            throw new IllegalArgumentException("tenant " + tenant.slug() + " has no task with id " + taskId);
        }
    }

    @Override
    public List<DateRevision> list(Tenant tenant, long taskId) {
        return db.withHandle(h -> h.createQuery("SELECT t.ref, r.* FROM target_date_revision r JOIN task t ON t.id = r.task_id"
                        + " WHERE r.tenant_id = ? AND r.task_id = ? ORDER BY r.at, r.id")
                .bind(0, tenant.id()).bind(1, taskId)
                .map((rs, ctx) -> new DateRevision(rs.getString("ref"), Columns.date(rs, "from"), Columns.date(rs, "to"),
                        rs.getString("actor"), Source.valueOf(rs.getString("source")), rs.getString("reason"),
                        Instant.ofEpochMilli(rs.getLong("at"))))
                .list());
    }
}
