package planbot.domain;

import java.util.Objects;

/**
 * One task of an action ({@code EN003/01}), as the tracker states it.
 *
 * @param ref         the task's reference, unique within its plan; never blank
 * @param description what is to be done; may be empty
 * @param status      progress status as written; null when the tracker gives none
 * @param term        the tracker's term word ("Short", "Medium", "Long", "TBC"), verbatim; null if none
 * @param start       start date; null if none
 * @param target      target (end) date; null if none
 * @param timescale   the original timescale text when start and target came from one cell ("10/16 – 3/17")
 * @param owner       who does it, as the tracker names them ("HoP", "PM/Business Managers"); null if nobody
 * @param notes       progress notes and inline remarks; null if none
 */
public record Task(String ref, String description, Status status, String term, PlanDate start, PlanDate target,
                   String timescale, String owner, String notes) {
    public Task {
        Objects.requireNonNull(ref, "ref");
        ref = ref.strip();
        if (ref.isEmpty()) {
            throw new IllegalArgumentException("a task needs a ref");
        }
        description = description == null ? "" : description.strip();
        term = Text.blankToNull(term);
        timescale = Text.blankToNull(timescale);
        owner = Text.blankToNull(owner);
        notes = Text.blankToNull(notes);
    }

    public Task withStatus(Status newStatus) {
        return new Task(ref, description, newStatus, term, start, target, timescale, owner, notes);
    }

    public Task withTarget(PlanDate newTarget) {
        return new Task(ref, description, status, term, start, newTarget, timescale, owner, notes);
    }

    public Task withOwner(String newOwner) {
        return new Task(ref, description, status, term, start, target, timescale, newOwner, notes);
    }

    public Task withNotes(String newNotes) {
        return new Task(ref, description, status, term, start, target, timescale, owner, newNotes);
    }
}
