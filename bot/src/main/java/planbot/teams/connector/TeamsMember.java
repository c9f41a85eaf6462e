package planbot.teams.connector;

import java.util.Objects;

/**
 * A person as the Connector's members API describes them.
 *
 * @param id                the per-bot user id ({@code 29:…}): what a 1:1 conversation is created with
 * @param aadObjectId       the Entra object id, stable across bots: what planbot links people by; null if not given
 * @param name              the display name ("" when not given)
 * @param email             null when not given
 * @param userPrincipalName null when not given
 */
public record TeamsMember(String id, String aadObjectId, String name, String email, String userPrincipalName) {
    public TeamsMember {
        Objects.requireNonNull(id, "id");
        name = Objects.requireNonNullElse(name, "");
    }
}
