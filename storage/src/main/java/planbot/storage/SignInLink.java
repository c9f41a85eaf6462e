package planbot.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored sign-in link (its token is kept only as a hash, so it is not here).
 *
 * @param tenantId   the tenant it signs in to
 * @param personName the person it signs in as
 * @param expiresAt  when it stops working
 * @param usedAt     when it was redeemed; null while unused
 */
public record SignInLink(long id, long tenantId, String personName, Instant expiresAt, Instant usedAt) {
    public SignInLink {
        Objects.requireNonNull(personName, "personName");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
