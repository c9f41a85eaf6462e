package planbot.web.signin;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.SameSite;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.access.SignInLinks;
import planbot.access.SignInLinks.Outcome;
import planbot.access.SignInLinks.Redemption;
import planbot.access.WebSessions;
import planbot.access.WebUser;
import planbot.http.HttpRoutes;

/**
 * Sign-in and sign-out over HTTP, mounted by the composition root on the app's server:
 * <ul>
 * <li>{@code GET /signin/{token}}: the page a sign-in link opens. It changes nothing: it shows a "Continue" button that
 * posts the token. Outlook/Teams Safe Links, mail scanners and chat previews fetch every link they see with a GET; if
 * that GET used the link up, the person would find it "already used" on their own first click. A used, expired
 * (410) or unknown (404) link gets a page saying so and how to get a new one.</li>
 * <li>{@code POST /signin}: redeems the token (once), sets the session cookie {@value WebAuth#COOKIE} (HttpOnly,
 * SameSite=Lax, Secure over HTTPS) and redirects (303) to {@code /}. A cross-site post is refused, so that another
 * site cannot sign a browser in as someone else.</li>
 * <li>{@code GET /signin}: how to get a link. {@code POST /signout}: ends the session (CSRF-checked) and clears the
 * cookie.</li>
 * </ul>
 * Every response carries {@link WebHeaders}. Handlers are thread-safe; a failure is logged and answered with a short
 * generic page, never its text.
 */
public final class SignInRoutes {
    public static final String SIGN_OUT_PATH = "/signout";
    static final String TOKEN_FIELD = "token";
    private static final Logger LOG = LoggerFactory.getLogger(SignInRoutes.class);
    private static final String NEW_LINK = "Type <code>/plan web</code> in chat (Slack, Teams, Discord) for a new one, or ask"
            + " an admin to run <code>./planbot web link --as \"Your name\"</code>.";

    private final SignInLinks links;
    private final WebSessions sessions;
    private final WebAuth auth;
    private final Supplier<URI> publicUrl;

    /** @param publicUrl {@code PLANBOT_PUBLIC_URL}: when it is https, the cookie is Secure */
    public SignInRoutes(SignInLinks links, WebSessions sessions, WebAuth auth, Supplier<URI> publicUrl) {
        this.links = Objects.requireNonNull(links, "links");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
    }

    public void routes(HttpRoutes routes) {
        routes.get(WebAuth.SIGN_IN_PATH, guarded("GET /signin", this::howToSignIn));
        routes.get(SignInLinks.PATH + "{token}", guarded("GET /signin/{token}", this::linkPage));
        routes.post(WebAuth.SIGN_IN_PATH, guarded("POST /signin", this::signIn));
        routes.post(SIGN_OUT_PATH, guarded("POST /signout", this::signOut));
    }

    private void howToSignIn(Context ctx) {
        page(ctx, 200, "Sign in to planbot", "<p>planbot signs you in with a link, not a password.</p>"
                + "<p>Type <code>/plan web</code> in chat (Slack or Discord; on Teams, <code>web</code> in your personal chat"
                + " with planbot): planbot answers you alone with a link that works once, for 15 minutes.</p>"
                + "<p>At the server, an admin can print one: <code>./planbot web link --as \"Your name\"</code>.</p>");
    }

    private void linkPage(Context ctx) {
        String token = ctx.pathParam("token");
        Outcome outcome = links.check(token);
        if (outcome != Outcome.OK) {
            refused(ctx, outcome);
            return;
        }
        // the token is 43 characters of base64url (checked), safe in an attribute
        page(ctx, 200, "Sign in to planbot", "<p>This link signs you in to planbot. It works once.</p>"
                + "<form method=\"post\" action=\"" + WebAuth.SIGN_IN_PATH + "\">"
                + "<input type=\"hidden\" name=\"" + TOKEN_FIELD + "\" value=\"" + token + "\">"
                + "<button type=\"submit\">Continue</button></form>");
    }

    private void signIn(Context ctx) {
        if (crossSite(ctx)) {
            page(ctx, 403, "Not signed in", "<p>This sign-in came from another site, so planbot ignored it.</p><p>"
                    + NEW_LINK + "</p>");
            return;
        }
        Redemption redemption = links.redeem(ctx.formParam(TOKEN_FIELD));
        if (redemption.outcome() != Outcome.OK) {
            refused(ctx, redemption.outcome());
            return;
        }
        ctx.cookie(sessionCookie(ctx, redemption.sessionId(), (int) WebSessions.ABSOLUTE_LIMIT.toSeconds()));
        WebHeaders.apply(ctx);
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        Optional<WebUser> user = auth.user(ctx);
        if (user.isPresent() && !auth.csrfOk(ctx, user.get())) {
            page(ctx, 403, "Not signed out", "<p>This form has expired. Go back, reload the page and try again.</p>");
            return;
        }
        if (user.isPresent()) {
            sessions.end(ctx.cookie(WebAuth.COOKIE));
        }
        ctx.cookie(sessionCookie(ctx, "", 0));
        WebHeaders.apply(ctx);
        ctx.redirect(WebAuth.SIGN_IN_PATH, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void refused(Context ctx, Outcome outcome) {
        if (outcome == Outcome.USED) {
            page(ctx, 410, "Link already used", "<p>This sign-in link has already been used.</p><p>" + NEW_LINK + "</p>");
        } else if (outcome == Outcome.EXPIRED) {
            page(ctx, 410, "Link expired", "<p>This sign-in link has expired.</p><p>" + NEW_LINK + "</p>");
        } else {
            page(ctx, 404, "Link not valid", "<p>This sign-in link is not valid.</p><p>" + NEW_LINK + "</p>");
        }
    }

    /** HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts), Secure whenever HTTPS is in play. */
    private Cookie sessionCookie(Context ctx, String value, int maxAgeSeconds) {
        boolean secure = "https".equalsIgnoreCase(publicUrl.get().getScheme()) || "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return new Cookie(WebAuth.COOKIE, value, "/", maxAgeSeconds, secure, true, null, SameSite.LAX);
    }

    /**
     * A post whose Origin (sent by every current browser on a form post) is neither this request's host (its Host, or
     * X-Forwarded-Host behind a proxy that rewrites Host) nor {@code PLANBOT_PUBLIC_URL}'s.
     */
    private boolean crossSite(Context ctx) {
        String origin = ctx.header("Origin");
        // Under Referrer-Policy no-referrer (WebHeaders) a browser's own form post says "Origin: null" (Fetch standard);
        // Sec-Fetch-Site, which no page can set, says whether it came from this site.
        if (origin == null || "null".equals(origin) && "same-origin".equals(ctx.header("Sec-Fetch-Site"))) {
            return false;
        }
        String from;
        try {
            URI o = URI.create(origin);
            from = o.getHost() == null ? null : authority(o);
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (from == null) {
            return true;
        }
        for (String own : new String[] {ctx.header("Host"), ctx.header("X-Forwarded-Host"), authority(publicUrl.get())}) {
            if (own != null && own.toLowerCase(Locale.ROOT).equals(from)) {
                return false;
            }
        }
        return true;
    }

    private static String authority(URI uri) {
        return (uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort()).toLowerCase(Locale.ROOT);
    }

    static void page(Context ctx, int status, String title, String bodyHtml) {
        WebHeaders.apply(ctx);
        ctx.status(status).html("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + " – planbot</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
                + "button{font-size:1.1rem;padding:.5rem 1.5rem}</style></head><body><h1>" + title + "</h1>" + bodyHtml
                + "</body></html>");
    }

    /**
     * Any failure: logged with its cause, answered with a generic page (its text never reaches the browser). The log
     * names the route, never the request's path: that holds the link's token.
     */
    private static Handler guarded(String route, Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                java.util.OptionalInt theirs = planbot.http.AppServer.clientFault(ctx, e);
                if (theirs.isPresent()) {
                    page(ctx, theirs.getAsInt(), "Not understood", "<p>planbot could not read that request. Open the"
                            + " sign-in link from your chat again.</p>");
                    return;
                }
                LOG.error("web sign-in request {} failed", route, e);
                page(ctx, 500, "Something went wrong", "<p>planbot could not do that just now. Try again in a minute.</p>");
            }
        };
    }
}
