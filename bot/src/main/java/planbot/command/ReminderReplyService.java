package planbot.command;

import java.util.Objects;
import java.util.Optional;
import planbot.domain.StatusKind;
import planbot.reply.Failure;
import planbot.reply.Question;
import planbot.reply.Reply;

/**
 * Understands a reply to a reminder about one task ({@code done}, {@code on target}, {@code new date
 * 30/06/2024 waiting on legal}, {@code snooze 1w}) and carries it out through the {@link CommandService},
 * with the same permissions and audit as the typed command. Free text is not acted on: it comes back as a
 * {@link Question} asking whether to add it as a note.
 *
 * <p>Platform adapters call this with the id of the task the reminder was about (found from the reminder's
 * message id); the console names it by ref. Thread-safe; never throws.
 */
public final class ReminderReplyService {
    private final CommandService commands;
    private final CommandParser refs;
    private final ReminderReplyParser parser;

    public ReminderReplyService(CommandService commands, DateParser dates) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.refs = new CommandParser(dates);
        this.parser = new ReminderReplyParser(dates);
    }

    /**
     * A reply about the task a typed ref names (the console's {@code reply EN003/01 done}).
     *
     * @param request the reply as typed, with who sent it
     * @param taskRef the task's ref as a command takes it ({@code EN003/01}, {@code south:EN003/01})
     */
    public Reply reply(CommandRequest request, String taskRef) {
        ParseResult read = refs.parse("status " + taskRef);
        if (read instanceof ParseResult.Failed) {
            return Failure.of(((ParseResult.Failed) read).message());
        }
        return answer(request, ((Command.Status) ((ParseResult.Parsed) read).command()).ref(), null);
    }

    /**
     * A reply about the task with this id in the request's tenant (a reply in a reminder's thread): the task is not
     * looked up by its ref, which other plans may share. A task that is gone is {@link CommandService#UNKNOWN_TASK}.
     */
    public Reply replyOnTask(CommandRequest request, long taskId) {
        Optional<RefText> ref = commands.refOf(request.tenant(), taskId);
        return ref.isEmpty() ? Failure.of(CommandService.UNKNOWN_TASK) : answer(request, ref.get(), taskId);
    }

    private Reply answer(CommandRequest request, RefText ref, Long taskId) {
        ReminderReply r = parser.parse(request.text());
        Command c;
        if (r instanceof ReminderReply.SetStatus) {
            ReminderReply.SetStatus s = (ReminderReply.SetStatus) r;
            c = s.kind() == StatusKind.COMPLETED
                    ? new Command.Done(ref, s.note())
                    : new Command.Update(ref, s.statusWord(), s.note());
        } else if (r instanceof ReminderReply.NewDate) {
            ReminderReply.NewDate d = (ReminderReply.NewDate) r;
            c = new Command.Date(ref, d.date(), d.reason());
        } else if (r instanceof ReminderReply.Snooze) {
            ReminderReply.Snooze s = (ReminderReply.Snooze) r;
            c = new Command.Snooze(ref, s.spec(), s.reason());
        } else if (r instanceof ReminderReply.FreeText) {
            String text = ((ReminderReply.FreeText) r).text();
            return new Question("Add this as a note on " + ref + "? " + Quote.of(text),
                    java.util.List.of(new Question.Choice("Yes, add the note", "note " + ref + " " + text),
                            new Question.Choice("No", "cancel")));
        } else {
            return Failure.of(((ReminderReply.Failed) r).message());
        }
        return taskId == null ? commands.execute(request, c) : commands.executeOnTask(request, taskId, c);
    }
}
