/**
 * The REST API for integrations, {@code /api/v1} on the app's HTTP server ({@link planbot.web.api.ApiRoutes}): bearer
 * tokens from {@link planbot.access.ApiTokens}, JSON in and out, every error {@code application/problem+json}, and an
 * OpenAPI 3 document ({@code /api/openapi.json}, the resource {@code openapi.json} beside these classes) that a test
 * checks against the mounted routes. Changes to tasks go through the command service, as chat's do.
 */
package planbot.web.api;
