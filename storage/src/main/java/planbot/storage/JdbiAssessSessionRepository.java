package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link AssessSessionRepository} on the {@link Database}. */
public final class JdbiAssessSessionRepository implements AssessSessionRepository {
    private static final String SESSION = "SELECT id, template_id, template_name, plan_name, channel, facilitator, anonymous,"
            + " salt, part_number, revealed, invited, started_at, ended_at FROM assess_session";
    private static final RowMapper<Session> SESSIONS = (rs, ctx) -> {
        long ended = rs.getLong("ended_at");
        boolean running = rs.wasNull();
        return new Session(rs.getLong("id"), rs.getLong("template_id"), rs.getString("template_name"),
                rs.getString("plan_name"), rs.getString("channel"), rs.getString("facilitator"), rs.getInt("anonymous") == 1,
                rs.getString("salt"), rs.getInt("part_number"), rs.getInt("revealed") == 1, rs.getInt("invited"),
                Instant.ofEpochMilli(rs.getLong("started_at")), running ? null : Instant.ofEpochMilli(ended));
    };

    private final Database db;

    public JdbiAssessSessionRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public long start(Tenant tenant, Session s) {
        return db.inTransaction(h -> h.createUpdate("INSERT INTO assess_session (tenant_id, template_id, template_name,"
                        + " plan_name, channel, open_channel, facilitator, anonymous, salt, part_number, revealed, invited,"
                        + " started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, tenant.id()).bind(1, s.templateId()).bind(2, s.templateName()).bind(3, s.planName())
                .bind(4, s.channel()).bind(5, s.channel()).bind(6, s.facilitator()).bind(7, s.anonymous() ? 1 : 0)
                .bind(8, s.salt()).bind(9, s.part()).bind(10, s.revealed() ? 1 : 0).bind(11, s.invited())
                .bind(12, s.startedAt().toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    @Override
    public Optional<Session> running(Tenant tenant, String channel) {
        return db.withHandle(h -> h.createQuery(SESSION + " WHERE tenant_id = ? AND open_channel = ?")
                .bind(0, tenant.id()).bind(1, channel).map(SESSIONS).findOne());
    }

    @Override
    public Optional<Session> get(Tenant tenant, long sessionId) {
        return db.withHandle(h -> h.createQuery(SESSION + " WHERE tenant_id = ? AND id = ?")
                .bind(0, tenant.id()).bind(1, sessionId).map(SESSIONS).findOne());
    }

    @Override
    public List<Session> list(Tenant tenant) {
        return db.withHandle(h -> h.createQuery(SESSION + " WHERE tenant_id = ? ORDER BY id")
                .bind(0, tenant.id()).map(SESSIONS).list());
    }

    @Override
    public Optional<Session> previous(Tenant tenant, String templateName, long beforeSessionId) {
        return db.withHandle(h -> h.createQuery(SESSION + " WHERE tenant_id = ? AND template_name = ? AND id < ?"
                        + " ORDER BY id DESC LIMIT 1")
                .bind(0, tenant.id()).bind(1, templateName).bind(2, beforeSessionId).map(SESSIONS).findOne());
    }

    @Override
    public void setState(long sessionId, int part, boolean revealed, int invited) {
        db.inTransaction(h -> h.createUpdate("UPDATE assess_session SET part_number = ?, revealed = ?, invited = ? WHERE id = ?")
                .bind(0, part).bind(1, revealed ? 1 : 0).bind(2, invited).bind(3, sessionId).execute());
    }

    @Override
    public void end(long sessionId, Instant at) {
        db.inTransaction(h -> h.createUpdate("UPDATE assess_session SET open_channel = NULL, ended_at = ? WHERE id = ?")
                .bind(0, at.toEpochMilli()).bind(1, sessionId).execute());
    }

    @Override
    public void vote(long sessionId, int part, String voter, Integer score, Instant at) {
        db.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE assess_vote SET score = ?, at = ? WHERE session_id = ? AND part_number = ? AND voter = ?")
                    .bind(0, score).bind(1, at.toEpochMilli()).bind(2, sessionId).bind(3, part).bind(4, voter).execute();
            if (changed == 0) {
                h.createUpdate("INSERT INTO assess_vote (session_id, part_number, voter, score, at) VALUES (?, ?, ?, ?, ?)")
                        .bind(0, sessionId).bind(1, part).bind(2, voter).bind(3, score).bind(4, at.toEpochMilli()).execute();
            }
            return null;
        });
    }

    @Override
    public List<Vote> votes(long sessionId, int part) {
        return db.withHandle(h -> h.createQuery("SELECT voter, score FROM assess_vote WHERE session_id = ? AND part_number = ? ORDER BY id")
                .bind(0, sessionId).bind(1, part)
                .map((rs, ctx) -> new Vote(rs.getString("voter"), integer(rs, "score"))).list());
    }

    @Override
    public void forgetVoters(long sessionId, int part) {
        db.inTransaction(h -> h.createUpdate("UPDATE assess_vote SET voter = 'v' || CAST(id AS TEXT) WHERE session_id = ? AND part_number = ?")
                .bind(0, sessionId).bind(1, part).execute());
    }

    @Override
    public void saveOutcome(long sessionId, Outcome o) {
        db.inTransaction(h -> h.createUpdate("INSERT INTO assess_outcome (session_id, part_number, lowest, highest, counts,"
                        + " abstained, agreed_score, agreed_reason, target_score, target_reason, revealed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, sessionId).bind(1, o.part()).bind(2, o.lowest()).bind(3, o.highest()).bind(4, o.counts())
                .bind(5, o.abstained()).bind(6, o.agreedScore()).bind(7, o.agreedReason()).bind(8, o.targetScore())
                .bind(9, o.targetReason()).bind(10, o.revealedAt().toEpochMilli()).execute());
    }

    @Override
    public void recordScore(long sessionId, int part, boolean target, int score, String reason) {
        String columns = target ? "target_score = ?, target_reason = ?" : "agreed_score = ?, agreed_reason = ?";
        db.inTransaction(h -> h.createUpdate("UPDATE assess_outcome SET " + columns + " WHERE session_id = ? AND part_number = ?")
                .bind(0, score).bind(1, reason).bind(2, sessionId).bind(3, part).execute());
    }

    @Override
    public List<Outcome> outcomes(long sessionId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM assess_outcome WHERE session_id = ? ORDER BY part_number")
                .bind(0, sessionId)
                .map((rs, ctx) -> new Outcome(rs.getInt("part_number"), integer(rs, "lowest"), integer(rs, "highest"),
                        rs.getString("counts"), rs.getInt("abstained"), integer(rs, "agreed_score"), rs.getString("agreed_reason"),
                        integer(rs, "target_score"), rs.getString("target_reason"), Instant.ofEpochMilli(rs.getLong("revealed_at"))))
                .list());
    }

    @Override
    public void decide(long sessionId, TipDecision d) {
        db.inTransaction(h -> h.createUpdate("INSERT INTO assess_tip_decision (session_id, part_number, tip_number, adopted,"
                        + " reason, decided_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .bind(0, sessionId).bind(1, d.part()).bind(2, d.tip()).bind(3, d.adopted() ? 1 : 0).bind(4, d.reason())
                .bind(5, d.decidedBy()).bind(6, d.at().toEpochMilli()).execute());
    }

    @Override
    public List<TipDecision> decisions(long sessionId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM assess_tip_decision WHERE session_id = ? ORDER BY part_number, tip_number")
                .bind(0, sessionId)
                .map((rs, ctx) -> new TipDecision(rs.getInt("part_number"), rs.getInt("tip_number"), rs.getInt("adopted") == 1,
                        rs.getString("reason"), rs.getString("decided_by"), Instant.ofEpochMilli(rs.getLong("at"))))
                .list());
    }

    @Override
    public void link(long sessionId, ActionLink link) {
        db.inTransaction(h -> h.createUpdate("INSERT INTO assess_action (session_id, part_number, tip_number, task_id) VALUES (?, ?, ?, ?)")
                .bind(0, sessionId).bind(1, link.part()).bind(2, link.tip()).bind(3, link.taskId()).execute());
    }

    @Override
    public List<ActionLink> links(long sessionId) {
        return db.withHandle(h -> h.createQuery("SELECT part_number, tip_number, task_id FROM assess_action WHERE session_id = ? ORDER BY id")
                .bind(0, sessionId)
                .map((rs, ctx) -> new ActionLink(rs.getInt("part_number"), integer(rs, "tip_number"), rs.getLong("task_id")))
                .list());
    }

    private static Integer integer(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
