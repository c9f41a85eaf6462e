/**
 * A fake Slack for tests: {@link planbot.slack.fake.FakeSlack} is a local HTTP server that answers the Web API
 * methods planbot uses the way Slack does, enforces Slack's documented limits (tokens, Block Kit sizes, per-channel
 * rate limits, trigger and {@code response_url} lifetimes, file uploads) and records every call, so that adapter
 * tests use the real SDK over real HTTP and assert on what Slack would have seen.
 */
package planbot.slack.fake;
