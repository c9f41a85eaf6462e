package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The tenants. Thread-safe; joins the caller's transaction when called inside {@link Database#inTransaction}. */
public interface TenantRepository {

    /** The tenant with this slug, created (named after its slug) if there is none yet. */
    Tenant getOrCreate(String slug, Instant now);

    Optional<Tenant> find(String slug);

    /** The tenant with this database id (rows such as outbox messages name their tenant by id). */
    Optional<Tenant> get(long id);

    /** Every tenant, oldest first (a chat workspace with no binding goes to the only one there is). */
    List<Tenant> list();
}
