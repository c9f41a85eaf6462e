package planbot.storage;

import java.time.Instant;
import java.util.Objects;

/** {@link InboundEventRepository} on the {@link Database}. */
public final class JdbiInboundEventRepository implements InboundEventRepository {
    private final Database db;

    public JdbiInboundEventRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public boolean firstDelivery(String platform, String workspace, String eventId, Instant at) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("an event needs an id");
        }
        return db.inTransaction(h -> h.createUpdate("INSERT INTO inbound_event (platform, workspace, event_id, received_at)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (platform, workspace, event_id) DO NOTHING")
                .bind(0, Objects.requireNonNull(platform, "platform")).bind(1, Objects.requireNonNull(workspace, "workspace"))
                .bind(2, eventId).bind(3, at.toEpochMilli()).execute()) == 1;
    }
}
