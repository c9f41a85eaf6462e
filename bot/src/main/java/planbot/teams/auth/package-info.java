/**
 * Teams authentication at the edge: {@link planbot.teams.auth.ConnectorAuth} checks that an inbound activity's
 * bearer JWT was issued by the Bot Connector for this bot (the token first, before anything reads the activity, then
 * the activity's serviceUrl against it; a token seen before is not checked for its signature again), and
 * {@link planbot.teams.auth.AppTokens} holds the bot's own client-credentials token for calling the Connector.
 */
package planbot.teams.auth;
