/**
 * Replies as data. The command service answers with a {@link planbot.reply.Reply}; each platform renders
 * it its own way (Block Kit, Discord embeds, Adaptive Cards), and {@link planbot.reply.PlainTextRenderer}
 * is the one place where rich degrades to plain text (console, fallbacks). Replies carry user text as
 * typed; escaping it is the renderer's job.
 */
package planbot.reply;
