package planbot.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored outbox row with its delivery state.
 *
 * @param id                the row id
 * @param entry             what was enqueued
 * @param state             where delivery stands
 * @param attempts          how many times it was claimed for sending
 * @param nextAttemptAt     when it may next be claimed (for a SENDING row: when its claim lapses)
 * @param lastError         why the last attempt failed, or why the row was skipped; null if neither
 * @param platformMessageId the platform's id of the sent message; null until sent
 * @param createdAt         when it was enqueued
 * @param sentAt            when it was sent; null until then
 */
public record OutboxMessage(long id, OutboxEntry entry, State state, int attempts, Instant nextAttemptAt, String lastError,
                            String platformMessageId, Instant createdAt, Instant sentAt) {

    /**
     * NEW (due at {@code nextAttemptAt}) → SENDING (claimed) → SENT; or DEAD (failed for good, an admin is told); or
     * SKIPPED (it no longer applied when its turn came, e.g. its task was finished: not a failure); or HELD (nobody can
     * be reached for it <i>yet</i>: no chat account linked, no channel set; {@code lastError} says why), which goes back
     * to NEW when set-up changes ({@link OutboxRepository#releaseHeld}). SENT, DEAD and SKIPPED are final.
     */
    public enum State { NEW, SENDING, SENT, DEAD, SKIPPED, HELD }

    public OutboxMessage {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public String key() {
        return entry.key();
    }
}
