/**
 * The dashboard: server-rendered pages on the app's HTTP server for people signed in through {@code planbot.web.signin}.
 * {@link planbot.web.pages.DashboardPages} mounts the routes and turns forms into the chat's commands (same
 * {@code CommandService}, source web); {@link planbot.web.pages.DashboardReader} reads what the overview, lists and
 * timeline show through the weekly digest's own source and builder; {@link planbot.web.pages.Page} is what the JTE
 * templates in {@code bot/src/main/jte} are given (compiled at build time, every value HTML-escaped).
 */
package planbot.web.pages;
