package planbot.config;

import java.util.Objects;
import planbot.domain.UserFixableException;
import planbot.scheduler.reminder.ReminderPolicy;

/**
 * The reminder slice of the settings: the installation's default reminder policy, under each tenant's own
 * changes. Read once at start-up by {@link #from}; immutable.
 *
 * @param defaultPolicy {@code PLANBOT_REMINDER_POLICY} ({@code lead=10,5,1 send-at=08:30 region=scotland}) over
 *                      DESIGN §7's defaults; those defaults when the setting is not given
 */
public record ReminderConfig(ReminderPolicy defaultPolicy) {
    public ReminderConfig {
        Objects.requireNonNull(defaultPolicy, "defaultPolicy");
    }

    /**
     * Reads {@link Settings#REMINDER_POLICY}.
     *
     * @throws ConfigException naming the key and the setting in it that is wrong
     */
    public static ReminderConfig from(Settings settings) {
        String text = settings.get(Settings.REMINDER_POLICY).orElse("");
        try {
            return new ReminderConfig(ReminderPolicy.parse(text));
        } catch (UserFixableException e) {
            throw new ConfigException(Settings.REMINDER_POLICY + " is not a reminder policy: " + e.getMessage());
        }
    }
}
