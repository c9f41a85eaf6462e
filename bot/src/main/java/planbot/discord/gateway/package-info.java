/**
 * Discord's gateway mode over JDA: {@link planbot.discord.gateway.DiscordGateway} keeps one light session open (the
 * GUILDS intent only, no caches, default mentions off), registers the application commands on start, and passes each
 * {@code INTERACTION_CREATE} as raw JSON to the handler HTTP interactions use too, answering through the REST client.
 * Nothing else of JDA is used: planbot's own messages go through {@code planbot.discord.rest}.
 */
package planbot.discord.gateway;
