package planbot.slack;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import planbot.delivery.Button;

/**
 * What a reminder's button carries in its Block Kit {@code value}, so that a click can find and check its task:
 * the tenant it was sent for, the task, the outbox row of the reminder, and the choice. The inbound side
 * {@linkplain #decode decodes} it and must check {@link #tenant()} against the tenant of the verified workspace
 * before touching the task: a value is only as trustworthy as the workspace that sent it back.
 *
 * <p>Encoded as {@code r1|tenant|taskId|outboxId|CHOICE} (well under Slack's 2000 chars for a value). Each
 * choice has its {@code action_id}: {@code reminder_done}, {@code reminder_on_target}, {@code reminder_at_risk},
 * {@code reminder_new_date}, {@code reminder_snooze}.
 *
 * @param tenant   the tenant's slug; no {@code |}
 * @param taskId   the task's database id
 * @param outboxId the reminder's outbox row
 * @param choice   what the button answers
 */
public record ButtonValue(String tenant, long taskId, long outboxId, Button.Choice choice) {
    private static final String VERSION = "r1";
    private static final String ACTION_PREFIX = "reminder_";

    public ButtonValue {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(choice, "choice");
        if (tenant.isBlank() || tenant.contains("|")) {
            throw new IllegalArgumentException("a button's tenant must be a slug without '|': " + tenant);
        }
    }

    public String encode() {
        return VERSION + "|" + tenant + "|" + taskId + "|" + outboxId + "|" + choice.name();
    }

    /** The value a button sent back, or empty when it is not one of ours (or was tampered with). */
    public static Optional<ButtonValue> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\\|", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        try {
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
