/**
 * Slack rendering: {@link planbot.slack.render.ReplyBlocks} turns the core's {@link planbot.reply.Reply}s and
 * {@link planbot.slack.render.NoticeBlocks} the neutral notices of {@link planbot.delivery} into Block Kit
 * {@link planbot.slack.render.SlackMessage}s (a digest looks the same posted or previewed: both use
 * {@code DigestBlocks}), escaping all user text and keeping to Slack's size limits (50 blocks,
 * 3000 characters a section), so that nothing posted can ping by accident or be refused for its size.
 */
package planbot.slack.render;
