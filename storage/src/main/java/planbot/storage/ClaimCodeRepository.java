package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One-time codes that make an admin, and the failed tries at them. A code is stored as its SHA-256, never as text:
 * callers hand over the code as it is to be typed back (already normalised), and only its hash reaches the database.
 * Thread-safe; joins the caller's transaction when called inside {@link Database#inTransaction}.
 */
public interface ClaimCodeRepository {

    /** Stores a new code for the tenant, good until {@code expiresAt}. */
    void add(Tenant tenant, String code, Instant createdAt, Instant expiresAt);

    /** The stored code with this text, whichever tenant it is for; empty when there is none. */
    Optional<ClaimCode> find(String code);

    /**
     * Marks a code used by an account, only if nobody has used it yet (atomic: of two claims at once, one wins).
     *
     * @param usedBy the account that claimed it, as text ("slack T0123/U0123")
     * @return true when this call used it
     */
    boolean use(long codeId, String usedBy, Instant at);

    /** Records a refused claim from an account (its platform and workspace are what the rate limit counts by). */
    void recordFailure(ChatIdentity who, Instant at);

    /** When the refused claims from a workspace happened, at or after {@code since}, oldest first. */
    List<Instant> failuresSince(String platform, String workspace, Instant since);
}
