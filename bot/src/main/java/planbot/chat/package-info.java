/**
 * The console: planbot's first chat platform. {@link planbot.chat.ConsoleChat} reads commands from the
 * terminal (or piped standard input), hands them to the neutral command core and prints each reply as
 * plain text. It is a thin adapter, like the Slack, Discord and Teams ones: no command logic lives here.
 */
package planbot.chat;
