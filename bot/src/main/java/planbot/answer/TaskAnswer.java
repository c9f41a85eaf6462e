package planbot.answer;

import java.time.LocalDate;
import java.util.Objects;
import planbot.delivery.Button;

/**
 * One answer about one task, as a platform got it: a button's choice, a new date picked in a form, a note confirmed,
 * or a reply typed in a reminder's thread. Each record validates itself; text is kept as typed.
 */
public sealed interface TaskAnswer permits TaskAnswer.Choice, TaskAnswer.NewDate, TaskAnswer.Note, TaskAnswer.Text {

    /** Done, On target, At risk or Snooze (for the tenant's snooze length). New date needs its date: see {@link NewDate}. */
    record Choice(Button.Choice choice) implements TaskAnswer {
        public Choice {
            Objects.requireNonNull(choice, "choice");
            if (choice == Button.Choice.NEW_DATE) {
                throw new IllegalArgumentException("a new date is answered with its date (TaskAnswer.NewDate)");
            }
        }
    }

    /** A new target date. @param reason why it moves, as typed; null if none */
    record NewDate(LocalDate date, String reason) implements TaskAnswer {
        public NewDate {
            Objects.requireNonNull(date, "date");
            reason = reason == null || reason.isBlank() ? null : reason.strip();
        }
    }

    /** A progress note the user confirmed. */
    record Note(String text) implements TaskAnswer {
        public Note {
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("a note cannot be blank");
            }
        }
    }

    /** A reply as typed ({@code done}, {@code new date 30/06/2024 waiting on legal}); free text is asked about. */
    record Text(String typed) implements TaskAnswer {
        public Text {
            Objects.requireNonNull(typed, "typed");
        }
    }
}
