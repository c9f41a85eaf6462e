package planbot.scheduler.digest;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Which channel gets the digest of which plan or section, and when: weekly on {@code day} at {@code time} in
 * {@code zone} (by default Monday 09:00 Europe/London).
 *
 * <p>A channel has one digest a week: the outbox key is {@code dig:{tenant}:{channel}:{isoWeek}} (see
 * {@link DigestSchedule}), so a second subscription of the same tenant and channel would be a duplicate of the
 * first in the outbox's eyes. Give each section its own channel.
 *
 * @param tenant  the tenant's slug; not blank, no colon or whitespace (it is part of the outbox key)
 * @param channel where to post, opaque to the scheduler ("console", "slack:C123"); not blank, no whitespace
 * @param plan    the plan's name, or null for all the tenant's plans
 * @param section the section's name, or null for all sections
 * @param day     the day of the week it is posted
 * @param time    the local time it is posted
 * @param zone    the zone of {@code day} and {@code time}, and of the calendar days the digest counts
 */
public record Subscription(String tenant, String channel, String plan, String section, DayOfWeek day,
                           LocalTime time, ZoneId zone) {

    public static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;
    public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");

    public Subscription {
        tenant = token(tenant, "tenant");
        if (tenant.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a subscription's tenant cannot contain ':' (it is part of the outbox key): '"
                    + tenant + "'");
        }
        channel = token(channel, "channel");
        plan = plan == null || plan.isBlank() ? null : plan.strip();
        section = section == null ? null : section.strip();
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
    }

    /** Monday 09:00 Europe/London. */
    public static Subscription weekly(String tenant, String channel, String plan, String section) {
        return new Subscription(tenant, channel, plan, section, DEFAULT_DAY, DEFAULT_TIME, DEFAULT_ZONE);
    }

    /** The same subscription at another day, time and zone. */
    public Subscription at(DayOfWeek newDay, LocalTime newTime, ZoneId newZone) {
        return new Subscription(tenant, channel, plan, section, newDay, newTime, newZone);
    }

    /** What the digest covers. */
    public DigestScope scope() {
        return new DigestScope(tenant, plan, section);
    }

    private static String token(String value, String name) {
        Objects.requireNonNull(value, name);
        String v = value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs a " + name);
        }
        if (v.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a subscription's " + name + " cannot contain spaces: '" + v + "'");
        }
        return v;
    }
}
