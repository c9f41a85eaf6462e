package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import planbot.domain.Role;

/**
 * Integration tokens for the REST API. Callers hand over the token's SHA-256 (hex), never the token: nothing here sees
 * a usable secret. Thread-safe; joins the caller's transaction when called inside {@link Database#inTransaction}.
 */
public interface ApiTokenRepository {

    /** Stores a new token; the caller has checked that the tenant has none so named (the database refuses a second). */
    ApiToken add(Tenant tenant, String name, Role role, String tokenHash, Instant createdAt);

    /** The token so named in the tenant, revoked or not. */
    Optional<ApiToken> find(Tenant tenant, String name);

    /** The token with this hash, whichever tenant it is for, revoked or not; empty when there is none. */
    Optional<ApiToken> findByHash(String tokenHash);

    /** The tenant's tokens, oldest first. */
    List<ApiToken> list(Tenant tenant);

    /** Marks the token revoked. */
    void revoke(long tokenId, Instant at);

    /** Records that the token was used at this instant. */
    void used(long tokenId, Instant at);
}
