package planbot.delivery;

import java.time.Instant;

/**
 * What one pass of the {@link OutboxDispatcher} did.
 *
 * @param claimed  rows claimed
 * @param sent     rows sent and recorded
 * @param retried  rows that failed for now and will be tried again
 * @param dead     rows given up on (an admin is told)
 * @param skipped  reminders not sent because they no longer applied to their task (nobody is told)
 * @param deferred rows handed back unsent to keep a channel's pace, or because the dispatcher is stopping
 * @param held     rows nobody can be reached for yet, held until set-up releases them (nobody is told per row)
 * @param nextSlot the earliest moment a deferred row is due again; null when none was deferred
 */
public record DispatchReport(int claimed, int sent, int retried, int dead, int skipped, int deferred, int held, Instant nextSlot) {

    static DispatchReport empty() {
        return new DispatchReport(0, 0, 0, 0, 0, 0, 0, null);
    }
}
