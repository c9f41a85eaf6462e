package planbot.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import planbot.assess.Part;
import planbot.assess.Scale;
import planbot.assess.Template;
import planbot.domain.UserFixableException;

/**
 * {@link TemplateRepository} on the {@link Database}: one row per version, the parts as JSON. A 1–5 template's
 * parts_json is the list of parts, as V17 shipped; any other scale wraps it as {@code {"scale":"rag","parts":[…]}},
 * so no column was needed and rows written before there was a choice read as 1–5.
 */
public final class JdbiTemplateRepository implements TemplateRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Part>> PARTS = new TypeReference<>() { };
    private static final String SELECT = "SELECT t.id, t.version, t.name, t.source, t.parts_json, t.imported_at"
            + " FROM assess_template t JOIN tenant n ON n.id = t.tenant_id WHERE n.slug = ?";

    private final Database db;
    private final Clock clock;

    public JdbiTemplateRepository(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long save(String tenant, Template t) {
        Objects.requireNonNull(t, "template");
        String parts = write(t);
        return db.inTransaction(h -> {
            long tenantId = h.createQuery("SELECT id FROM tenant WHERE slug = ?").bind(0, tenant)
                    .mapTo(Long.class).findOne()
                    .orElseThrow(() -> new UserFixableException("there is no tenant '" + tenant + "'"));
            int version = h.createQuery("SELECT COALESCE(MAX(version), 0) FROM assess_template WHERE tenant_id = ? AND name = ?")
                    .bind(0, tenantId).bind(1, t.name()).mapTo(Integer.class).one() + 1;
            h.createUpdate("INSERT INTO assess_template (tenant_id, name, version, source, parts_json, imported_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(0, tenantId).bind(1, t.name()).bind(2, version).bind(3, t.source()).bind(4, parts)
                    .bind(5, clock.millis()).execute();
            return h.createQuery("SELECT id FROM assess_template WHERE tenant_id = ? AND name = ? AND version = ?")
                    .bind(0, tenantId).bind(1, t.name()).bind(2, version).mapTo(Long.class).one();
        });
    }

    @Override
    public Optional<StoredTemplate> latest(String tenant, String name) {
        return db.withHandle(h -> query(h, SELECT + " AND t.name = ? ORDER BY t.version DESC", tenant, name).stream().findFirst());
    }

    @Override
    public Optional<StoredTemplate> byId(String tenant, long id) {
        return db.withHandle(h -> query(h, SELECT + " AND t.id = ?", tenant, id).stream().findFirst());
    }

    @Override
    public List<StoredTemplate> list(String tenant) {
        return db.withHandle(h -> query(h, SELECT + " ORDER BY t.name, t.version DESC", tenant));
    }

    private static List<StoredTemplate> query(Handle h, String sql, Object... args) {
        var q = h.createQuery(sql);
        for (int i = 0; i < args.length; i++) {
            q.bind(i, args[i]);
        }
        return q.map((rs, ctx) -> row(rs)).list();
    }

    private static StoredTemplate row(ResultSet rs) throws SQLException {
        Template t = read(rs.getString(3), rs.getString(4), rs.getString(5));
        return new StoredTemplate(rs.getLong(1), rs.getInt(2), t, Instant.ofEpochMilli(rs.getLong(6)));
    }

    private static String write(Template t) {
        try {
            return t.scale() == Scale.ONE_TO_FIVE ? JSON.writeValueAsString(t.parts())
                    : JSON.writeValueAsString(Map.of("scale", t.scale().key(), "parts", t.parts()));
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot write a template's parts as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Template read(String name, String source, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root.isArray()) {
                return new Template(name, source, JSON.convertValue(root, PARTS));
            }
            Scale scale = Scale.named(root.path("scale").asText())
                    .orElseThrow(() -> new StorageException("a stored template has an unknown scale: " + root.path("scale").asText()));
            return new Template(name, source, JSON.convertValue(root.get("parts"), PARTS), scale);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored template's parts are not readable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
