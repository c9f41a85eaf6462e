package planbot.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored admin claim code (its text is never stored, only a hash of it).
 *
 * @param id        the database id
 * @param tenantId  the tenant whose admin it makes
 * @param expiresAt the moment it stops working
 * @param usedAt    when it was claimed; null while unused
 */
public record ClaimCode(long id, long tenantId, Instant expiresAt, Instant usedAt) {
    public ClaimCode {
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean used() {
        return usedAt != null;
    }
}
