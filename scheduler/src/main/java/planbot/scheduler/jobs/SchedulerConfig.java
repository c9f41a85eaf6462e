package planbot.scheduler.jobs;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the {@link SchedulerService} runs its jobs. Validated on construction; {@link #defaults()} is what
 * production uses, and the {@code with…} methods change one setting.
 *
 * @param sweepEvery      how often the reminder sweep fires (default 15 minutes; 1 second to 1 hour)
 * @param digestEvery     how often the digest sweep fires (default 15 minutes; 1 second to 1 hour)
 * @param quietHours      when no job is fired (default 00:00 to 03:00 Europe/London, where the clocks change);
 *                        null to fire at any hour (tests)
 * @param instanceId      this node's id in a cluster; {@code AUTO} (the default) lets Quartz make one from the host
 *                        name and the time. Two nodes in one JVM need ids of their own (AUTO can repeat within a
 *                        millisecond)
 * @param clusterCheckin  how often a clustered node checks in; a node silent for longer (plus a little) is taken
 *                        for dead and its fired jobs recovered by another (default 7.5 seconds)
 * @param threads         Quartz worker threads (default 2: the two jobs can run side by side)
 * @param catchUpOnStart  whether {@link SchedulerService#start} runs both sweeps once before the first fire
 *                        (default true)
 */
public record SchedulerConfig(Duration sweepEvery, Duration digestEvery, QuietHours quietHours, String instanceId,
                              Duration clusterCheckin, int threads, boolean catchUpOnStart) {

    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(15);
    public static final String AUTO = "AUTO";

    public SchedulerConfig {
        sweepEvery = interval(sweepEvery, "sweepEvery");
        digestEvery = interval(digestEvery, "digestEvery");
        Objects.requireNonNull(instanceId, "instanceId");
        if (instanceId.isBlank() || instanceId.length() > 200) {
            throw new IllegalArgumentException("instanceId must be 1 to 200 characters, not '" + instanceId + "'");
        }
        Objects.requireNonNull(clusterCheckin, "clusterCheckin");
        if (clusterCheckin.toMillis() < 100) {
            throw new IllegalArgumentException("clusterCheckin must be at least 100 ms, not " + clusterCheckin);
        }
        if (threads < 1 || threads > 10) {
            throw new IllegalArgumentException("threads must be 1 to 10, not " + threads);
        }
    }

    /** Every 15 minutes, quiet from 00:00 to 03:00 London, node id AUTO, catch-up on start. */
    public static SchedulerConfig defaults() {
        return new SchedulerConfig(DEFAULT_EVERY, DEFAULT_EVERY, QuietHours.DEFAULT, AUTO, Duration.ofMillis(7500), 2, true);
    }

    public SchedulerConfig withSweepEvery(Duration every) {
        return new SchedulerConfig(every, digestEvery, quietHours, instanceId, clusterCheckin, threads, catchUpOnStart);
    }

    public SchedulerConfig withDigestEvery(Duration every) {
        return new SchedulerConfig(sweepEvery, every, quietHours, instanceId, clusterCheckin, threads, catchUpOnStart);
    }

    /** Null: fire at any hour. */
    public SchedulerConfig withQuietHours(QuietHours quiet) {
        return new SchedulerConfig(sweepEvery, digestEvery, quiet, instanceId, clusterCheckin, threads, catchUpOnStart);
    }

    public SchedulerConfig withInstanceId(String id) {
        return new SchedulerConfig(sweepEvery, digestEvery, quietHours, id, clusterCheckin, threads, catchUpOnStart);
    }

    public SchedulerConfig withClusterCheckin(Duration checkin) {
        return new SchedulerConfig(sweepEvery, digestEvery, quietHours, instanceId, checkin, threads, catchUpOnStart);
    }

    public SchedulerConfig withCatchUpOnStart(boolean catchUp) {
        return new SchedulerConfig(sweepEvery, digestEvery, quietHours, instanceId, clusterCheckin, threads, catchUp);
    }

    private static Duration interval(Duration every, String name) {
        Objects.requireNonNull(every, name);
        // At most an hour: the fires sit on a grid of multiples of the interval, and a longer one could put every
        // fire inside the quiet hours (a daily grid at midnight UTC would never fire at all).
        if (every.compareTo(Duration.ofSeconds(1)) < 0 || every.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(name + " must be from 1 second to 1 hour, not " + every);
        }
        return every;
    }

    /**
     * A daily stretch of local time in which no job fires: {@code from} (inclusive) to {@code until} (exclusive),
     * across midnight when {@code until} is before {@code from}. Jobs that would fire in it fire at the first
     * interval after it instead; the sweeps then decide what came due meanwhile, once.
     */
    public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {
        /** 00:00 to 03:00 Europe/London: the clock changes at 01:00 UTC, so local 01:00–02:00 is skipped or repeated. */
        public static final QuietHours DEFAULT = new QuietHours(LocalTime.MIDNIGHT, LocalTime.of(3, 0),
                ZoneId.of("Europe/London"));

        public QuietHours {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(zone, "zone");
            if (from.equals(until)) {
                throw new IllegalArgumentException("quiet hours need a length: from and until are both " + from);
            }
        }

        @Override
        public String toString() {
            return from + "-" + until + " " + zone.getId();
        }
    }
}
