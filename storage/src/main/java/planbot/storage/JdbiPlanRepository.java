package planbot.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import planbot.domain.Action;
import planbot.domain.Layout;
import planbot.domain.Plan;
import planbot.domain.RefKey;
import planbot.domain.Task;

/** {@link PlanRepository} on the {@link Database}. Rows are written in JDBC batches; a plan is read in four queries. */
public final class JdbiPlanRepository implements PlanRepository {

    /** Rows per JDBC batch: large enough to amortise the round trip, small enough to bound memory. */
    private static final int BATCH = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String ACTION_SELECT = "SELECT a.id, p.name AS plan_name, s.name AS section_name, a.position,"
            + " a.action_key, a.label, a.recommendation, a.status_word, a.status_kind, a.lead, a.notes"
            + " FROM action a JOIN section s ON s.id = a.section_id JOIN plan p ON p.id = a.plan_id";
    static final String ACTION_ORDER = " ORDER BY p.name, s.position, s.id, a.position, a.id";

    static final String TASK_SELECT = "SELECT t.id, p.name AS plan_name, s.name AS section_name, a.action_key,"
            + " t.position, t.ref, t.description, t.status_word, t.status_kind, t.term,"
            + " t.start_kind, t.start_date, t.start_precision, t.start_remark, t.start_text,"
            + " t.target_kind, t.target_date, t.target_precision, t.target_remark, t.target_text,"
            + " t.timescale, t.owner, t.notes"
            + " FROM task t JOIN action a ON a.id = t.action_id JOIN section s ON s.id = a.section_id"
            + " JOIN plan p ON p.id = t.plan_id";
    static final String TASK_ORDER = " ORDER BY p.name, s.position, s.id, a.position, a.id, t.position, t.id";

    static final String TASK_CONTENT = "ref, ref_key, description, status_word, status_kind, term,"
            + " start_kind, start_date, start_precision, start_remark, start_text,"
            + " target_kind, target_date, target_precision, target_remark, target_text, timescale, owner, notes";

    private final Database db;

    public JdbiPlanRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    // ---- reads

    @Override
    public Optional<Plan> load(Tenant tenant, String planName) {
        return stored(tenant, planName).map(StoredPlan::toPlan);
    }

    @Override
    public List<String> planNames(Tenant tenant) {
        return db.withHandle(h -> h.createQuery("SELECT name FROM plan WHERE tenant_id = ? ORDER BY name")
                .bind(0, tenant.id()).mapTo(String.class).list());
    }

    @Override
    public List<TaskRow> findTasks(Tenant tenant, String ref) {
        return db.withHandle(h -> h.createQuery(TASK_SELECT + " WHERE t.tenant_id = ? AND t.ref = ?" + TASK_ORDER)
                .bind(0, tenant.id()).bind(1, ref)
                .map(JdbiPlanRepository::taskRow).list());
    }

    @Override
    public List<ActionRow> findActions(Tenant tenant, String keyOrLabel) {
        return db.withHandle(h -> {
            List<ActionRow> found = h.createQuery(ACTION_SELECT
                            + " WHERE a.tenant_id = ? AND (a.action_key = ? OR a.label = ?)" + ACTION_ORDER)
                    .bind(0, tenant.id()).bind(1, keyOrLabel).bind(2, keyOrLabel)
                    .map(JdbiPlanRepository::actionRow).list();
            List<ActionRow> withTasks = new ArrayList<>();
            for (ActionRow row : found) {
                List<Task> tasks = h.createQuery(TASK_SELECT + " WHERE t.tenant_id = ? AND t.action_id = ?" + TASK_ORDER)
                        .bind(0, tenant.id()).bind(1, row.id())
                        .map((rs, ctx) -> taskRow(rs, ctx).task()).list();
                Action a = row.action();
                withTasks.add(new ActionRow(row.id(), row.planName(), row.sectionName(), row.position(),
                        new Action(a.key(), a.label(), a.recommendation(), a.status(), a.lead(), a.notes(), tasks)));
            }
            return withTasks;
        });
    }

    @Override
    public List<TaskRow> tasks(Tenant tenant) {
        return db.withHandle(h -> h.createQuery(TASK_SELECT + " WHERE t.tenant_id = ?" + TASK_ORDER)
                .bind(0, tenant.id())
                .map(JdbiPlanRepository::taskRow).list());
    }

    @Override
    public Optional<StoredPlan> stored(Tenant tenant, String planName) {
        return db.withHandle(h -> {
            Optional<Map<String, Object>> plan = h.createQuery("SELECT id, name, layout FROM plan WHERE tenant_id = ? AND name = ?")
                    .bind(0, tenant.id()).bind(1, planName.strip())
                    .mapToMap().findOne();
            if (plan.isEmpty()) {
                return Optional.empty();
            }
            long planId = ((Number) plan.get().get("id")).longValue();
            List<SectionRow> sections = h.createQuery(
                            "SELECT id, name, position FROM section WHERE tenant_id = ? AND plan_id = ? ORDER BY position, id")
                    .bind(0, tenant.id()).bind(1, planId)
                    .map((rs, ctx) -> new SectionRow(rs.getLong("id"), rs.getString("name"), rs.getInt("position")))
                    .list();
            List<ActionRow> actions = h.createQuery(ACTION_SELECT + " WHERE a.tenant_id = ? AND a.plan_id = ?" + ACTION_ORDER)
                    .bind(0, tenant.id()).bind(1, planId)
                    .map(JdbiPlanRepository::actionRow).list();
            List<TaskRow> tasks = h.createQuery(TASK_SELECT + " WHERE t.tenant_id = ? AND t.plan_id = ?" + TASK_ORDER)
                    .bind(0, tenant.id()).bind(1, planId)
                    .map(JdbiPlanRepository::taskRow).list();
            return Optional.of(new StoredPlan(planId, (String) plan.get().get("name"),
                    readLayout((String) plan.get().get("layout")), sections, actions, tasks));
        });
    }

    // ---- writes

    @Override
    public long createPlan(Tenant tenant, String planName, Layout layout, Instant now) {
        String name = planName.strip();
        return db.inTransaction(h -> {
            h.createUpdate("INSERT INTO plan (tenant_id, name, layout, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .bind(0, tenant.id()).bind(1, name).bind(2, writeLayout(layout))
                    .bind(3, now.toEpochMilli()).bind(4, now.toEpochMilli())
                    .execute();
            return h.createQuery("SELECT id FROM plan WHERE tenant_id = ? AND name = ?")
                    .bind(0, tenant.id()).bind(1, name).mapTo(Long.class).one();
        });
    }

    @Override
    public void updatePlan(Tenant tenant, long planId, Layout layout, Instant now) {
        int n = db.inTransaction(h -> h.createUpdate("UPDATE plan SET layout = ?, updated_at = ? WHERE id = ? AND tenant_id = ?")
                .bind(0, writeLayout(layout)).bind(1, now.toEpochMilli()).bind(2, planId).bind(3, tenant.id())
                .execute());
        if (n != 1) {
            throw new IllegalArgumentException("tenant " + tenant.slug() + " has no plan with id " + planId);
        }
    }

    @Override
    public void saveRows(Tenant tenant, long planId, List<SectionRow> sections, List<ActionRow> actions,
                         List<TaskRow> tasks, Instant now) {
        if (sections.isEmpty() && actions.isEmpty() && tasks.isEmpty()) {
            return;
        }
        db.inTransaction(h -> {
            // Every row written carries this tenant and plan, so the plan must be the tenant's.
            if (h.createQuery("SELECT COUNT(*) FROM plan WHERE id = ? AND tenant_id = ?")
                    .bind(0, planId).bind(1, tenant.id()).mapTo(Integer.class).one() != 1) {
                throw new IllegalArgumentException("tenant " + tenant.slug() + " has no plan with id " + planId);
            }
            saveSections(h, tenant, planId, sections);
            if (!actions.isEmpty()) {
                saveActions(h, tenant, planId, actions, ids(h, "SELECT name, id FROM section WHERE plan_id = ?", planId));
            }
            if (!tasks.isEmpty()) {
                saveTasks(h, tenant, planId, tasks, ids(h, "SELECT action_key, id FROM action WHERE plan_id = ?", planId), now);
            }
            return null;
        });
    }

    private static void saveSections(Handle h, Tenant tenant, long planId, List<SectionRow> rows) {
        batches(h, "INSERT INTO section (tenant_id, plan_id, name, position) VALUES (?, ?, ?, ?)",
                only(rows, true, SectionRow::id), false, (ps, r) -> {
                    ps.setLong(1, tenant.id());
                    ps.setLong(2, planId);
                    ps.setString(3, r.name());
                    ps.setInt(4, r.position());
                });
        batches(h, "UPDATE section SET name = ?, position = ? WHERE id = ? AND plan_id = ? AND tenant_id = ?",
                only(rows, false, SectionRow::id), true, (ps, r) -> {
                    ps.setString(1, r.name());
                    ps.setInt(2, r.position());
                    ps.setLong(3, r.id());
                    ps.setLong(4, planId);
                    ps.setLong(5, tenant.id());
                });
    }

    private static void saveActions(Handle h, Tenant tenant, long planId, List<ActionRow> rows, Map<String, Long> sectionIds) {
        batches(h, "INSERT INTO action (tenant_id, plan_id, section_id, action_key, ref_key, label, label_key,"
                        + " recommendation, status_word, status_kind, lead, notes, position)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                only(rows, true, ActionRow::id), false, (ps, r) -> {
                    ps.setLong(1, tenant.id());
                    ps.setLong(2, planId);
                    ps.setLong(3, parent(sectionIds, r.sectionName(), "section"));
                    int i = bindAction(ps, 4, r.action());
                    ps.setInt(i, r.position());
                });
        batches(h, "UPDATE action SET section_id = ?, action_key = ?, ref_key = ?, label = ?, label_key = ?,"
                        + " recommendation = ?, status_word = ?,"
                        + " status_kind = ?, lead = ?, notes = ?, position = ? WHERE id = ? AND plan_id = ? AND tenant_id = ?",
                only(rows, false, ActionRow::id), true, (ps, r) -> {
                    ps.setLong(1, parent(sectionIds, r.sectionName(), "section"));
                    int i = bindAction(ps, 2, r.action());
                    ps.setInt(i, r.position());
                    ps.setLong(i + 1, r.id());
                    ps.setLong(i + 2, planId);
                    ps.setLong(i + 3, tenant.id());
                });
    }

    private static void saveTasks(Handle h, Tenant tenant, long planId, List<TaskRow> rows, Map<String, Long> actionIds,
                                  Instant now) {
        long at = now.toEpochMilli();
        batches(h, "INSERT INTO task (tenant_id, plan_id, action_id, " + TASK_CONTENT + ", position, updated_at, first_seen_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                only(rows, true, TaskRow::id), false, (ps, r) -> {
                    ps.setLong(1, tenant.id());
                    ps.setLong(2, planId);
                    ps.setLong(3, parent(actionIds, r.actionKey(), "action"));
                    int i = bindTask(ps, 4, r.task());
                    ps.setInt(i, r.position());
                    ps.setLong(i + 1, at);
                    ps.setLong(i + 2, at);
                });
        // TASK_CONTENT as assignments: "ref = ?, description = ?, …, notes = ?"
        batches(h, "UPDATE task SET action_id = ?, " + TASK_CONTENT.replace(",", " = ?,") + " = ?, position = ?,"
                        + " updated_at = ? WHERE id = ? AND plan_id = ? AND tenant_id = ?",
                only(rows, false, TaskRow::id), true, (ps, r) -> {
                    ps.setLong(1, parent(actionIds, r.actionKey(), "action"));
                    int i = bindTask(ps, 2, r.task());
                    ps.setInt(i, r.position());
                    ps.setLong(i + 1, at);
                    ps.setLong(i + 2, r.id());
                    ps.setLong(i + 3, planId);
                    ps.setLong(i + 4, tenant.id());
                });
    }

    /** Binds an action's stored fields from 1-based position {@code from}; returns the next position. */
    private static int bindAction(PreparedStatement ps, int from, Action a) throws SQLException {
        int i = Columns.set(ps, from, a.key(), RefKey.of(a.key()), a.label(),
                a.label() == null ? null : RefKey.of(a.label()), a.recommendation());
        i = Columns.set(ps, i, Columns.status(a.status()));
        return Columns.set(ps, i, a.lead(), a.notes());
    }

    /** Binds a task's stored fields ({@link #TASK_CONTENT}) from 1-based position {@code from}; returns the next position. */
    static int bindTask(PreparedStatement ps, int from, Task t) throws SQLException {
        int i = Columns.set(ps, from, t.ref(), RefKey.of(t.ref()), t.description());
        i = Columns.set(ps, i, Columns.status(t.status()));
        i = Columns.set(ps, i, t.term());
        i = Columns.set(ps, i, Columns.date(t.start()));
        i = Columns.set(ps, i, Columns.date(t.target()));
        return Columns.set(ps, i, t.timescale(), t.owner(), t.notes());
    }

    /** Binds one row's values onto a JDBC statement. */
    private interface RowBinder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /**
     * Runs rows through one JDBC statement in batches; for updates, checks that each row hit exactly one row
     * of this tenant's plan. Plain JDBC on the transaction's own connection rather than Jdbi's PreparedBatch:
     * Jdbi looks up an argument factory for every bound value, which measured at about half the rate for a
     * 100,000-task import in a fresh JVM.
     */
    private static <T> void batches(Handle h, String sql, List<T> rows, boolean update, RowBinder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<T> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
                for (T row : chunk) {
                    binder.bind(ps, row);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                if (update) {
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] != 1 && counts[i] != Statement.SUCCESS_NO_INFO) {
                            throw new IllegalArgumentException("no such row in this tenant's plan: " + chunk.get(i));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StorageException("database error: " + Database.rootMessage(e), e);
        }
    }

    private static <T> List<T> only(List<T> rows, boolean isNew, ToLongFunction<T> id) {
        List<T> out = new ArrayList<>();
        for (T row : rows) {
            if ((id.applyAsLong(row) == 0) == isNew) {
                out.add(row);
            }
        }
        return out;
    }

    private static Map<String, Long> ids(Handle h, String sql, long planId) {
        return h.createQuery(sql).bind(0, planId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long parent(Map<String, Long> ids, String name, String what) {
        Long id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("the plan has no " + what + " '" + name + "'");
        }
        return id;
    }

    // ---- mapping

    static ActionRow actionRow(ResultSet rs, StatementContext ctx) throws SQLException {
        Action action = new Action(rs.getString("action_key"), rs.getString("label"), rs.getString("recommendation"),
                Columns.status(rs, "status"), rs.getString("lead"), rs.getString("notes"), List.of());
        return new ActionRow(rs.getLong("id"), rs.getString("plan_name"), rs.getString("section_name"),
                rs.getInt("position"), action);
    }

    static TaskRow taskRow(ResultSet rs, StatementContext ctx) throws SQLException {
        Task task = new Task(rs.getString("ref"), rs.getString("description"), Columns.status(rs, "status"),
                rs.getString("term"), Columns.date(rs, "start"), Columns.date(rs, "target"),
                rs.getString("timescale"), rs.getString("owner"), rs.getString("notes"));
        return new TaskRow(rs.getLong("id"), rs.getString("plan_name"), rs.getString("section_name"),
                rs.getString("action_key"), rs.getInt("position"), task);
    }

    private static String writeLayout(Layout layout) {
        try {
            return JSON.writeValueAsString(layout);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a layout as JSON", e);
        }
    }

    private static Layout readLayout(String json) {
        try {
            return JSON.readValue(json, Layout.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored plan layout is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
