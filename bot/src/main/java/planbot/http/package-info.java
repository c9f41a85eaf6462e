/**
 * planbot's one HTTP server, owned by the app ({@code PLANBOT_HTTP_PORT}): chat platforms mount their webhooks on it
 * through {@link planbot.http.HttpRoutes} (and the web dashboard and REST API will), and it answers
 * {@code GET /health} with the state of the database, the scheduler and each platform. Javalin lives here and in the
 * platform edges only.
 */
package planbot.http;
