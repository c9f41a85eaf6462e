/**
 * Posting for the outbox on Discord: {@link planbot.discord.delivery.DiscordMessenger} renders each notice with the
 * Discord renderers and posts it over REST, to a channel or a person's DM, with a digest's chart as a file, and sends a
 * reminder whose DM Discord refuses to the plan channel instead, telling the admin once per person.
 */
package planbot.discord.delivery;
