package planbot.domain;

import java.util.Objects;

/**
 * A status as the council wrote it ({@code word}, kept verbatim) and what it means ({@code kind}).
 *
 * @param word the council's own word, trimmed; never blank
 * @param kind what planbot understands it to mean; UNKNOWN for words it does not know
 */
public record Status(String word, StatusKind kind) {
    public Status {
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(kind, "kind");
        word = word.strip();
        if (word.isEmpty()) {
            throw new IllegalArgumentException("a status word cannot be blank");
        }
    }

    /** The status for a word as written, or null for a blank cell. */
    public static Status of(String word) {
        if (word == null || word.isBlank()) {
            return null;
        }
        return new Status(word, StatusKind.of(word));
    }

    /** The canonical word for a kind, used when planbot itself sets a status ("Completed"). */
    public static Status canonical(StatusKind kind) {
        switch (kind) {
            case NOT_STARTED: return new Status("Not started", kind);
            case ON_TARGET: return new Status("On target", kind);
            case IN_PROGRESS: return new Status("In progress", kind);
            case AT_RISK: return new Status("At risk", kind);
            case DELAYED: return new Status("Delayed", kind);
            case COMPLETED: return new Status("Completed", kind);
            case CLOSED: return new Status("Closed - no longer required", kind);
            default: throw new IllegalArgumentException("no canonical word for " + kind);
        }
    }
}
