/**
 * The Bot Connector REST client: {@link planbot.teams.connector.ConnectorClient} sends, updates, creates 1:1
 * conversations and reads members, only at {@link planbot.teams.connector.ServiceUrls trusted} serviceUrls, and
 * judges every failure into a {@link planbot.teams.connector.TeamsFailure} (retry later, or never).
 */
package planbot.teams.connector;
