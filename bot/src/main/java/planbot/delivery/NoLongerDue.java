package planbot.delivery;

import java.util.Objects;

/**
 * A reminder that was right when the sweep decided it and is not any more when its turn to be sent comes: its task
 * was finished, its target date moved, or it was snoozed. Thrown by {@link NoticeBuilder} to the
 * {@link OutboxDispatcher}, which marks the row SKIPPED with {@link #reason()} and audits it. Not a failure: nobody
 * is told.
 */
final class NoLongerDue extends Exception {
    private static final long serialVersionUID = 1L;

    NoLongerDue(String reason) {
        super(Objects.requireNonNull(reason, "reason"), null, false, false);
    }

    /** Why, as a sentence for the audit trail: "EN003/01 was completed before it was sent". */
    String reason() {
        return getMessage();
    }
}
