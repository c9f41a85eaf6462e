package planbot.answer;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import planbot.delivery.Button;

/**
 * What a button about one task carries in its value, on every platform: the tenant it was drawn for, the task, the
 * outbox row of the reminder it was under (0 for none: a home view, a question), and what it answers: a reminder's
 * {@link #choice()}, or the {@link #note()} a "add this as a note?" question offers. The inbound side {@linkplain
 * #decode decodes} it and hands it to {@link TaskAnswerService#task}, which checks {@link #tenant()} against the
 * tenant of the verified workspace before touching the task: a value is only as trustworthy as the workspace that
 * sent it back.
 *
 * <p>Encoded as {@code r1|tenant|taskId|outboxId|CHOICE} for a choice and {@code n1|tenant|taskId|text} for a note
 * (the text may hold {@code |}); the formats of the buttons already posted. Each choice has its {@code action_id}:
 * {@code reminder_done}, {@code reminder_on_target}, {@code reminder_at_risk}, {@code reminder_new_date},
 * {@code reminder_snooze}. Immutable; decoding never throws.
 *
 * @param tenant   the tenant's slug; no {@code |}
 * @param taskId   the task's database id
 * @param outboxId the reminder's outbox row; 0 for none
 * @param choice   what a reminder's button answers; null for a note
 * @param note     the note a question's Yes button adds; null for a choice
 */
public record ButtonValue(String tenant, long taskId, long outboxId, Button.Choice choice, String note) {
    private static final String CHOICE = "r1";
    private static final String NOTE = "n1";
    private static final String ACTION_PREFIX = "reminder_";

    public ButtonValue {
        Objects.requireNonNull(tenant, "tenant");
        if (tenant.isBlank() || tenant.contains("|")) {
            throw new IllegalArgumentException("a button's tenant must be a slug without '|': " + tenant);
        }
        if ((choice == null) == (note == null || note.isBlank())) {
            throw new IllegalArgumentException("a button answers with a choice or with a note, not both or neither");
        }
        note = note == null ? null : note.strip();
    }

    /** A reminder's button. */
    public ButtonValue(String tenant, long taskId, long outboxId, Button.Choice choice) {
        this(tenant, taskId, outboxId, Objects.requireNonNull(choice, "choice"), null);
    }

    /** The Yes button of "add this as a note?". */
    public static ButtonValue note(String tenant, long taskId, String text) {
        return new ButtonValue(tenant, taskId, 0, null, Objects.requireNonNull(text, "text"));
    }

    public String encode() {
        return choice != null
                ? CHOICE + "|" + tenant + "|" + taskId + "|" + outboxId + "|" + choice.name()
                : NOTE + "|" + tenant + "|" + taskId + "|" + note;
    }

    /** The value a button sent back, or empty when it is not one of ours (or was tampered with). */
    public static Optional<ButtonValue> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (value.startsWith(NOTE + "|")) {
                String[] parts = value.split("\\|", 4);
                return parts.length != 4 ? Optional.empty()
                        : Optional.of(note(parts[1], Long.parseLong(parts[2]), parts[3]));
            }
            String[] parts = value.split("\\|", -1);
            if (parts.length != 5 || !parts[0].equals(CHOICE)) {
                return Optional.empty();
            }
            return Optional.of(new ButtonValue(parts[1], Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                    Button.Choice.valueOf(parts[4])));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    /** The {@code action_id} of a choice's button: {@code reminder_} and the choice in lower case. */
    public static String actionId(Button.Choice choice) {
        return ACTION_PREFIX + choice.name().toLowerCase(Locale.ROOT);
    }

    /** The choice an {@code action_id} stands for; empty when it is not a reminder button's. */
    public static Optional<Button.Choice> choiceOf(String actionId) {
        if (actionId == null || !actionId.startsWith(ACTION_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Button.Choice.valueOf(actionId.substring(ACTION_PREFIX.length()).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
