package planbot.slack.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.delivery.DigestNotice;
import planbot.delivery.Messenger;
import planbot.delivery.Notice;
import planbot.delivery.Recipient;
import planbot.delivery.SendResult;
import planbot.slack.render.NoticeBlocks;
import planbot.slack.render.SlackMessage;

/**
 * The {@link Messenger} for Slack: renders a notice with {@link NoticeBlocks} and posts it with a
 * {@link SlackPoster} to the recipient's address, a channel id ({@code C…}, {@code G…}) as it is, a user id
 * ({@code U…}, {@code W…}) in their DM. Answers {@code Sent("channel:ts")} ({@link SlackPoster#messageId}), or the
 * poster's judgement of a failure: rate limits, 5xx, timeouts and network errors are {@code RetryLater}
 * (with Slack's {@code Retry-After}), everything Slack refuses for good is {@code Permanent} with a reason an
 * admin can act on and never a token.
 *
 * <p><b>At most once per call</b> means: the first message of a notice decides. If it fails, nothing was posted
 * and the result says so, so the dispatcher may send the whole notice again. Once it is posted the result is
 * {@code Sent}, whatever happens next, because sending again would post it twice: a digest too big for one
 * message continues in the first message's thread, and its chart is uploaded into that thread; a failure of
 * either is logged (and the chart or the rest is lost for that week) rather than re-posting the digest on retry.
 *
 * <p>Thread-safe (the poster is, and nothing else is kept). {@link #pace()} is one second per channel, Slack's
 * rate for {@code chat.postMessage}; the dispatcher keeps to it.
 */
public final class SlackMessenger implements Messenger {
    /** The platform name {@link Recipient}s for Slack carry. */
    public static final String PLATFORM = "slack";
    private static final Logger LOG = LoggerFactory.getLogger(SlackMessenger.class);

    private final SlackPoster poster;
    private final NoticeBlocks blocks;

    public SlackMessenger(SlackPoster poster, NoticeBlocks blocks) {
        this.poster = Objects.requireNonNull(poster, "poster");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public SendResult send(Notice notice, Recipient recipient) {
        List<SlackMessage> messages = blocks.render(notice);
        String channel;
        String ts;
        try {
            channel = poster.channelFor(recipient.address());
            ts = poster.post(channel, messages.get(0), null);
        } catch (SlackFailure f) {
            return f.result();
        }
        try {
            for (int i = 1; i < messages.size(); i++) {
                poster.post(channel, messages.get(i), ts);
            }
            if (notice instanceof DigestNotice && ((DigestNotice) notice).chartPng().length > 0) {
                poster.upload(channel, ts, "digest-chart.png", notice.heading(), ((DigestNotice) notice).chartPng());
            }
        } catch (SlackFailure f) {
            // the notice itself is posted: a retry would post it again, so the rest is given up on, visibly
            LOG.warn("outbox {} ({}): posted to {} as {}, but the rest of it could not follow: {}", notice.outboxId(),
                    notice.outboxKey(), recipient.channel(), ts, f.getMessage());
        }
        return new SendResult.Sent(SlackPoster.messageId(channel, ts));
    }

    @Override
    public Duration pace() {
        return Duration.ofSeconds(1);
    }
}
