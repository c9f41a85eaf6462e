package planbot.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored web session (its id is kept only as a hash, so it is not here).
 *
 * @param tenantId   the tenant it is signed in to
 * @param personName the person it is signed in as
 * @param createdAt  when it began (the absolute limit counts from here)
 * @param lastSeenAt when it was last used (the idle limit counts from here)
 * @param endedAt    when it was signed out; null while open
 */
public record WebSession(long id, long tenantId, String personName, Instant createdAt, Instant lastSeenAt, Instant endedAt) {
    public WebSession {
        Objects.requireNonNull(personName, "personName");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }
}
