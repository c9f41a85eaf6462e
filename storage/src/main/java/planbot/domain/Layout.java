package planbot.domain;

import java.util.List;
import java.util.Objects;

/**
 * The shape of the tracker a plan came from, so that export can write the council's own layout back.
 *
 * @param shape   which reader understood it
 * @param columns the tracker's header cells in order, as written, each with the role planbot gave it
 */
public record Layout(Shape shape, List<Column> columns) {

    public enum Shape {
        /** The review tracker: REF, main status, recommendation, key tasks, internal ref, progress, term, dates. */
        REVIEW,
        /** An activity plan: workstream, activities, timescale, lead. */
        ACTIVITY,
        /** Any other table with a header row, mapped by header words. */
        TABLE
    }

    /** What a column holds. */
    public enum Role {
        SECTION, ACTION_REF, ACTION_STATUS, ACTION, TASK, TASK_REF, STATUS, TERM, START, TARGET, TIMESCALE,
        OWNER, LEAD, NOTES, IGNORED
    }

    /** One header cell as written and the role it plays. */
    public record Column(String header, Role role) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(role, "role");
        }
    }

    public Layout {
        Objects.requireNonNull(shape, "shape");
        columns = List.copyOf(columns);
    }
}
