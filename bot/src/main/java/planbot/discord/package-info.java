/**
 * Discord as a chat platform ({@link planbot.discord.DiscordPlatform}): the gateway (JDA, {@code discord.gateway})
 * and HTTP interactions ({@link planbot.discord.DiscordHttp}, Ed25519-verified) hand every interaction to one handler
 * ({@code discord.interact}); messages are drawn by {@code discord.render} and sent through {@code discord.rest}
 * ({@code discord.delivery} for the outbox). Nothing outside this package imports it.
 */
package planbot.discord;
