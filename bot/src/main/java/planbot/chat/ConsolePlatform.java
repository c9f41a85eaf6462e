package planbot.chat;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import planbot.delivery.ConsoleMessenger;
import planbot.delivery.Messenger;
import planbot.delivery.PlainNoticeRenderer;
import planbot.domain.Source;
import planbot.platform.ChatPlatform;
import planbot.platform.PlatformHealth;

/**
 * The terminal as a chat platform: reminders and digests are printed where the console chat ({@link ConsoleChat})
 * runs, and the one person at the terminal plays every part. No HTTP routes, nothing to connect to; typed text has no
 * mention syntax of its own beyond the neutral one. Thread-safe.
 */
public final class ConsolePlatform implements ChatPlatform {
    private final ConsoleMessenger messenger;

    /** @param compact one line per reminder */
    public ConsolePlatform(PrintWriter out, boolean compact) {
        this.messenger = new ConsoleMessenger(Objects.requireNonNull(out, "out"), new PlainNoticeRenderer(compact), Duration.ZERO);
    }

    @Override
    public Source source() {
        return Source.CONSOLE;
    }

    @Override
    public String start() {
        return "the console";
    }

    @Override
    public Messenger messenger() {
        return messenger;
    }

    @Override
    public String neutralMentions(String text) {
        return text;
    }

    @Override
    public PlatformHealth health() {
        return PlatformHealth.up("printing here");
    }

    @Override
    public void close() {
    }
}
