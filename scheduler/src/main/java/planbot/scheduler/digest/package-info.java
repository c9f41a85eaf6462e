/**
 * The weekly digest for managers (DESIGN §7): what is overdue and whose, what falls due in the next 14 days,
 * what finished and what slipped since the last digest, who has gone silent, what still has no date, with
 * counts by status and RAG and a chart.
 *
 * <p>{@link planbot.scheduler.digest.DigestSource} reads a {@link planbot.scheduler.digest.DigestInput} from
 * the database in a few set-based queries; {@link planbot.scheduler.digest.DigestBuilder} turns it into a
 * neutral {@link planbot.scheduler.digest.Digest} without I/O or a clock, so every rule is tested on plain
 * values; the chat platforms render the digest their own way, {@link planbot.scheduler.digest.DigestText}
 * renders it as plain text and {@link planbot.scheduler.digest.DigestChart} draws it. A
 * {@link planbot.scheduler.digest.Subscription} says which channel gets which part of which plan and when;
 * {@link planbot.scheduler.digest.DigestSchedule} turns it and an instant into the one slot and outbox key of
 * that week, so a service that was down sends one digest when it is back, never one per missed week.
 * {@link planbot.scheduler.digest.DigestSweep} does that for every stored subscription: it builds each due
 * digest and enqueues it as one outbox row, in one transaction; a Quartz job calls it every few minutes.
 */
package planbot.scheduler.digest;
