/**
 * Teams authentication at the edge: {@link planbot.teams.auth.ConnectorAuth} checks that an inbound activity's
 * bearer JWT was issued by the Bot Connector for this bot (before anything reads the activity), and
 * {@link planbot.teams.auth.AppTokens} holds the bot's own client-credentials token for calling the Connector.
 */
package planbot.teams.auth;
