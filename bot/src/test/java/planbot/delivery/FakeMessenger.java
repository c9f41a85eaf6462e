package planbot.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chat platform for dispatcher tests that keeps the rules a real one keeps, by the test's clock: at most one
 * post per second per channel (a faster post is refused as Slack refuses it, {@code ratelimited} with a
 * retry-after of one second, and counted), posts to a missing channel fail for good ({@code channel_not_found}),
 * and it can be told to answer the next few posts to a channel with a given result (a 429 with a retry-after, a 503 without).
 * It records every call, answered or not. Not a mock: it accepts nothing it should not.
 */
final class FakeMessenger implements Messenger {
    static final String PLATFORM = "fake";
    static final Duration LIMIT = Duration.ofSeconds(1);

    /** One call: when, what, to whom, and the answer. */
    record Call(Instant at, Notice notice, Recipient to, SendResult result) {
        boolean posted() {
            return result instanceof SendResult.Sent;
        }

        String key() {
            return notice.outboxKey();
        }

        /** The outbox key of every reminder in the message. */
        List<String> keys() {
            return FakeMessenger.keys(notice);
        }
    }

    /** The outbox keys a notice stands for: each reminder's in a message of several, else its own. */
    static List<String> keys(Notice notice) {
        if (notice instanceof ReminderGroup) {
            List<String> keys = new ArrayList<>();
            ((ReminderGroup) notice).reminders().forEach(r -> keys.add(r.outboxKey()));
            return keys;
        }
        return List.of(notice.outboxKey());
    }

    private final Clock clock;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<SendResult>> scripts = new HashMap<>();
    private final Set<String> missingChannels = new HashSet<>();
    private final Map<String, Instant> lastPost = new HashMap<>();
    private int rateLimited;
    private int seq;

    FakeMessenger(Clock clock) {
        this.clock = clock;
    }

    /** Posts to this address fail for good from now on. */
    FakeMessenger missingChannel(String address) {
        missingChannels.add(address);
        return this;
    }

    /** The next calls to this address get these answers, in order, before any other rule applies. */
    FakeMessenger thenAnswer(String address, SendResult... results) {
        scripts.computeIfAbsent(address, a -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public synchronized SendResult send(Notice notice, Recipient to) {
        if (!PLATFORM.equals(to.platform())) {
            throw new IllegalArgumentException("the fake platform was handed a recipient on " + to.platform());
        }
        Instant now = clock.instant();
        SendResult result;
        Deque<SendResult> script = scripts.get(to.address());
        if (script != null && !script.isEmpty()) {
            result = script.poll();
        } else if (missingChannels.contains(to.address())) {
            result = new SendResult.Permanent("channel_not_found: there is no channel " + to.address()
                    + ", or planbot is not in it");
        } else if (lastPost.containsKey(to.address()) && Duration.between(lastPost.get(to.address()), now).compareTo(LIMIT) < 0) {
            rateLimited++;
            result = new SendResult.RetryLater(LIMIT, "ratelimited");
        } else {
            lastPost.put(to.address(), now);
            result = new SendResult.Sent("fake:" + to.address() + ":" + (++seq));
        }
        calls.add(new Call(now, notice, to, result));
        return result;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls that posted a message. */
    synchronized List<Call> posted() {
        List<Call> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.posted()) {
                out.add(c);
            }
        }
        return out;
    }

    /** How many posts came faster than the platform allows. */
    synchronized int rateLimited() {
        return rateLimited;
    }
}
