/**
 * The command language (DESIGN §6): text a user typed on any platform becomes data here, and nothing else
 * happens. {@link planbot.command.CommandParser} turns {@code /plan …} text into a sealed
 * {@link planbot.command.Command} or a {@link planbot.command.ParseResult.Failed} sentence with "Did you
 * mean …" suggestions; {@link planbot.command.ReminderReplyParser} does the same for replies to a reminder
 * ({@code done}, {@code new date 30/06/2024 waiting on legal}, {@code snooze 1w}); both read dates with
 * {@link planbot.command.DateParser} (UK day first, never month first, impossible dates refused with a
 * reason) and take usage lines from {@link planbot.command.HelpText}.
 *
 * <p>Refs, notes, names and search words are kept exactly as typed (only surrounding whitespace removed);
 * {@link planbot.command.RefSyntax} normalises a typed ref ({@code enforcement 003} → ENFORCEMENT + 3) for
 * the resolver that a later step runs against the plan. This package imports no chat SDK, no HTTP, no
 * database and reads no wall clock (dates come from an injected {@link java.time.Clock}). The parsers never
 * throw on any input, refuse over-long text up front, and do linear work with no backtracking regular
 * expressions, so hostile input (huge strings, control characters, lone surrogates, {@code <!channel>}) is
 * safe to pass in. Messages may quote a little of the input, cleaned; renderers still escape them.
 */
package planbot.command;
