/**
 * A fake Discord for tests: {@link planbot.discord.fake.FakeDiscord} is a local HTTP server playing Discord's REST
 * API, enforcing the contract planbot relies on (bot token, message, embed, component and modal limits, empty
 * {@code allowed_mentions}, interaction tokens and their time windows, error codes, rate limits with
 * {@code retry_after}), recording every call, and signing the interactions it sends planbot (genuinely or forged)
 * with an Ed25519 key of its own, so that Discord tests run offline over real HTTP with real signatures.
 */
package planbot.discord.fake;
