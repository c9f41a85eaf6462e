package planbot.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link TeamsConversationRepository} on the {@link Database}. */
public final class JdbiTeamsConversationRepository implements TeamsConversationRepository {
    private static final String COLUMNS = "service_url, conversation_id, kind, entra_tenant_id, team_id, channel_id,"
            + " user_aad_object_id, user_id, installed, updated_at";

    private final Database db;

    public JdbiTeamsConversationRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void save(TeamsConversation c) {
        db.inTransaction(h -> h.createUpdate("INSERT INTO teams_conversation (" + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET"
                        + " service_url = excluded.service_url, kind = excluded.kind,"
                        + " entra_tenant_id = excluded.entra_tenant_id, team_id = excluded.team_id,"
                        + " channel_id = excluded.channel_id, user_aad_object_id = excluded.user_aad_object_id,"
                        + " user_id = excluded.user_id, installed = excluded.installed, updated_at = excluded.updated_at")
                .bind(0, c.serviceUrl()).bind(1, c.conversationId()).bind(2, c.kind().wire())
                .bind(3, c.entraTenantId()).bind(4, c.teamId()).bind(5, c.channelId())
                .bind(6, c.userAadObjectId()).bind(7, c.userId()).bind(8, c.installed() ? 1 : 0)
                .bind(9, c.updatedAt().toEpochMilli()).execute());
    }

    @Override
    public boolean setInstalled(String conversationId, boolean installed, Instant at) {
        return db.inTransaction(h -> h.createUpdate("UPDATE teams_conversation SET installed = ?, updated_at = ?"
                        + " WHERE conversation_id = ?")
                .bind(0, installed ? 1 : 0).bind(1, at.toEpochMilli()).bind(2, conversationId).execute()) == 1;
    }

    @Override
    public Optional<TeamsConversation> find(String conversationId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM teams_conversation WHERE conversation_id = ?")
                .bind(0, conversationId).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public Optional<TeamsConversation> personal(String entraTenantId, String userAadObjectId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM teams_conversation"
                        + " WHERE entra_tenant_id = ? AND user_aad_object_id = ? AND kind = ?"
                        + " ORDER BY installed DESC, updated_at DESC, id DESC")
                .bind(0, entraTenantId).bind(1, userAadObjectId).bind(2, TeamsConversation.Kind.PERSONAL.wire())
                .map((rs, ctx) -> row(rs)).findFirst());
    }

    @Override
    public Optional<TeamsConversation> personal(String userAadObjectId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM teams_conversation"
                        + " WHERE user_aad_object_id = ? AND kind = ? ORDER BY installed DESC, updated_at DESC, id DESC")
                .bind(0, userAadObjectId).bind(1, TeamsConversation.Kind.PERSONAL.wire())
                .map((rs, ctx) -> row(rs)).findFirst());
    }

    @Override
    public List<TeamsConversation> installed() {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM teams_conversation WHERE installed = 1"
                        + " ORDER BY updated_at DESC, id DESC")
                .map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public Optional<TeamsConversation> channel(String channelId) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM teams_conversation"
                        + " WHERE channel_id = ? AND kind = ? ORDER BY updated_at DESC, id DESC")
                .bind(0, channelId).bind(1, TeamsConversation.Kind.CHANNEL.wire())
                .map((rs, ctx) -> row(rs)).findFirst());
    }

    @Override
    public List<String> serviceUrls() {
        return db.withHandle(h -> h.createQuery("SELECT DISTINCT service_url FROM teams_conversation ORDER BY service_url")
                .mapTo(String.class).list());
    }

    private static TeamsConversation row(ResultSet rs) throws SQLException {
        return new TeamsConversation(rs.getString(1), rs.getString(2), TeamsConversation.Kind.ofWire(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getInt(9) != 0, Instant.ofEpochMilli(rs.getLong(10)));
    }
}
