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
 * @param timescale   the tracker's timescale cell as written ("10/16-mid 12/16"), when start and target came from
 *                    one cell and it says more than the dates do; null when the dates say it all, and cleared
 *                    whenever the start or target changes, so that the text never contradicts the dates
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

    /** The task with a new target; a changed target drops the timescale text, which named the old one. */
    public Task withTarget(PlanDate newTarget) {
        String keep = Objects.equals(newTarget, target) ? timescale : null;
        return new Task(ref, description, status, term, start, newTarget, keep, owner, notes);
    }

    /** The task with a new start; a changed start drops the timescale text, which named the old one. */
    public Task withStart(PlanDate newStart) {
        String keep = Objects.equals(newStart, start) ? timescale : null;
        return new Task(ref, description, status, term, newStart, target, keep, owner, notes);
    }

    public Task withOwner(String newOwner) {
        return new Task(ref, description, status, term, start, target, timescale, newOwner, notes);
    }

    public Task withNotes(String newNotes) {
        return new Task(ref, description, status, term, start, target, timescale, owner, newNotes);
    }
}
