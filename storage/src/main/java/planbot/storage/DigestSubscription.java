package planbot.storage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A stored digest subscription: {@code channel} gets the weekly digest of {@code plan} (null: every plan) and
 * {@code section} (null: every section) on {@code day} at {@code time} in {@code zone}.
 *
 * @param id           the database id
 * @param tenant       whose it is
 * @param channel      where to post
 * @param plan         the plan's name as last given, or null for every plan
 * @param section      the section's name as last given, or null for every section
 * @param day          the day of the week
 * @param time         the local time
 * @param zone         the zone of day and time
 * @param createdAt    when it was first added (a slot before this is not sent)
 * @param lastDigestAt when the last digest of it was built; null before the first
 */
public record DigestSubscription(long id, Tenant tenant, String channel, String plan, String section, DayOfWeek day,
                                 LocalTime time, ZoneId zone, Instant createdAt, Instant lastDigestAt) {
    public DigestSubscription {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** What was asked for. */
    public SubscriptionSpec spec() {
        return new SubscriptionSpec(channel, plan, section, day, time, zone);
    }
}
