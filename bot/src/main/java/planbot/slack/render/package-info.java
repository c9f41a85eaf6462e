/**
 * Slack rendering: {@link planbot.slack.render.NoticeBlocks} turns the neutral notices of
 * {@link planbot.delivery} into Block Kit {@link planbot.slack.render.SlackMessage}s, escaping all user text and
 * keeping to Slack's size limits, so that nothing posted can ping by accident or be refused for its size.
 */
package planbot.slack.render;
