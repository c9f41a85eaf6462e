package planbot.scheduler.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import planbot.domain.PlanDate;
import planbot.domain.Status;
import planbot.domain.StatusKind;
import planbot.domain.UserFixableException;
import planbot.storage.Database;

/**
 * Reads a {@link DigestInput} from the database: the tasks in scope with their section, action, last update
 * and number of target-date revisions; the revisions made in the period; and the status changes to a finished
 * status in the period, from the audit trail (a command's {@code status} event, or an import's {@code updated}
 * event whose values include the status). Set-based queries (the tenant and scope, then one each for
 * tasks, revisions and completions) on one connection.
 *
 * <p>The tasks are read as they are when this runs; {@code now} sets the calendar (today, days late) and the
 * end of the period, so a digest "as at" a past moment still shows today's statuses and dates. The reads are
 * not one snapshot: a change committed between them can show in one and not another, which the builder
 * tolerates (a revision total is never below the revisions it sees).
 *
 * <p>Thread-safe. Fails with {@link IllegalArgumentException} for an unknown tenant, or a plan or section the
 * tenant does not have (a misspelt subscription should say so, not send empty digests for ever); with
 * {@code StorageException} when the database does.
 *
 * <p>Audit events name a task by its ref only, so when two plans of one tenant share a ref, a status change
 * of one is counted for both if both are finished.
 */
public final class DigestSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FROM_TASK = " FROM task t JOIN action a ON a.id = t.action_id"
            + " JOIN section s ON s.id = a.section_id JOIN plan p ON p.id = t.plan_id";

    private final Database db;

    public DigestSource(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * The input of a digest of {@code scope} at {@code now}, covering the period since {@code lastDigest}
     * (null: the week before now).
     */
    public DigestInput read(DigestScope scope, Instant lastDigest, ZonedDateTime now) {
        Objects.requireNonNull(scope, "scope");
        ZonedDateTime since = DigestInput.periodStart(lastDigest, now);
        long from = since.toInstant().toEpochMilli();
        long to = now.toInstant().toEpochMilli();
        return db.withHandle(h -> {
            long tenantId = tenantId(h, scope);
            Scope where = new Scope(tenantId, scope);
            return new DigestInput(scope, tasks(h, where, to), revisions(h, where, from, to),
                    completions(h, where, from, to), since, now, DigestInput.SILENT_AFTER);
        });
    }

    private static long tenantId(Handle h, DigestScope scope) {
        Long id = h.createQuery("SELECT id FROM tenant WHERE slug = ?").bind(0, scope.tenant())
                .mapTo(Long.class).findOne()
                .orElseThrow(() -> new UserFixableException("there is no tenant '" + scope.tenant() + "'"));
        if (scope.plan() != null || scope.section() != null) {
            Scope where = new Scope(id, scope);
            Query q = h.createQuery("SELECT COUNT(*) FROM section s JOIN plan p ON p.id = s.plan_id WHERE s.tenant_id = ?"
                    + where.sql);
            where.bind(q, 1);
            if (q.bind(0, id).mapTo(Integer.class).one() == 0) {
                throw new UserFixableException("tenant '" + scope.tenant() + "' has no "
                        + (scope.section() == null ? "plan '" + scope.plan() + "'"
                        : "section '" + scope.section() + "'" + (scope.plan() == null ? "" : " in plan '" + scope.plan() + "'")));
            }
        }
        return id;
    }

    private static List<TaskSnapshot> tasks(Handle h, Scope where, long to) {
        Query q = h.createQuery("SELECT p.name AS plan_name, s.name AS section_name, a.action_key, a.label, t.ref,"
                + " t.description, t.status_word, t.status_kind, t.target_kind, t.target_date, t.target_precision,"
                + " t.target_remark, t.target_text, t.owner, t.updated_at, COALESCE(rc.n, 0) AS revisions"
                + FROM_TASK
                + " LEFT JOIN (SELECT task_id, COUNT(*) AS n FROM target_date_revision"
                + "   WHERE tenant_id = ? AND from_kind IS NOT NULL AND at < ? GROUP BY task_id) rc ON rc.task_id = t.id"
                + " WHERE t.tenant_id = ?" + where.sql
                + " ORDER BY p.name, s.position, s.id, a.position, a.id, t.position, t.id");
        q.bind(0, where.tenantId).bind(1, to).bind(2, where.tenantId);
        where.bind(q, 3);
        return q.map((rs, ctx) -> new TaskSnapshot(rs.getString("plan_name"), rs.getString("section_name"),
                rs.getString("action_key"), rs.getString("label"), rs.getString("ref"), rs.getString("description"),
                status(rs.getString("status_word"), rs.getString("status_kind")), date(rs, "target"),
                rs.getString("owner"), Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getInt("revisions")))
                .list();
    }

    private static List<TargetRevision> revisions(Handle h, Scope where, long from, long to) {
        Query q = h.createQuery("SELECT p.name AS plan_name, t.ref, r.from_kind, r.from_date, r.from_precision,"
                + " r.from_remark, r.from_text, r.to_kind, r.to_date, r.to_precision, r.to_remark, r.to_text, r.at"
                + " FROM target_date_revision r JOIN task t ON t.id = r.task_id JOIN action a ON a.id = t.action_id"
                + " JOIN section s ON s.id = a.section_id JOIN plan p ON p.id = t.plan_id"
                + " WHERE r.tenant_id = ? AND r.from_kind IS NOT NULL AND r.at >= ? AND r.at < ?" + where.sql
                + " ORDER BY r.at, r.id");
        q.bind(0, where.tenantId).bind(1, from).bind(2, to);
        where.bind(q, 3);
        return q.map((rs, ctx) -> new TargetRevision(rs.getString("plan_name"), rs.getString("ref"),
                date(rs, "from"), date(rs, "to"), Instant.ofEpochMilli(rs.getLong("at")))).list();
    }

    private static List<Completion> completions(Handle h, Scope where, long from, long to) {
        // A command writes change 'status' with the new word; an import writes 'updated' with JSON of the
        // changed fields. The LIKE only narrows what is parsed; the JSON decides.
        Query q = h.createQuery("SELECT p.name AS plan_name, t.ref, e.change, e.after_value, e.at FROM audit_event e"
                + " JOIN task t ON t.tenant_id = e.tenant_id AND t.ref = e.entity_ref JOIN action a ON a.id = t.action_id"
                + " JOIN section s ON s.id = a.section_id JOIN plan p ON p.id = t.plan_id"
                + " WHERE e.tenant_id = ? AND e.entity = 'task' AND e.at >= ? AND e.at < ?"
                + " AND (e.change = 'status' OR (e.change = 'updated' AND e.after_value LIKE '%\"status\"%'))" + where.sql
                + " ORDER BY e.at, e.id");
        q.bind(0, where.tenantId).bind(1, from).bind(2, to);
        where.bind(q, 3);
        List<Completion> out = new ArrayList<>();
        q.map((rs, ctx) -> {
            String word = "status".equals(rs.getString("change")) ? rs.getString("after_value")
                    : statusInJson(rs.getString("after_value"));
            Status status = Status.of(word);
            return status != null && status.kind().isFinished()
                    ? new Completion(rs.getString("plan_name"), rs.getString("ref"), status,
                    Instant.ofEpochMilli(rs.getLong("at")))
                    : null;
        }).forEach(c -> {
            if (c != null) {
                out.add(c);
            }
        });
        return out;
    }

    /** The "status" of an import's audit value ({"status":"Completed",…}); null if it has none or is not JSON. */
    static String statusInJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode status = JSON.readTree(json).get("status");
            return status == null || !status.isTextual() ? null : status.asText();
        } catch (JsonProcessingException e) {
            return null; // not an import's value: nothing to count
        }
    }

    private static Status status(String word, String kind) {
        if (word == null) {
            return null;
        }
        return new Status(word, kind == null ? StatusKind.of(word) : StatusKind.valueOf(kind));
    }

    /**
     * A {@link PlanDate} spread over {@code <prefix>_kind/_date/_precision/_remark/_text}; null when the kind is. Public
     * for the dashboard, which reads original target dates from the same revision columns.
     */
    public static PlanDate date(ResultSet rs, String prefix) throws SQLException {
        String kind = rs.getString(prefix + "_kind");
        if (kind == null) {
            return null;
        }
        String date = rs.getString(prefix + "_date");
        String precision = rs.getString(prefix + "_precision");
        return new PlanDate(PlanDate.Kind.valueOf(kind), date == null ? null : LocalDate.parse(date),
                precision == null ? PlanDate.Precision.DAY : PlanDate.Precision.valueOf(precision),
                rs.getString(prefix + "_remark"), rs.getString(prefix + "_text"));
    }

    /** The scope's plan and section filter as SQL on aliases p and s, and its parameters. */
    private static final class Scope {
        final long tenantId;
        final String sql;
        private final List<String> args = new ArrayList<>(2);

        Scope(long tenantId, DigestScope scope) {
            this.tenantId = tenantId;
            StringBuilder sb = new StringBuilder();
            if (scope.plan() != null) {
                sb.append(" AND lower(p.name) = ?");
                args.add(scope.plan().toLowerCase(Locale.ROOT));
            }
            if (scope.section() != null) {
                sb.append(" AND lower(s.name) = ?");
                args.add(scope.section().toLowerCase(Locale.ROOT));
            }
            this.sql = sb.toString();
        }

        void bind(Query q, int from) {
            for (int i = 0; i < args.size(); i++) {
                q.bind(from + i, args.get(i));
            }
        }
    }
}
