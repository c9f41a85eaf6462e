package planbot.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;
import planbot.domain.Action;
import planbot.domain.Task;

/** {@link TaskRepository} on the {@link Database}; shares the row mapping of {@link JdbiPlanRepository}. */
public final class JdbiTaskRepository implements TaskRepository {
    private static final String OPEN = " AND (t.status_kind IS NULL OR t.status_kind NOT IN ('COMPLETED', 'CLOSED'))";
    private static final String SOONEST_FIRST = " ORDER BY CASE WHEN t.target_kind = 'DATE' THEN 0 ELSE 1 END,"
            + " t.target_date, p.name, s.position, a.position, t.position, t.id";

    /** A task's columns and its action's label and lead (the task select already joins the action). */
    private static final String TASK_IN_ACTION_SELECT = JdbiPlanRepository.TASK_SELECT.replace(" FROM task t ",
            ", a.label AS action_label, a.lead AS action_lead FROM task t ");

    private final Database db;

    public JdbiTaskRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<TaskInAction> findTasksByKey(Tenant tenant, String refKey) {
        return db.withHandle(h -> h.createQuery(TASK_IN_ACTION_SELECT
                        + " WHERE t.tenant_id = ? AND t.ref_key = ?" + JdbiPlanRepository.TASK_ORDER)
                .bind(0, tenant.id()).bind(1, refKey)
                .map((rs, ctx) -> {
                    String label = rs.getString("action_label");
                    TaskRow row = JdbiPlanRepository.taskRow(rs, ctx);
                    return new TaskInAction(row, label != null ? label : row.actionKey(), rs.getString("action_lead"));
                }).list());
    }

    @Override
    public List<ActionRow> findActionsByKey(Tenant tenant, String refKey) {
        return db.withHandle(h -> {
            List<ActionRow> found = h.createQuery(JdbiPlanRepository.ACTION_SELECT
                            + " WHERE a.tenant_id = ? AND (a.ref_key = ? OR a.label_key = ?)" + JdbiPlanRepository.ACTION_ORDER)
                    .bind(0, tenant.id()).bind(1, refKey).bind(2, refKey)
                    .map(JdbiPlanRepository::actionRow).list();
            List<ActionRow> withTasks = new ArrayList<>(found.size());
            for (ActionRow row : found) {
                List<Task> tasks = h.createQuery(JdbiPlanRepository.TASK_SELECT + " WHERE t.tenant_id = ? AND t.action_id = ?"
                                + JdbiPlanRepository.TASK_ORDER)
                        .bind(0, tenant.id()).bind(1, row.id())
                        .map((rs, ctx) -> JdbiPlanRepository.taskRow(rs, ctx).task()).list();
                Action a = row.action();
                withTasks.add(new ActionRow(row.id(), row.planName(), row.sectionName(), row.position(),
                        new Action(a.key(), a.label(), a.recommendation(), a.status(), a.lead(), a.notes(), tasks)));
            }
            return withTasks;
        });
    }

    @Override
    public List<RefIndexEntry> refIndex(Tenant tenant) {
        return db.withHandle(h -> {
            List<RefIndexEntry> out = new ArrayList<>(h.createQuery("SELECT p.name, a.action_key, a.label FROM action a"
                            + " JOIN plan p ON p.id = a.plan_id WHERE a.tenant_id = ? ORDER BY p.name, a.id")
                    .bind(0, tenant.id())
                    .map((rs, ctx) -> new RefIndexEntry(rs.getString(1), rs.getString(2), rs.getString(3), null)).list());
            out.addAll(h.createQuery("SELECT p.name, a.action_key, a.label, t.ref FROM task t JOIN action a ON a.id = t.action_id"
                            + " JOIN plan p ON p.id = t.plan_id WHERE t.tenant_id = ? ORDER BY p.name, t.id")
                    .bind(0, tenant.id())
                    .map((rs, ctx) -> new RefIndexEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list());
            return out;
        });
    }

    @Override
    public List<TaskRow> find(Tenant tenant, TaskQuery q) {
        StringBuilder sql = new StringBuilder(JdbiPlanRepository.TASK_SELECT).append(" WHERE t.tenant_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(tenant.id());
        if (q.owner() != null) {
            sql.append(" AND lower(t.owner) = ?");
            args.add(q.owner().strip().toLowerCase(Locale.ROOT));
        }
        if (q.dueBefore() != null) {
            sql.append(" AND t.target_kind = 'DATE' AND t.target_date < ?");
            args.add(q.dueBefore().toString());
        }
        if (q.dueOnOrAfter() != null) {
            sql.append(" AND t.target_kind = 'DATE' AND t.target_date >= ?");
            args.add(q.dueOnOrAfter().toString());
        }
        if (q.statusWord() != null) {
            sql.append(" AND lower(t.status_word) = ?");
            args.add(q.statusWord().strip().toLowerCase(Locale.ROOT));
        }
        if (q.statusKind() != null) {
            sql.append(" AND t.status_kind = ?");
            args.add(q.statusKind().name());
        }
        if (q.section() != null) {
            sql.append(" AND lower(s.name) LIKE ? ESCAPE '!'");
            args.add("%" + likeLiteral(q.section().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (q.openOnly()) {
            sql.append(OPEN);
        }
        sql.append(SOONEST_FIRST);
        if (q.limit() > 0) {
            sql.append(" LIMIT ").append(q.limit());
        }
        return db.withHandle(h -> {
            Query query = h.createQuery(sql.toString());
            for (int i = 0; i < args.size(); i++) {
                query.bind(i, args.get(i));
            }
            return query.map(JdbiPlanRepository::taskRow).list();
        });
    }

    @Override
    public List<TaskRow> search(Tenant tenant, List<String> words, int limit) {
        StringBuilder sql = new StringBuilder(JdbiPlanRepository.TASK_SELECT).append(" WHERE t.tenant_id = ?");
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND lower(t.ref || ' ' || t.description || ' ' || coalesce(t.notes, '') || ' ' || coalesce(t.owner, ''))"
                    + " LIKE ? ESCAPE '!'");
        }
        sql.append(JdbiPlanRepository.TASK_ORDER).append(" LIMIT ").append(Math.max(1, limit));
        return db.withHandle(h -> {
            Query query = h.createQuery(sql.toString()).bind(0, tenant.id());
            for (int i = 0; i < words.size(); i++) {
                query.bind(i + 1, "%" + likeLiteral(words.get(i).toLowerCase(Locale.ROOT)) + "%");
            }
            return query.map(JdbiPlanRepository::taskRow).list();
        });
    }

    /** Text to match literally inside a LIKE pattern with {@code ESCAPE '!'}. */
    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    @Override
    public Optional<TaskRow> get(Tenant tenant, long taskId) {
        return db.withHandle(h -> h.createQuery(JdbiPlanRepository.TASK_SELECT + " WHERE t.tenant_id = ? AND t.id = ?")
                .bind(0, tenant.id()).bind(1, taskId)
                .map(JdbiPlanRepository::taskRow).findOne());
    }

    @Override
    public void update(Tenant tenant, long taskId, Task task, Instant now) {
        int n = db.inTransaction(h -> {
            String sql = "UPDATE task SET " + JdbiPlanRepository.TASK_CONTENT.replace(",", " = ?,") + " = ?, updated_at = ?"
                    + " WHERE id = ? AND tenant_id = ?";
            try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
                int i = JdbiPlanRepository.bindTask(ps, 1, task);
                ps.setLong(i, now.toEpochMilli());
                ps.setLong(i + 1, taskId);
                ps.setLong(i + 2, tenant.id());
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new StorageException("database error: " + Database.rootMessage(e), e);
            }
        });
        if (n != 1) {
            throw new IllegalArgumentException("tenant " + tenant.slug() + " has no task with id " + taskId);
        }
    }

    @Override
    public Optional<Instant> updatedAt(Tenant tenant, long taskId) {
        return db.withHandle(h -> h.createQuery("SELECT updated_at FROM task WHERE id = ? AND tenant_id = ?")
                .bind(0, taskId).bind(1, tenant.id())
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }
}
