/**
 * Discord's REST API as planbot calls it itself, over {@code java.net.http}: {@link planbot.discord.rest.DiscordRest}
 * (messages, DMs, files, commands, interaction responses) and {@link planbot.discord.rest.DiscordFailure}, every
 * error already judged into "try again later" or "never", with a reason an admin can act on. No retries here: the
 * outbox dispatcher owns them.
 */
package planbot.discord.rest;
