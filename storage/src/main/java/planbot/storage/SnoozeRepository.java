package planbot.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import planbot.domain.Source;

/**
 * Snoozes: a task's reminders paused until a day. Each snooze is a new row (kept for the audit trail);
 * the latest one is in force.
 *
 * <p>Thread-safe; scoped by tenant; joins a surrounding transaction.
 */
public interface SnoozeRepository {

    void snooze(Tenant tenant, long taskId, LocalDate until, String actor, Source source, String reason, Instant at);

    /** The day the latest snooze of a task runs until; empty if it was never snoozed. */
    Optional<LocalDate> snoozedUntil(Tenant tenant, long taskId);
}
