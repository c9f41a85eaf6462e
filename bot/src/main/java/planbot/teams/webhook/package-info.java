/**
 * A Teams outgoing webhook, for a team that cannot register an Azure bot: {@link planbot.teams.webhook.WebhookSignature}
 * checks Teams' HMAC over the raw body, and {@link planbot.teams.webhook.OutgoingWebhook} answers a signed command
 * synchronously, within Teams' 5 seconds, with the reply's card. Commands only: a webhook cannot message anyone first,
 * so reminders need the bot.
 */
package planbot.teams.webhook;
