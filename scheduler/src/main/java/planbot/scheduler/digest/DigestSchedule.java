package planbot.scheduler.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * When a subscription's digest is due, and the outbox key that makes it exactly one per week.
 *
 * <p>A sweep asks for the {@linkplain #latestSlot latest slot} at or before now and writes the digest under
 * {@linkplain #outboxKey its key}; the outbox's UNIQUE key turns every later sweep of the same week into a
 * no-op. A service that was down for weeks finds only the current week's slot: it catches up with one digest,
 * never one per missed week; likewise a new subscription's first sweep sends the current week's digest at once
 * (a caller that wants to wait for the next slot compares {@link Slot#at()} with the subscription's start).
 * Slots are wall-clock times in the subscription's zone, so 09:00 London stays
 * 09:00 across the clock changes; a time that falls in a spring-forward gap moves forward by the gap's length.
 *
 * <p>Pure and thread-safe.
 */
public final class DigestSchedule {

    private DigestSchedule() {
    }

    /**
     * One weekly posting moment.
     *
     * @param at      the moment, in the subscription's zone
     * @param isoWeek its ISO week ("2023-W20") by the local calendar
     */
    public record Slot(ZonedDateTime at, String isoWeek) {
        public Slot {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(isoWeek, "isoWeek");
        }
    }

    /** The most recent scheduled moment at or before {@code instant}. */
    public static Slot latestSlot(Subscription s, Instant instant) {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(instant, "instant");
        LocalDate day = instant.atZone(s.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(s.day()));
        ZonedDateTime at = ZonedDateTime.of(day, s.time(), s.zone());
        if (at.toInstant().isAfter(instant)) {
            at = ZonedDateTime.of(day.minusWeeks(1), s.time(), s.zone());
        }
        return new Slot(at, isoWeek(at.toLocalDate()));
    }

    /** The ISO week of a date: "2023-W20" (week-based year, so 01/01/2023 is "2022-W52"). */
    public static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The outbox idempotency key of a slot's digest: {@code dig:{tenant}:{channel}:{isoWeek}}. */
    public static String outboxKey(Subscription s, Slot slot) {
        return "dig:" + s.tenant() + ":" + s.channel() + ":" + slot.isoWeek();
    }

    /** The outbox key of the digest due at or before {@code instant}. */
    public static String outboxKey(Subscription s, Instant instant) {
        return outboxKey(s, latestSlot(s, instant));
    }
}
