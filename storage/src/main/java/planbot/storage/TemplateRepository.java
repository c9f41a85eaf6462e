package planbot.storage;

import java.util.List;
import java.util.Optional;
import planbot.assess.Template;

/**
 * The assessment templates of each tenant, versioned by name: saving a template whose name the tenant already has
 * stores a new version beside the old ones (never replacing them), so a session that voted on an old version keeps
 * it. The tenant is named by its slug.
 *
 * <p>Thread-safe; each call joins the caller's transaction when made inside {@link Database#inTransaction}.
 * Storage failures are {@link StorageException}s.
 */
public interface TemplateRepository {

    /**
     * Stores the template as the next version of its name in the tenant and returns its id.
     *
     * @throws planbot.domain.UserFixableException when there is no tenant with this slug
     */
    long save(String tenant, Template t);

    /** The newest version of the template with this name (exact), if the tenant has one. */
    Optional<StoredTemplate> latest(String tenant, String name);

    /** The stored version with this id, if it belongs to the tenant. */
    Optional<StoredTemplate> byId(String tenant, long id);

    /** Every stored version of every template of the tenant, by name, then newest version first. */
    List<StoredTemplate> list(String tenant);
}
