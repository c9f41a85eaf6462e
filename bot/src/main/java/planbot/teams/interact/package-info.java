/**
 * What planbot does with a verified Teams activity, after {@code POST /api/messages} was answered:
 * {@link planbot.teams.interact.TeamsActivities} learns the conversation reference and routes the activity — typed
 * commands and, in a personal chat, typed replies to the reminders it holds; clicks on a reminder card's buttons,
 * which replace the card in place; installs, which are welcomed. Each turns the activity into the core's neutral
 * request (tenancy, commands, task answers by id) and renders the answer with {@code planbot.teams.render}.
 */
package planbot.teams.interact;
