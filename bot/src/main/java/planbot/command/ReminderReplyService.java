package planbot.command;

import java.util.Objects;
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
 * <p>Platform adapters call this with the task the reminder was about (found from the reminder's message
 * id). Thread-safe; never throws.
 */
public final class ReminderReplyService {
    private final CommandService commands;
    private final ReminderReplyParser parser;

    public ReminderReplyService(CommandService commands, DateParser dates) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.parser = new ReminderReplyParser(dates);
    }

    /**
     * @param request the reply as typed, with who sent it
     * @param taskRef the ref of the task the reminder was about
     */
    public Reply reply(CommandRequest request, String taskRef) {
        RefText ref = new RefText(taskRef);
        ReminderReply r = parser.parse(request.text());
        if (r instanceof ReminderReply.SetStatus) {
            ReminderReply.SetStatus s = (ReminderReply.SetStatus) r;
            Command c = s.kind() == StatusKind.COMPLETED
                    ? new Command.Done(ref, s.note())
                    : new Command.Update(ref, s.statusWord(), s.note());
            return commands.execute(request, c);
        }
        if (r instanceof ReminderReply.NewDate) {
            ReminderReply.NewDate d = (ReminderReply.NewDate) r;
            return commands.execute(request, new Command.Date(ref, d.date(), d.reason()));
        }
        if (r instanceof ReminderReply.Snooze) {
            ReminderReply.Snooze s = (ReminderReply.Snooze) r;
            return commands.execute(request, new Command.Snooze(ref, s.spec(), s.reason()));
        }
        if (r instanceof ReminderReply.FreeText) {
            String text = ((ReminderReply.FreeText) r).text();
            return new Question("Add this as a note on " + taskRef + "? " + Quote.of(text),
                    java.util.List.of(new Question.Choice("Yes, add the note", "note " + taskRef + " " + text),
                            new Question.Choice("No", "cancel")));
        }
        return Failure.of(((ReminderReply.Failed) r).message());
    }
}
