package planbot.delivery;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;

/**
 * The console as a chat platform for notices: prints each one as plain text to the writer the console chat
 * uses, so that in {@code ./planbot demo} reminders and digests show up between the commands as they fire.
 *
 * <p>Thread-safe: a notice is written with one {@code print} call, which {@link PrintWriter} makes atomic
 * against the chat's own output, so the two never interleave mid-message. Never fails: a terminal has no rate
 * limit and no missing channels. Each message's id is {@code console-<outbox id>}.
 */
public final class ConsoleMessenger implements Messenger {
    /** The platform name {@link Recipient}s for the console carry. */
    public static final String PLATFORM = "console";

    private final PrintWriter out;
    private final PlainNoticeRenderer renderer;
    private final Duration pace;

    /** Prints to {@code out} with no pause between messages. */
    public ConsoleMessenger(PrintWriter out) {
        this(out, new PlainNoticeRenderer(), Duration.ZERO);
    }

    /** @param pace the least time between two messages to one recipient; zero for none */
    public ConsoleMessenger(PrintWriter out, PlainNoticeRenderer renderer, Duration pace) {
        this.out = Objects.requireNonNull(out, "out");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.pace = Objects.requireNonNull(pace, "pace");
        if (pace.isNegative()) {
            throw new IllegalArgumentException("pace cannot be negative: " + pace);
        }
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public SendResult send(Notice notice, Recipient recipient) {
        String text = renderer.render(notice);
        out.print("\n" + text + (text.endsWith("\n") ? "" : "\n"));
        out.flush();
        return new SendResult.Sent("console-" + notice.outboxId());
    }

    @Override
    public Duration pace() {
        return pace;
    }
}
