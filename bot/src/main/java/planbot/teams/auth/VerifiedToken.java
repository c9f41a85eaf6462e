package planbot.teams.auth;

import java.util.Objects;

/**
 * What a verified Bot Connector token vouched for: who issued it, for which bot, and the {@code serviceUrl} it
 * was issued with (equal to the activity's, so a reply may go there).
 */
public record VerifiedToken(String issuer, String audience, String serviceUrl) {
    public VerifiedToken {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(serviceUrl, "serviceUrl");
    }
}
