/**
 * Teams rendering: every {@link planbot.reply.Reply} ({@link planbot.teams.render.ReplyCards}) and every
 * {@link planbot.delivery.Notice} ({@link planbot.teams.render.NoticeCards}) as a message activity carrying one
 * Adaptive Card with a plain-text fallback, the data card buttons carry and read back
 * ({@link planbot.teams.render.CardAction}), and a size guard that keeps every card under Teams' message limit.
 * Pure functions over data: no HTTP, no database. User text is escaped here so that nothing we render can
 * mention anyone or inject a link.
 */
package planbot.teams.render;
