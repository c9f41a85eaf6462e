/**
 * Who may look at the web pages, without passwords: a person asks for a short-lived, single-use sign-in link in chat
 * or at the terminal ({@link planbot.access.SignInLinks}); opening it makes a web session
 * ({@link planbot.access.WebSessions}) whose holder is a {@link planbot.access.WebUser} with the person's current role.
 * Secrets (link tokens, session ids) are 256 random bits, stored only as SHA-256 and never logged
 * ({@link planbot.access.Secrets}). Calendar feeds are behind such secrets too ({@link planbot.access.CalendarFeeds}).
 * Neutral: no Javalin here; the HTTP side is {@code planbot.web.signin} and {@code planbot.web.feeds}.
 */
package planbot.access;
