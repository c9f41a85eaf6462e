/**
 * The command line ({@code ./planbot …}), built with picocli. Each verb is a small class that parses its
 * options, asks the composition root ({@link planbot.App}) for the services it needs, and prints. A
 * {@link planbot.domain.UserFixableException} (a {@link planbot.cli.UserError} is one) is the user's to fix and
 * prints one line; anything else is a bug and
 * prints a short generic line (the detail goes to the log).
 */
package planbot.cli;
