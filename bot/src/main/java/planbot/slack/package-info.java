/**
 * The Slack platform ({@link planbot.slack.SlackConnector}, a {@link planbot.platform.ChatPlatform}), the only code that
 * touches Bolt or the Slack API client.
 *
 * <p>Inbound: {@code SlackHttp} (its route on the app's server) and Socket Mode drive
 * one Bolt app ({@link planbot.slack.SlackBolt}); each HTTP request is verified first by our own constant-time,
 * both-directions {@link planbot.slack.SlackSignature} check, then read strictly by {@code SlackInbound}, which
 * refuses (4xx, never 5xx) a body Slack would not send; {@link planbot.slack.SlackTenancy}, over the neutral
 * {@link planbot.tenancy.Tenancy}, finds the council (tenant) and the person behind it;
 * {@link planbot.slack.PlanSlashCommand} acknowledges {@code /plan} within Slack's 3 seconds and answers in the ack
 * or later through {@code response_url}. The interactive handlers (buttons, the new-date modal, thread replies, the
 * App Home) are in {@code planbot.slack.interact}.
 *
 * <p>Outbound, in {@code planbot.slack.delivery}: the outbox's {@link planbot.delivery.Messenger} for Slack, the Web
 * API calls it makes. Who is in the workspace: {@link planbot.slack.SlackDirectory}
 * ({@code users.lookupByEmail}, {@code users.list}), the platform's {@link planbot.platform.Directory}.
 *
 * <p>Everything it hands the core is neutral ({@link planbot.command.CommandRequest}, with text unescaped by
 * {@link planbot.slack.SlackText}); everything it gets back ({@link planbot.reply.Reply}, notices) is rendered to
 * Block Kit in {@code planbot.slack.render}, with all user text escaped.
 */
package planbot.slack;
