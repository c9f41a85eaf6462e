package planbot.storage;

import java.util.Locale;

/**
 * Who an outbox row is for, in the plan's terms ({@link OutboxEntry#recipientKind()} stores the name): the routing
 * turns it into a platform and an address. The stored word is the constant's name.
 */
public enum RecipientKind {
    /** The task's owner, by the name the plan gives them. */
    OWNER,
    /** The action's lead, by name: an escalation. */
    LEAD,
    /** The tenant's manager channel: a late escalation. */
    MANAGER_CHANNEL,
    /** A named channel ({@code slack:C0123}, or a bare platform for its manager channel): a digest subscription. */
    CHANNEL,
    /** The tenant's admins: what could not be delivered. */
    ADMIN;

    /**
     * The kind a stored word names.
     *
     * @throws IllegalArgumentException for a word that names none (a row written by a newer planbot)
     */
    public static RecipientKind of(String stored) {
        return valueOf(stored.strip().toUpperCase(Locale.ROOT));
    }
}
