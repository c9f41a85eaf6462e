package planbot.storage;

import java.time.Instant;

/**
 * The events a chat platform has delivered, so that a retried delivery has one effect. Thread-safe.
 *
 * <p>Call {@link #firstDelivery} inside the same {@link Database#transaction} as the event's effect: it joins it, so
 * an effect that fails rolls the mark back and the platform's retry is handled as new.
 */
public interface InboundEventRepository {

    /** Marks an event seen; false when it was seen before (a retry of a delivery that took effect). */
    boolean firstDelivery(String platform, String workspace, String eventId, Instant at);
}
