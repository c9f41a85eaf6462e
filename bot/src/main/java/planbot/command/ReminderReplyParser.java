package planbot.command;

import java.util.Objects;

/**
 * Reads a reply to a reminder (a thread reply or a message to the bot about the reminder's task):
 * <ul>
 *   <li>a status, optionally followed by a note: {@code done}, {@code Completed.}, {@code on target},
 *       {@code at risk waiting on legal} → {@link ReminderReply.SetStatus}</li>
 *   <li>a new target date: {@code new date 30/06/2024 waiting on legal}, {@code new target date: end of july},
 *       {@code date 30/06/2024}, {@code moved to 30/06/2024}, {@code delayed until friday} →
 *       {@link ReminderReply.NewDate}</li>
 *   <li>{@code snooze 1w}, {@code snooze until 30/06/2024} → {@link ReminderReply.Snooze}</li>
 *   <li>anything else → {@link ReminderReply.FreeText}, a note once the user confirms</li>
 * </ul>
 * A reply that clearly tries to set a date or snooze but cannot ({@code new date 31/02/2024},
 * {@code moved to 31/02/2024}, {@code snooze 0d}) is {@link ReminderReply.Failed} with the reason. Words
 * that merely start like a date reply ({@code moved to the new office}, {@code date agreed with legal})
 * are free text. Never throws; linear in the length of the text; thread-safe.
 */
public final class ReminderReplyParser {

    public static final int MAX_LENGTH = CommandParser.MAX_LENGTH;

    private static final System.Logger LOG = System.getLogger(ReminderReplyParser.class.getName());
    private static final String HOW = "Reply done, on target, at risk, new date 30/06/2024, snooze 1w, or write a note.";
    private static final String HOW_DATE = "Reply like `new date 30/06/2024 waiting on legal`.";
    private static final String HOW_SNOOZE = "Reply like `snooze 3d`, `snooze 1w` or `snooze until 30/06/2024`.";

    /** Date phrases that can only mean a new date: without one after them, the reply is refused. */
    private static final java.util.List<String[]> SURE_DATE = phrases(
            "new target date", "revised target date", "new date", "new target", "new deadline", "revised date");

    /** Date phrases that are also ordinary words: without a date after them, the reply is free text. */
    private static final java.util.List<String[]> MAYBE_DATE = phrases(
            "pushed back to", "moved back to", "put back to", "moved to", "move to", "moving to", "pushed to",
            "postponed to", "postponed until", "delayed until", "delayed to", "target date", "date", "deadline");

    private final DateParser dates;

    public ReminderReplyParser(DateParser dates) {
        this.dates = Objects.requireNonNull(dates, "dates");
    }

    /** What the reply means. */
    public ReminderReply parse(String text) {
        try {
            return read(text);
        } catch (CommandParser.Refusal r) {
            return new ReminderReply.Failed(r.failed.message());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "reminder reply parser failed on a " + (text == null ? 0 : text.length())
                    + "-character reply", e);
            return new ReminderReply.Failed(CommandParser.INTERNAL_ERROR);
        }
    }

    private ReminderReply read(String text) throws CommandParser.Refusal {
        if (Tokens.isBlank(text)) {
            return new ReminderReply.Failed("Your reply was empty. " + HOW);
        }
        if (text.length() > MAX_LENGTH) {
            return new ReminderReply.Failed(String.format("That reply is too long: %,d characters, and I take up to %,d. "
                    + "Put long notes in the tracker, or send them in parts.", text.length(), MAX_LENGTH));
        }
        if (Texts.hasUnstorableChar(text)) {
            return new ReminderReply.Failed(Texts.UNSTORABLE);
        }
        CommandParser.Input in = new CommandParser.Input(text);
        if (in.word(0).equals("snooze")) {
            if (!in.has(1)) {
                return new ReminderReply.Failed("How long should I snooze this for? " + HOW_SNOOZE);
            }
            CommandParser.Spec spec = CommandParser.snoozeSpec(in, 1, dates, HOW_SNOOZE);
            return new ReminderReply.Snooze(spec.spec(), in.note(spec.next()));
        }
        ReminderReply date = newDate(in, SURE_DATE, true);
        if (date == null) {
            date = newDate(in, MAYBE_DATE, false);
        }
        if (date != null) {
            return date;
        }
        StatusPhrases.Match status = StatusPhrases.match(text, in.tokens, 0);
        if (status != null) {
            return new ReminderReply.SetStatus(status.typed(), in.note(status.next()));
        }
        return new ReminderReply.FreeText(Tokens.strip(text));
    }

    /** A new date after one of the phrases; null when no phrase starts the reply, or (unless sure) no date follows. */
    private ReminderReply newDate(CommandParser.Input in, java.util.List<String[]> triggers, boolean sure) {
        int j = afterPhrase(in, triggers);
        if (j < 0) {
            return null;
        }
        if (in.has(j) && (Tokens.isSeparator(in.token(j)) || in.word(j).equals("to") || in.word(j).equals("is")
                || in.word(j).equals("now") || in.word(j).equals("of") || in.word(j).equals("=")) && in.has(j + 1)) {
            j++;
        }
        if (!in.has(j)) {
            return sure ? new ReminderReply.Failed("Which date? " + HOW_DATE) : null;
        }
        DateResult d = dates.parseAt(in.text, in.tokens.get(j).start());
        if (d instanceof DateResult.Ok) {
            DateResult.Ok ok = (DateResult.Ok) d;
            return new ReminderReply.NewDate(ok.date(), in.noteFromOffset(ok.end()));
        }
        if (d instanceof DateResult.Invalid) {
            return new ReminderReply.Failed(((DateResult.Invalid) d).message());
        }
        return sure ? new ReminderReply.Failed(((DateResult.NotADate) d).message() + " " + HOW_DATE) : null;
    }

    /** The index of the token after the longest phrase that starts the reply; -1 if none does. */
    private static int afterPhrase(CommandParser.Input in, java.util.List<String[]> phrases) {
        for (String[] p : phrases) {
            boolean same = in.has(p.length - 1);
            for (int k = 0; k < p.length && same; k++) {
                same = in.word(k).equals(p[k]);
            }
            if (same) {
                return p.length;
            }
        }
        return -1;
    }

    private static java.util.List<String[]> phrases(String... phrases) {
        java.util.List<String[]> list = new java.util.ArrayList<>();
        for (String p : phrases) {
            list.add(p.split(" "));
        }
        list.sort((a, b) -> b.length - a.length);
        return java.util.List.copyOf(list);
    }
}
