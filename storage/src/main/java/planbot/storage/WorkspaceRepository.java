package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which tenant each chat workspace belongs to: a platform adapter asks it for every verified request, and refuses
 * anything naming another tenant's data. Thread-safe; joins the caller's transaction.
 */
public interface WorkspaceRepository {

    /** The tenant a workspace is bound to; ids are "" when absent. */
    Optional<Tenant> tenantOf(String platform, String enterpriseId, String teamId);

    /** Binds a workspace to a tenant, or moves it there from the tenant it was bound to. */
    void bind(Tenant tenant, String platform, String enterpriseId, String teamId, Instant at);

    /**
     * Binds a workspace to a tenant only when the tenant has no workspace bound on this platform yet: the automatic
     * binding of a platform's first workspace. Atomic against a concurrent call for another workspace of the same
     * platform (on PostgreSQL it locks the tenant's row until the caller's transaction ends).
     *
     * @return true when it bound the workspace; false when the tenant already had one on this platform
     */
    boolean bindFirst(Tenant tenant, String platform, String enterpriseId, String teamId, Instant at);

    /** Every binding on a platform. */
    List<WorkspaceBinding> list(String platform);
}
