/**
 * Posting to Slack for the outbox: {@link planbot.slack.delivery.SlackMessenger} is the
 * {@link planbot.delivery.Messenger} for Slack, over {@link planbot.slack.delivery.SlackPoster} (one Web API call each
 * — post, update, open a DM, upload a file — judged as sent, retry later or permanent, never with the token in a
 * reason). Who gets what is decided once for every platform by {@link planbot.delivery.ChatRouting}.
 */
package planbot.slack.delivery;
