/**
 * The Slack adapter, the only code that touches Bolt, the Slack API client or the HTTP server for Slack. It
 * verifies each request at the edge (our own constant-time signature check, both clock directions), finds the
 * council (tenant) and the person behind it, acknowledges within Slack's 3 seconds and delivers the answer
 * later through {@code response_url}. Everything it hands the core is neutral ({@link planbot.command.CommandRequest});
 * everything it gets back ({@link planbot.reply.Reply}) it renders to Block Kit in {@code planbot.slack.render}.
 */
package planbot.slack;
