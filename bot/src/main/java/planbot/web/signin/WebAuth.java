package planbot.web.signin;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import planbot.access.Secrets;
import planbot.access.WebSessions;
import planbot.access.WebUser;

/**
 * Who is signed in, for every web route: the session cookie ({@value #COOKIE}) looked up in {@link WebSessions}, and
 * the CSRF check for state-changing requests. Pages redirect to {@link #SIGN_IN_PATH} when {@link #user} is empty.
 * Thread-safe; storage failures propagate (the route answers a generic error).
 */
public final class WebAuth {
    /** The session cookie's name. */
    public static final String COOKIE = "planbot_session";
    /** The form field every state-changing form carries the session's CSRF token in. */
    public static final String CSRF_FIELD = "csrf";
    /** The header a script may carry the CSRF token in instead of the form field. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Where an unsigned request to a page is sent: it says how to get a link. */
    public static final String SIGN_IN_PATH = "/signin";

    private final WebSessions sessions;

    public WebAuth(WebSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** The person behind the request's session cookie; empty when there is none, or it has ended or expired. */
    public Optional<WebUser> user(Context ctx) {
        return sessions.user(ctx.cookie(COOKIE));
    }

    /**
     * True when the request carries the session's CSRF token (form field {@value #CSRF_FIELD}, or header
     * {@value #CSRF_HEADER}), compared in constant time. Call it before any change a POST makes.
     */
    public boolean csrfOk(Context ctx, WebUser user) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        return Secrets.sameSecret(sent, user.csrfToken());
    }
}
