package planbot.storage;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import planbot.domain.UserFixableException;

/**
 * What an admin asks for when subscribing a channel to the weekly digest (see {@link SubscriptionRepository#add}).
 *
 * @param channel where to post, opaque to storage ("console", "slack:C123"); not blank, no whitespace (else a
 *                {@link UserFixableException} says so)
 * @param plan    the plan's name, or null (or blank) for all the tenant's plans
 * @param section the section's name, or null for every section; "" is the section of a tracker without sections
 * @param day     the day of the week it is posted
 * @param time    the local time it is posted (seconds and below are dropped)
 * @param zone    the zone of {@code day} and {@code time}
 */
public record SubscriptionSpec(String channel, String plan, String section, DayOfWeek day, LocalTime time, ZoneId zone) {

    public static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;
    public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");

    public SubscriptionSpec {
        channel = channel(channel);
        plan = plan == null || plan.isBlank() ? null : plan.strip();
        section = section == null ? null : section.strip();
        Objects.requireNonNull(day, "day");
        time = Objects.requireNonNull(time, "time").withSecond(0).withNano(0);
        Objects.requireNonNull(zone, "zone");
    }

    /** Monday 09:00 Europe/London. */
    public static SubscriptionSpec weekly(String channel, String plan, String section) {
        return new SubscriptionSpec(channel, plan, section, DEFAULT_DAY, DEFAULT_TIME, DEFAULT_ZONE);
    }

    /** The same subscription at another day, time and zone. */
    public SubscriptionSpec at(DayOfWeek newDay, LocalTime newTime, ZoneId newZone) {
        return new SubscriptionSpec(channel, plan, section, newDay, newTime, newZone);
    }

    static String channel(String channel) {
        Objects.requireNonNull(channel, "channel");
        String c = channel.strip();
        if (c.isEmpty()) {
            throw new UserFixableException("a digest subscription needs a channel");
        }
        if (c.chars().anyMatch(Character::isWhitespace)) {
            throw new UserFixableException("a channel cannot contain spaces: '" + c + "'");
        }
        return c;
    }
}
