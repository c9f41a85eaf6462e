package planbot.reply;

import java.time.Instant;
import java.util.Objects;

/** One line of a history: when, who, from where, and what changed, in words. */
public record HistoryLine(Instant at, String actor, String source, String what) {
    public HistoryLine {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(what, "what");
    }
}
