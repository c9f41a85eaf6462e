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
     * @throws NotReachableYet when nobody can be reached for the row until set-up changes (no chat account linked to
     *                         the person and no plan channel, no manager channel set), with the command that fixes it
     * @throws Undeliverable   when the row can never be routed (a kind of recipient this planbot does not know)
     */
    Recipient route(Tenant tenant, OutboxEntry entry) throws Undeliverable;

    /**
     * The names of the tenant's admins, whom an {@code ADMIN} row naming one of them reaches by DM: where the tenant
     * has no admin channel, what admins must read goes to each of them. Empty by default (a routing with no people).
     */
    default java.util.List<String> admins(Tenant tenant) {
        return java.util.List.of();
    }
}
