package planbot.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The transactional outbox: decisions enqueue messages under unique idempotency keys; a dispatcher claims,
 * sends and marks them. Enqueueing a key that is already there does nothing, which is what makes a sweep
 * that runs twice, or on two nodes, send once.
 *
 * <p>Thread-safe; joins the caller's transaction when called inside {@link Database#inTransaction}, so a
 * decision and its messages commit together. Failures are {@link StorageException}s.
 */
public interface OutboxRepository {

    /**
     * Enqueues entries as NEW rows, ready at {@code now}; an entry whose key is already stored is skipped
     * ({@code INSERT … ON CONFLICT (key_day, idempotency_key) DO NOTHING}: key_day is the date of a reminder key, see V6).
     *
     * @return the keys that were new, in no particular order
     */
    List<String> enqueue(Collection<OutboxEntry> entries, Instant now);

    /** Which of these keys are stored, in any state. */
    Set<String> existingKeys(Collection<String> keys);

    /** Every key stored for a tenant (for tests, admin and diagnostics: it reads them all). */
    Set<String> keys(Tenant tenant);

    Optional<OutboxMessage> find(String key);

    /**
     * The row a platform message was sent for, found by the id {@link #markSent} stored; when several rows
     * carry the id (a messenger whose ids are not unique), the one sent last.
     */
    Optional<OutboxMessage> findByPlatformMessageId(String platformMessageId);

    /**
     * Every row sent as one platform message (a message about several tasks has one row per task), oldest row first;
     * empty for an unknown id.
     */
    List<OutboxMessage> findAllByPlatformMessageId(String platformMessageId);

    /**
     * Every row sent since {@code since} whose platform message id starts with {@code prefix}: what was sent to one
     * conversation, for a messenger whose ids name their conversation first (Teams: {@code <conversationId>|<activityId>}).
     * Newest first.
     */
    List<OutboxMessage> findSentWithMessageIdPrefix(String prefix, Instant since);

    /**
     * Claims up to {@code limit} rows that are due (NEW, or SENDING with a lapsed claim), oldest first: they
     * become SENDING, their attempts go up by one, and their claim lasts {@code lease}. On PostgreSQL rows
     * another node has locked are skipped ({@code FOR UPDATE SKIP LOCKED}); on SQLite the write transaction
     * itself is the lock, so claims never overlap.
     */
    List<OutboxMessage> claim(int limit, Instant now, Duration lease);

    /**
     * As {@link #claim}, and with the rows it claims every other due row of the same tenant enqueued at the same
     * moment (one sweep's decisions, which keep their {@code createdAt} through retries), even past {@code limit}: a
     * dispatcher that sends one message per recipient then never splits a recipient's rows between two passes.
     * Those rows are few next to a batch (one tenant's reminders of one morning); the claim may exceed the limit by them.
     */
    List<OutboxMessage> claimWithTheirMoment(int limit, Instant now, Duration lease);

    /** Records a send: SENT, with the platform's message id. */
    void markSent(long id, String platformMessageId, Instant at);

    /**
     * Records a failed attempt of a claimed row: back to NEW, due again at {@code retryAt}, or DEAD when
     * {@code retryAt} is null (a permanent failure, or out of attempts). The error is kept either way. Only a
     * row that is still SENDING changes: a late answer from a send whose claim lapsed must not bring back a
     * row that another dispatcher has since sent.
     *
     * @return false when the row was no longer SENDING, and nothing changed
     */
    boolean markFailed(long id, String error, Instant retryAt);

    /**
     * Records that a claimed row is not to be sent because it no longer applies (its task was finished, its target
     * date moved): SKIPPED, with the reason in {@code last_error}. A final state: {@link #claim} never returns it.
     * Only a row that is still SENDING changes.
     *
     * @return false when the row was no longer SENDING, and nothing changed
     */
    boolean markSkipped(long id, String reason);

    /**
     * Hands a claimed row back unsent, without counting the attempt: NEW again, due at {@code at}. For a
     * dispatcher that claimed more than it may send now (a channel's pace) or that is stopping.
     *
     * @return false when the row was no longer SENDING, and nothing changed
     */
    boolean release(long id, Instant at);

    /**
     * Holds a claimed row that nobody can be reached for yet (no chat account linked, no channel set): HELD, with the
     * reason in {@code last_error}, without counting the attempt. {@link #claim} never returns it until
     * {@link #releaseHeld} makes it NEW again. Only a row that is still SENDING changes.
     *
     * @return false when the row was no longer SENDING, and nothing changed
     */
    boolean markHeld(long id, String reason);

    /**
     * Makes every HELD row of a tenant NEW again, due since it was decided (at the latest {@code now}, so a node whose
     * clock runs behind the releasing one still finds it due): whoever changes who can be reached (a person
     * linked, a channel set, people imported) calls this, and the dispatcher claims them as any other row, so two
     * nodes releasing at once still send each row once. Rows still unreachable are held again by the dispatcher.
     * Joins the caller's transaction, so a link and its release commit together.
     *
     * @return how many rows were released
     */
    int releaseHeld(Tenant tenant, Instant now);

    /** A tenant's HELD rows, counted per recipient and reason (for the admin's daily summary), largest count first. */
    List<HeldCount> held(Tenant tenant);

    /** The ids of the tenants that have HELD rows. */
    Set<Long> tenantsWithHeld();

    /**
     * What is waiting to go out, over every tenant: rows NEW or SENDING (not HELD: those wait for set-up, not for the
     * dispatcher). Two aggregates on the {@code (state, …)} index, cheap enough for every metrics scrape.
     */
    Pending pending();

    /**
     * @param rows   how many rows wait
     * @param oldest when the oldest of them was decided; null when none wait
     */
    record Pending(long rows, Instant oldest) {
    }

    /**
     * HELD rows of one recipient for one reason.
     *
     * @param recipientKind as {@link OutboxEntry#recipientKind()}
     * @param recipientName as {@link OutboxEntry#recipientName()}; may be null
     * @param reason        why they are held, as the dispatcher recorded it
     * @param rows          how many
     */
    record HeldCount(String recipientKind, String recipientName, String reason, int rows) {
        public HeldCount {
            java.util.Objects.requireNonNull(recipientKind, "recipientKind");
            if (rows < 1) {
                throw new IllegalArgumentException("a held count is at least one row");
            }
        }
    }
}
