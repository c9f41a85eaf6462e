package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** {@link TenantRepository} on the {@link Database}. */
public final class JdbiTenantRepository implements TenantRepository {
    // Built once: a ConstructorMapper inspects the record by reflection, which is most of a lookup's cost.
    private static final org.jdbi.v3.core.mapper.RowMapper<Tenant> TENANT = ConstructorMapper.of(Tenant.class);
    private final Database db;

    public JdbiTenantRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Tenant getOrCreate(String slug, Instant now) {
        String s = slug.strip();
        return db.inTransaction(h -> {
            // Look first so that a known tenant costs no write (PostgreSQL's ON CONFLICT would burn an id).
            Optional<Tenant> known = find(h, s);
            if (known.isPresent()) {
                return known.get();
            }
            h.createUpdate("INSERT INTO tenant (slug, name, created_at) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING")
                    .bind(0, s).bind(1, s).bind(2, now.toEpochMilli())
                    .execute();
            return find(h, s).orElseThrow();
        });
    }

    @Override
    public Optional<Tenant> find(String slug) {
        return db.withHandle(h -> find(h, slug.strip()));
    }

    @Override
    public Optional<Tenant> get(long id) {
        return db.withHandle(h -> h.createQuery("SELECT id, slug, name FROM tenant WHERE id = ?")
                .bind(0, id)
                .map(TENANT)
                .findOne());
    }

    @Override
    public List<Tenant> list() {
        return db.withHandle(h -> h.createQuery("SELECT id, slug, name FROM tenant ORDER BY id").map(TENANT).list());
    }

    private static Optional<Tenant> find(Handle h, String slug) {
        return h.createQuery("SELECT id, slug, name FROM tenant WHERE slug = ?")
                .bind(0, slug)
                .map(TENANT)
                .findOne();
    }
}
