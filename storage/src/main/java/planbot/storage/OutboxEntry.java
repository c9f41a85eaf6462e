package planbot.storage;

import java.util.Objects;

/**
 * A message to be sent, as a decision enqueues it (see {@link OutboxRepository#enqueue}).
 *
 * @param tenantId       the tenant it belongs to
 * @param key            the idempotency key, unique across the outbox ({@code rem:{tenant}:{task}:{kind}:{date}})
 * @param kind           what it is: a reminder kind ({@code OVERDUE}, {@code BEFORE_14}, …) or {@code DIGEST}
 * @param taskId         the task it is about; null for a message about no one task
 * @param recipientKind  who gets it: {@code OWNER}, {@code LEAD}, {@code MANAGER_CHANNEL}, {@code CHANNEL}
 * @param recipientName  the person as the tracker names them, or the channel; null when not known
 * @param payload        JSON for the renderer
 */
public record OutboxEntry(long tenantId, String key, String kind, Long taskId, String recipientKind, String recipientName,
                          String payload) {
    public OutboxEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipientKind, "recipientKind");
        Objects.requireNonNull(payload, "payload");
        if (key.isBlank()) {
            throw new IllegalArgumentException("an outbox entry needs an idempotency key");
        }
    }
}
