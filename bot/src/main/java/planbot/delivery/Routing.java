package planbot.delivery;

import planbot.storage.OutboxEntry;
import planbot.storage.Tenant;

/**
 * The port that decides where an outbox row goes: which platform, which channel or user. The row says who in
 * the plan's terms ({@link OutboxEntry#recipientKind()} OWNER, LEAD, MANAGER_CHANNEL, CHANNEL or ADMIN, and
 * {@link OutboxEntry#recipientName()}); an implementation turns that into a {@link Recipient} through the
 * tenant's chat identities and settings.
 *
 * <p>Called from the dispatcher thread; implementations must be thread-safe if shared.
 */
public interface Routing {

    /**
     * @throws Undeliverable when nobody can be reached for the row (no chat account linked to the person, no
     *                       manager channel set), with a reason an admin can act on
     */
    Recipient route(Tenant tenant, OutboxEntry entry) throws Undeliverable;
}
