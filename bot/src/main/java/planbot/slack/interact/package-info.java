/**
 * Slack's interactive side, plugged into the one Bolt app as {@link planbot.slack.SlackHandlers}: the buttons under a
 * reminder and the new-date modal ({@link planbot.slack.interact.ReminderButtons}), replies in a reminder's thread
 * ({@link planbot.slack.interact.ThreadReplies}) and the App Home ({@link planbot.slack.interact.HomeTab}), built
 * together by {@link planbot.slack.interact.SlackInteractions}.
 *
 * <p>Every handler acknowledges at once and answers after (opening a modal is the exception: its trigger lives 3 s).
 * Whatever a request names (a button's value, a modal's metadata, a thread's parent) is looked up only in the tenant
 * the verified workspace is bound to, and anything else gets the same neutral "can't find that task" as a removed
 * task. Every answer about a task goes by its id through the core's {@link planbot.answer.TaskAnswerService}, which
 * checks tenant and permission, dedupes a redelivered event and audits; the App Home shows the core's {@code mine};
 * this package only translates. User text is escaped where it is sent; no exception text reaches Slack.
 */
package planbot.slack.interact;
