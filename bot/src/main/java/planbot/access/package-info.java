/**
 * Who may look at the plan from outside chat, without Javalin: the use cases behind the web's links, sessions, tokens
 * and calendar feed secrets ({@link planbot.access.CalendarFeeds}).
 */
package planbot.access;
