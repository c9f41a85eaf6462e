/**
 * Discord rendering: replies ({@link planbot.discord.render.ReplyEmbeds}) and notices
 * ({@link planbot.discord.render.NoticeMessages}) as Discord message bodies (content, embeds, components,
 * {@code allowed_mentions} empty), the New date modal ({@link planbot.discord.render.NewDateModal}), the custom_id codec
 * of our components ({@link planbot.discord.render.ComponentIds}) and user text made safe for Discord markdown
 * ({@link planbot.discord.render.DiscordText}). Pure functions over Jackson trees, no HTTP and no JDA types, so that the
 * gateway and HTTP interaction modes and the outbox messenger share them. Every body stays within Discord's documented
 * message limits ({@code Pages}).
 */
package planbot.discord.render;
