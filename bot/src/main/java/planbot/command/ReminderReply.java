package planbot.command;

import java.time.LocalDate;
import java.util.Objects;
import planbot.domain.StatusKind;

/**
 * What an officer's reply in a reminder's thread means, for the task that reminder was about (the task is
 * context the caller already has, so no ref appears here). Text the user typed is kept as typed.
 */
public sealed interface ReminderReply
        permits ReminderReply.SetStatus, ReminderReply.NewDate, ReminderReply.Snooze, ReminderReply.FreeText,
        ReminderReply.Failed {

    /**
     * {@code done}, {@code on target}, {@code at risk waiting on legal}.
     *
     * @param statusWord the status words as typed
     * @param note       what followed them, as typed; null if nothing
     */
    record SetStatus(String statusWord, String note) implements ReminderReply {
        public SetStatus {
            statusWord = Texts.required(statusWord, "status word");
            note = Texts.optional(note);
        }

        /** What the status word means. */
        public StatusKind kind() {
            return StatusKind.of(statusWord);
        }
    }

    /** {@code new date 30/06/2024 waiting on legal}, {@code moved to end of july}. @param reason as typed; null if none */
    record NewDate(LocalDate date, String reason) implements ReminderReply {
        public NewDate {
            Objects.requireNonNull(date, "date");
            reason = Texts.optional(reason);
        }
    }

    /** {@code snooze 1w}, {@code snooze until 30/06/2024 on leave}. @param reason as typed; null if none */
    record Snooze(SnoozeSpec spec, String reason) implements ReminderReply {
        public Snooze {
            Objects.requireNonNull(spec, "spec");
            reason = Texts.optional(reason);
        }

        public Snooze(SnoozeSpec spec) {
            this(spec, null);
        }
    }

    /** Anything else: a note to add once the user confirms. @param text as typed, without surrounding whitespace */
    record FreeText(String text) implements ReminderReply {
        public FreeText {
            text = Texts.required(text, "text");
        }
    }

    /**
     * The reply tried to say something planbot must refuse ({@code new date 31/02/2024}).
     *
     * @param message a friendly sentence for the user; never blank
     */
    record Failed(String message) implements ReminderReply {
        public Failed {
            message = Texts.required(message, "message");
        }
    }
}
