/**
 * The web's sign-in over HTTP: {@code GET /signin/{token}} (a sign-in link, confirmed by a button so that link
 * scanners' prefetches do not burn it), {@code GET /signin} (how to get a link), {@code POST /signout}; the session
 * cookie and CSRF check every web route uses ({@link planbot.web.signin.WebAuth}); the security headers every web
 * response carries ({@link planbot.web.signin.WebHeaders}). The use cases are neutral, in {@code planbot.access}.
 */
package planbot.web.signin;
