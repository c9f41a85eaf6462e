package planbot.delivery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import planbot.scheduler.reminder.Reminder;
import planbot.storage.OutboxEntry;
import planbot.storage.Tenant;

/**
 * How many messages one sweep's reminders become, as the {@link OutboxDispatcher} groups them: one per channel they
 * are routed to (a recipient's reminders of one moment go as one message). For reports that say what will be posted
 * ({@code ./planbot remind}); it sends nothing and reads only what the routing reads.
 *
 * <p>Stateless and thread-safe; storage failures of the routing propagate.
 */
public final class MessageCount {
    private MessageCount() {
    }

    /**
     * @param decided one tenant's reminders of one moment (one sweep's)
     * @return the messages they make as {@code routing} routes them now; a reminder nobody can be reached for makes none
     */
    public static int of(Tenant tenant, List<Reminder> decided, Routing routing) {
        Set<String> channels = new HashSet<>();
        for (Reminder r : decided) {
            try {
                channels.add(routing.route(tenant, new OutboxEntry(r.tenantId(), r.key(), r.kind().name(), r.taskId(),
                        r.recipient().name(), r.recipientName(), "{}")).channel());
            } catch (Undeliverable nobody) {
                // not posted anywhere: the dispatcher will tell the admin instead
            }
        }
        return channels.size();
    }
}
