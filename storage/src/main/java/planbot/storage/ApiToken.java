package planbot.storage;

import java.time.Instant;
import java.util.Objects;
import planbot.domain.Role;

/**
 * An integration's API token as stored: never the token itself, only what it may do and when it was used.
 *
 * @param id         the database id
 * @param tenantId   the tenant it acts in
 * @param name       the integration's name, unique in the tenant ("finance-dashboard")
 * @param role       what it may do, as a person of that role may
 * @param createdAt  when it was created
 * @param lastUsedAt when it last called the API (to the minute); null if never
 * @param revokedAt  when it was revoked; null while it works
 */
public record ApiToken(long id, long tenantId, String name, Role role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
