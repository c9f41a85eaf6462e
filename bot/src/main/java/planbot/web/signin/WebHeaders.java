package planbot.web.signin;

import io.javalin.http.Context;

/**
 * The security headers every web response carries (pages, sign-in, forms): call {@link #apply} in each web handler
 * before answering. Stateless and thread-safe.
 */
public final class WebHeaders {
    /**
     * Scripts and everything else from this server only, never inline scripts; inline styles are allowed (a bar's width
     * is a style attribute); no framing (clickjacking), no plugins, forms post only here.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private WebHeaders() {
    }

    /**
     * Sets {@code Cache-Control: no-store} (a signed-in page, or a link's token, must not be kept by a browser or proxy),
     * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} (so that the sign-in link in the
     * address bar never leaks to another site) and the {@link #CONTENT_SECURITY_POLICY}.
     */
    public static void apply(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
