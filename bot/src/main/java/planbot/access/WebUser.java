package planbot.access;

import java.util.Objects;
import planbot.command.Actor;
import planbot.domain.Person;
import planbot.domain.Role;

/**
 * The person behind a web session: made by {@link WebSessions#user} on each request, with the person (and so the
 * role) read afresh from storage, so that a demotion counts on the next request. Pages put {@link #csrfToken} in every
 * form they render; {@code planbot.web.signin.WebAuth#csrfOk} checks it comes back.
 *
 * @param tenant    the slug of the tenant the session is for
 * @param person    the person as stored now, with their current role
 * @param csrfToken the session's anti-forgery token (derived from the session id, not a way in by itself)
 */
public record WebUser(String tenant, Person person, String csrfToken) {
    public WebUser {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    public Role role() {
        return person.role();
    }

    /** Who the web user is to the {@code CommandService}: commands go through it with {@code Source.WEB}. */
    public Actor actor() {
        return Actor.of(person);
    }
}
