package planbot.delivery;

import java.time.Duration;

/**
 * The port a chat platform implements to post notices: one per platform ({@code SlackMessenger},
 * {@code ConsoleMessenger}). It renders the neutral {@link Notice} its own way and reports what happened as a
 * {@link SendResult}.
 *
 * <p>Contract: {@link #send} posts at most once per call and never retries on its own (retrying, pacing and
 * giving up are the {@link OutboxDispatcher}'s, whose state lives on the outbox row); it returns rather than
 * throws for every platform answer; an exception it does throw counts as a transient failure. It is called
 * from one dispatcher thread at a time, but a messenger shared by several dispatchers must be thread-safe.
 */
public interface Messenger {

    /** The platform it posts to, as {@link Recipient#platform()} names it. */
    String platform();

    SendResult send(Notice notice, Recipient recipient);

    /**
     * The least time between two messages to one channel: Slack's {@code chat.postMessage} allows about one
     * message per second per channel. The dispatcher keeps to it.
     */
    default Duration pace() {
        return Duration.ofSeconds(1);
    }
}
