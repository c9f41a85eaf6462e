package planbot.delivery;

import java.util.HashMap;
import java.util.Map;
import planbot.storage.OutboxEntry;
import planbot.storage.Tenant;

/**
 * Routes to the fake platform: each person by name to a channel of their own ({@code dm-<name>}), the manager
 * channel to {@code managers}, channels as named, the admin to {@code admins}. A person can be made unreachable
 * for now ({@link NotReachableYet}), as one with no linked chat account and no plan channel is.
 */
final class FakeRouting implements Routing {
    private final Map<String, String> unreachable = new HashMap<>();

    FakeRouting unreachable(String name) {
        unreachable.put(name, name);
        return this;
    }

    @Override
    public Recipient route(Tenant tenant, OutboxEntry e) throws Undeliverable {
        String who = e.recipientName();
        if (who != null && unreachable.containsKey(who)) {
            throw new NotReachableYet("nobody has linked a chat account to " + who);
        }
        switch (e.recipientKind()) {
            case "ADMIN":
                return new Recipient(FakeMessenger.PLATFORM, "admins", "the admin");
            case "MANAGER_CHANNEL":
                return new Recipient(FakeMessenger.PLATFORM, "managers", "the manager channel");
            case "CHANNEL":
                return new Recipient(FakeMessenger.PLATFORM, who == null ? "general" : who, who == null ? "general" : who);
            default:
                return new Recipient(FakeMessenger.PLATFORM, "dm-" + (who == null ? "nobody" : who), who == null ? "nobody" : who);
        }
    }
}
