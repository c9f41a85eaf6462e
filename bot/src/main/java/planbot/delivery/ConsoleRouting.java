package planbot.delivery;

import java.util.Locale;
import planbot.storage.OutboxEntry;
import planbot.storage.Tenant;

/**
 * Sends everything to the console, where the one person at the terminal plays every part: the owner, the lead,
 * the managers, the admin. Each recipient is a channel of its own (for pacing), named after who it stands for.
 * Stateless and thread-safe.
 */
public final class ConsoleRouting implements Routing {

    @Override
    public Recipient route(Tenant tenant, OutboxEntry entry) {
        String who = entry.recipientName();
        String kind = entry.recipientKind().toUpperCase(Locale.ROOT);
        switch (kind) {
            case "MANAGER_CHANNEL":
                return new Recipient(ConsoleMessenger.PLATFORM, "managers", "the manager channel");
            case "ADMIN":
                return new Recipient(ConsoleMessenger.PLATFORM, "admin", "the admin");
            case "CHANNEL":
                return new Recipient(ConsoleMessenger.PLATFORM, who == null ? "channel" : "channel:" + who,
                        who == null ? "the channel" : who);
            default:
                // OWNER, LEAD: the person by name, or everyone the plan leaves unnamed together
                return new Recipient(ConsoleMessenger.PLATFORM, who == null ? kind.toLowerCase(Locale.ROOT) : "person:" + who,
                        who == null ? "the " + kind.toLowerCase(Locale.ROOT) : who);
        }
    }
}
