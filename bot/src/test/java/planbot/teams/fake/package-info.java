/**
 * A fake Microsoft Teams for tests: {@link planbot.teams.fake.FakeBotConnector} is a local HTTP server playing the
 * Bot Connector, Entra's token endpoint and the OpenID metadata and keys, enforcing the contract planbot relies on
 * (tokens, card schema and size, mentions, rate limits, uninstalled users and gone conversations), recording every
 * call, and signing the activities it sends planbot (genuinely or forged), so that Teams tests run offline over real
 * HTTP with real JWTs.
 */
package planbot.teams.fake;
