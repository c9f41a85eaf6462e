package planbot.delivery;

import java.util.Arrays;
import java.util.Objects;
import planbot.scheduler.digest.Digest;

/**
 * A weekly digest for a channel: the neutral {@link Digest} (each platform lays it out its own way) and its chart
 * as PNG bytes (platforms that take images attach it; the console says it has one).
 *
 * @param outboxId  the outbox row
 * @param outboxKey its idempotency key ({@code dig:{tenant}:{channel}:{isoWeek}})
 * @param channel   the subscription's channel as the scheduler names it ("console", "slack:C123")
 * @param digest    what the digest says
 * @param chartPng  the chart; copied in and out, so the notice stays immutable
 */
public record DigestNotice(long outboxId, String outboxKey, String channel, Digest digest, byte[] chartPng)
        implements Notice {

    public DigestNotice {
        Objects.requireNonNull(outboxKey, "outboxKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(digest, "digest");
        chartPng = chartPng.clone();
    }

    @Override
    public byte[] chartPng() {
        return chartPng.clone();
    }

    @Override
    public String heading() {
        return "Weekly digest: " + digest.scope().describe();
    }

    @Override
    public String text() {
        return digest.isQuiet() ? Digest.QUIET_TEXT
                : digest.overdue().size() + " overdue, " + digest.dueSoon().size() + " due soon, "
                        + digest.completed().size() + " completed, " + digest.slipped().size() + " slipped.";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DigestNotice && ((DigestNotice) o).outboxId == outboxId
                && ((DigestNotice) o).outboxKey.equals(outboxKey) && ((DigestNotice) o).channel.equals(channel)
                && ((DigestNotice) o).digest.equals(digest) && Arrays.equals(((DigestNotice) o).chartPng, chartPng);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outboxId, outboxKey, channel, digest, Arrays.hashCode(chartPng));
    }

    @Override
    public String toString() {
        return "DigestNotice[" + outboxKey + ", " + channel + ", " + digest.scope().describe() + ", chart "
                + chartPng.length + " bytes]";
    }
}
