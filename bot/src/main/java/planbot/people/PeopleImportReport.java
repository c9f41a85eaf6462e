package planbot.people;

import java.util.List;
import java.util.Objects;

/**
 * What {@code people import} found and did, line by line.
 *
 * @param applied true when the changes were written (not a dry run, no problem, something to change)
 * @param dryRun  true when nothing was to be written whatever the file held
 * @param lines   one line per row of the file that says something, in file order, then any about the whole file
 */
public record PeopleImportReport(boolean applied, boolean dryRun, List<Line> lines) {
    public PeopleImportReport {
        lines = List.copyOf(lines);
    }

    /** What became of a row (or of the whole file). */
    public enum Kind {
        /** The name is a person of the plan, and the row changes something about them. */
        CHANGED,
        /** The name is a person of the plan, and the row changes nothing. */
        UNCHANGED,
        /** The name is not in the plan, but a name that is looks like it: fix the file. Nothing linked. */
        NEAR_MISS,
        /** The name is not in the plan. Nothing linked. */
        NO_MATCH,
        /** The row (or the file) cannot be imported as it stands: nothing at all is written. */
        PROBLEM
    }

    /**
     * @param line the file's line number (1 is the header), or 0 for the whole file
     * @param name the name in the row as written, or "" for the whole file
     * @param text what happened, as a sentence with the fix where there is one
     */
    public record Line(int line, String name, Kind kind, String text) {
        public Line {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /** How many lines are of this kind. */
    public long count(Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).count();
    }
}
