/**
 * Posting to Slack for the outbox: {@link planbot.slack.delivery.SlackMessenger} is the
 * {@link planbot.delivery.Messenger} for Slack, over {@link planbot.slack.delivery.SlackPoster} (one Web API call each
 * — post, update, open a DM, upload a file — judged as sent, retry later or permanent, never with the token in a
 * reason), and {@link planbot.slack.delivery.SlackRouting} says who gets what: a linked person's DM, else the
 * tenant's plan channel naming them; escalations to the manager channel; dead letters to the admin channel.
 */
package planbot.slack.delivery;
