package planbot.scheduler.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything a digest is built from: the tasks in scope as they are now, and what happened to them since the
 * last digest. {@link DigestSource} reads one from the database; tests build them by hand.
 *
 * @param scope       what the digest covers (the tasks are already limited to it)
 * @param tasks       the tasks in scope, in plan order (plan, section, action, task)
 * @param revisions   target-date revisions of those tasks in the period, oldest first
 * @param completions status changes of those tasks to a finished status in the period, oldest first
 * @param since       the start of the period: the last digest, or a week before {@code now}
 * @param now         the moment of the digest, in the zone whose calendar days count ("today", days late)
 * @param silentAfter how long an owner's open tasks must all have gone without an update to count as silent
 */
public record DigestInput(DigestScope scope, List<TaskSnapshot> tasks, List<TargetRevision> revisions,
                          List<Completion> completions, ZonedDateTime since, ZonedDateTime now, Duration silentAfter) {

    /** An owner is silent once none of their open tasks has been updated for this long. */
    public static final Duration SILENT_AFTER = Duration.ofDays(30);

    /** The period of a digest when there was none before. */
    public static final Duration FIRST_PERIOD = Duration.ofDays(7);

    public DigestInput {
        Objects.requireNonNull(scope, "scope");
        tasks = List.copyOf(tasks);
        revisions = List.copyOf(revisions);
        completions = List.copyOf(completions);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(since, "since");
        if (since.isAfter(now)) {
            throw new IllegalArgumentException("a digest period cannot start (" + since + ") after it ends (" + now + ")");
        }
        since = since.withZoneSameInstant(now.getZone());
        Objects.requireNonNull(silentAfter, "silentAfter");
        if (silentAfter.isNegative() || silentAfter.isZero()) {
            throw new IllegalArgumentException("silentAfter must be positive: " + silentAfter);
        }
    }

    /**
     * The start of the period: the last digest's moment, or {@link #FIRST_PERIOD} before now when there was none
     * or it lies after now (a preview of a past week).
     */
    public static ZonedDateTime periodStart(Instant lastDigest, ZonedDateTime now) {
        Objects.requireNonNull(now, "now");
        return lastDigest == null || lastDigest.isAfter(now.toInstant())
                ? now.minus(FIRST_PERIOD) : lastDigest.atZone(now.getZone());
    }
}
