package planbot.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reminder sweep's per-tenant state: each tenant's reminder policy (as text; the scheduler owns its
 * meaning) and how far the last sweep got.
 *
 * <p>Thread-safe; joins the caller's transaction when called inside {@link Database#inTransaction}, so the
 * sweep's mark commits with the outbox rows it wrote. Failures are {@link StorageException}s.
 */
public interface ReminderStateRepository {

    /** Every tenant, by id. */
    List<Tenant> tenants();

    /** A tenant's policy text; empty when it has none (the defaults apply). */
    Optional<String> policy(Tenant tenant);

    /** Every stored policy text, by tenant id. */
    Map<Long, String> policies();

    /** Sets a tenant's policy text (replacing any). */
    void savePolicy(Tenant tenant, String policy, Instant now);

    /** Every tenant's sweep mark, by tenant id. */
    Map<Long, SweepMark> marks();

    /** Sets these tenants' marks (replacing any). */
    void saveMarks(Collection<SweepMark> marks);

    /**
     * How far the sweep got for a tenant.
     *
     * @param tenantId       the tenant
     * @param handledThrough every reminder moment on or before this day (in the tenant's zone) was decided
     * @param sweptAt        the instant that sweep ran for (its tasks were read then)
     * @param policy         the policy text it decided under (a different policy means starting afresh)
     */
    record SweepMark(long tenantId, LocalDate handledThrough, Instant sweptAt, String policy) {
        public SweepMark {
            Objects.requireNonNull(handledThrough, "handledThrough");
            Objects.requireNonNull(sweptAt, "sweptAt");
            Objects.requireNonNull(policy, "policy");
        }
    }
}
