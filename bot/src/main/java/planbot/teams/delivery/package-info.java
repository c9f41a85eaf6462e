/**
 * Posting to Microsoft Teams for the outbox: {@link planbot.teams.delivery.TeamsMessenger} is the
 * {@link planbot.delivery.Messenger} for Teams, sending each notice's Adaptive Card through the Connector client to a
 * conversation planbot has seen in a verified activity (creating a person's personal chat once, when needed), paced
 * within Teams' per-conversation limit for bots. Who gets what is decided once for every platform by
 * {@link planbot.delivery.ChatRouting}.
 */
package planbot.teams.delivery;
