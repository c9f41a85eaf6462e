package planbot.teams.auth;

import java.util.Objects;

/**
 * What a verified Bot Connector token vouched for: who issued it, for which bot, and the {@code serviceUrl} it
 * was issued with. From {@link ConnectorAuth#verify(String, String)} that is the token's {@code serviceurl} claim,
 * which {@link ConnectorAuth#checkServiceUrl(VerifiedToken, String)} then compares with the activity's; from
 * {@link ConnectorAuth#verify(String, String, String)} it is the activity's own, already found equal to the claim, so
 * a reply may go there.
 */
public record VerifiedToken(String issuer, String audience, String serviceUrl) {
    public VerifiedToken {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(serviceUrl, "serviceUrl");
    }
}
