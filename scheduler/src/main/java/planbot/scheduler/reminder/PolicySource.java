package planbot.scheduler.reminder;

import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.domain.UserFixableException;
import planbot.storage.ReminderStateRepository;
import planbot.storage.Tenant;

/**
 * The one place a tenant's reminder policy is resolved: the installation's default policy (DESIGN §7's defaults,
 * or what {@code PLANBOT_REMINDER_POLICY} says) with the tenant's stored changes over it. A tenant stores only the
 * settings an admin changed, so a setting the tenant never touched follows the installation's default. (A text
 * stored before this rule holds every setting, and so keeps the tenant on exactly what it had.)
 *
 * <p>Built once by the composition root and given to the sweep, the notice builder and the command service.
 * Thread-safe. A stored text that can no longer be read is logged and the installation's default applies; a
 * storage failure is thrown as it comes.
 */
public final class PolicySource {
    private static final Logger LOG = LoggerFactory.getLogger(PolicySource.class);

    private final ReminderStateRepository state;
    private final ReminderPolicy installation;

    /** @param installation the policy of a tenant that changed nothing */
    public PolicySource(ReminderStateRepository state, ReminderPolicy installation) {
        this.state = Objects.requireNonNull(state, "state");
        this.installation = Objects.requireNonNull(installation, "installation");
    }

    /** The installation's default policy. */
    public ReminderPolicy installation() {
        return installation;
    }

    /** A tenant's policy now. */
    public ReminderPolicy of(Tenant tenant) {
        return resolve(tenant, state.policy(tenant).orElse(null));
    }

    /**
     * A tenant's policy from its stored text, for a caller that read many texts at once
     * ({@link ReminderStateRepository#policies()}).
     *
     * @param stored the tenant's stored changes; null when it has none
     */
    public ReminderPolicy resolve(Tenant tenant, String stored) {
        try {
            return installation.withSettings(stored);
        } catch (UserFixableException e) {
            LOG.error("tenant {}: stored reminder policy cannot be read ({}); using the installation's default",
                    tenant.slug(), e.getMessage());
            return installation;
        }
    }

    /**
     * Changes settings of a tenant's policy ({@code lead=10,5,1 send-at=08:30}) and stores them with its earlier
     * changes; settings not named stay as they are. A change that changes nothing stores nothing. Joins the caller's transaction, so a caller writes its audit
     * event with it.
     *
     * @throws UserFixableException naming the setting that is wrong (nothing is stored)
     */
    public Change change(Tenant tenant, String settings, Instant now) {
        String stored = state.policy(tenant).orElse(null);
        ReminderPolicy before = resolve(tenant, stored);
        installation.withSettings(settings); // a bad setting is refused before it is merged with anything
        String merged;
        ReminderPolicy after;
        try {
            merged = ReminderPolicy.mergeSettings(stored, settings);
            after = installation.withSettings(merged);
        } catch (UserFixableException e) {
            // the stored text itself cannot be read any more: the change starts afresh from the installation's default
            merged = ReminderPolicy.mergeSettings(null, settings);
            after = installation.withSettings(merged);
        }
        Change change = new Change(before, after);
        if (change.changed()) {
            state.savePolicy(tenant, merged, now);
        }
        return change;
    }

    /** A policy before and after a change; equal when the change changed nothing. */
    public record Change(ReminderPolicy before, ReminderPolicy after) {
        public Change {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        public boolean changed() {
            return !before.equals(after);
        }
    }
}
