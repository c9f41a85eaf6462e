package planbot.storage;

import java.time.LocalDate;
import planbot.domain.StatusKind;

/**
 * Which tasks a list wants. Every field is optional (null means "any"); all given fields must hold.
 *
 * @param owner        owned by this person (compared without regard to case)
 * @param dueBefore    a real target date before this day
 * @param dueOnOrAfter a real target date on or after this day
 * @param statusWord   this status word (compared without regard to case)
 * @param statusKind   a status word that means this ("closed" finds "Closed - no longer required")
 * @param section      in a section whose name contains this, without regard to case ("enforcement" finds
 *                     "PLANNING ENFORCEMENT")
 * @param openOnly     not completed and not closed
 * @param limit        at most this many, soonest target first; 0 for no limit
 */
public record TaskQuery(String owner, LocalDate dueBefore, LocalDate dueOnOrAfter, String statusWord,
                        StatusKind statusKind, String section, boolean openOnly, int limit) {
    public TaskQuery {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    public static TaskQuery all() {
        return new TaskQuery(null, null, null, null, null, null, false, 0);
    }

    public TaskQuery ownedBy(String name) {
        return new TaskQuery(name, dueBefore, dueOnOrAfter, statusWord, statusKind, section, openOnly, limit);
    }

    public TaskQuery dueBefore(LocalDate day) {
        return new TaskQuery(owner, day, dueOnOrAfter, statusWord, statusKind, section, openOnly, limit);
    }

    public TaskQuery dueOnOrAfter(LocalDate day) {
        return new TaskQuery(owner, dueBefore, day, statusWord, statusKind, section, openOnly, limit);
    }

    public TaskQuery withStatus(String word) {
        return new TaskQuery(owner, dueBefore, dueOnOrAfter, word, statusKind, section, openOnly, limit);
    }

    public TaskQuery withStatus(StatusKind kind) {
        return new TaskQuery(owner, dueBefore, dueOnOrAfter, statusWord, kind, section, openOnly, limit);
    }

    public TaskQuery inSection(String name) {
        return new TaskQuery(owner, dueBefore, dueOnOrAfter, statusWord, statusKind, name, openOnly, limit);
    }

    public TaskQuery open() {
        return new TaskQuery(owner, dueBefore, dueOnOrAfter, statusWord, statusKind, section, true, limit);
    }

    public TaskQuery limit(int max) {
        return new TaskQuery(owner, dueBefore, dueOnOrAfter, statusWord, statusKind, section, openOnly, max);
    }
}
