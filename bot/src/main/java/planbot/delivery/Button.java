package planbot.delivery;

import java.util.List;
import java.util.Objects;

/**
 * A button under a reminder, as data: each platform draws it its own way, and pressing it means the same as
 * replying {@link #reply()} in the reminder's thread (the {@link planbot.command.ReminderReplyService} reads
 * both). A button that {@linkplain #needsInput() needs input} (a new date) asks for the rest before it replies.
 *
 * @param choice what it does
 * @param label  what it says on it
 * @param reply  the reply it stands for ("done", "snooze 1w"); for NEW_DATE the start of one ("new date"),
 *               the date to be added
 */
public record Button(Choice choice, String label, String reply) {

    /** The five answers a reminder offers. */
    public enum Choice { DONE, ON_TARGET, AT_RISK, NEW_DATE, SNOOZE }

    public Button {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(reply, "reply");
    }

    /** True when the platform must ask for more (a date) before the reply is complete. */
    public boolean needsInput() {
        return choice == Choice.NEW_DATE;
    }

    /**
     * Done, On target, At risk, New date and Snooze, in that order; Snooze pauses the task for the tenant's
     * snooze length ({@code snoozeDays}, written as weeks when it is a whole number of them).
     */
    public static List<Button> forReminder(int snoozeDays) {
        if (snoozeDays < 1) {
            throw new IllegalArgumentException("a snooze lasts at least a day, not " + snoozeDays);
        }
        String length = snoozeDays % 7 == 0 ? snoozeDays / 7 + "w" : snoozeDays + "d";
        return List.of(new Button(Choice.DONE, "Done", "done"),
                new Button(Choice.ON_TARGET, "On target", "on target"),
                new Button(Choice.AT_RISK, "At risk", "at risk"),
                new Button(Choice.NEW_DATE, "New date", "new date"),
                new Button(Choice.SNOOZE, "Snooze " + length, "snooze " + length));
    }
}
