package planbot.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of the chat-edge benchmarks ({@code bench slack}, {@code bench teams}, {@code bench discord}), checked in one place. */
final class EdgeLoadOptions {
    @Option(names = "--tasks", defaultValue = "100000", description = "Tasks in the generated plan (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--clients", defaultValue = "32", description = "Client threads sending at once (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "10", description = "How long each measurement runs (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--json", description = "JSON output (the default; accepted for symmetry with the other verbs).")
    boolean json;

    /** @throws UserError naming the option that is out of range */
    void check() {
        if (tasks < 1 || tasks > 5_000_000) {
            throw new UserError("--tasks must be between 1 and 5000000");
        }
        if (clients < 1 || clients > 512) {
            throw new UserError("--clients must be between 1 and 512");
        }
        if (seconds < 1 || seconds > 3600) {
            throw new UserError("--seconds must be between 1 and 3600");
        }
    }

    Duration duration() {
        return Duration.ofSeconds(seconds);
    }
}
