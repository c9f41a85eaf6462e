package planbot.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in links to the web pages, by the SHA-256 (hex) of their token: callers hash, and the token itself never
 * reaches the database. Thread-safe; joins the caller's transaction when called inside {@link Database#inTransaction}.
 */
public interface SignInLinkRepository {

    /** Stores a new link for a person of the tenant, good until {@code expiresAt}. */
    void add(Tenant tenant, String tokenHash, String personName, Instant createdAt, Instant expiresAt);

    /** The link with this token hash, used or not, whichever tenant it is for; empty when there is none. */
    Optional<SignInLink> find(String tokenHash);

    /**
     * Marks the link used, only if it is unused and not expired at {@code now}: one atomic UPDATE, so of two redemptions
     * at once exactly one returns true.
     */
    boolean redeem(String tokenHash, Instant now);
}
