package planbot.scheduler.reminder;

import java.time.Instant;
import java.util.List;

/**
 * What a sweep decided.
 *
 * @param at        the instant it decided for
 * @param dryRun    true when nothing was written
 * @param tenants   how many tenants it looked at
 * @param tasksRead how many tasks it read (a measure of its work, not of what was due)
 * @param decided   the reminders it enqueued (or, in a dry run, would have): new ones only, never one that was
 *                  already in the outbox
 */
public record SweepResult(Instant at, boolean dryRun, int tenants, int tasksRead, List<Reminder> decided) {
    public SweepResult {
        decided = List.copyOf(decided);
    }
}
