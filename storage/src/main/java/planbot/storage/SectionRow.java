package planbot.storage;

import java.util.Objects;

/**
 * A stored section of a plan.
 *
 * @param id       the database id; 0 for a row not yet stored
 * @param name     its name, unique within the plan
 * @param position its 0-based place among the plan's sections
 */
public record SectionRow(long id, String name, int position) {
    public SectionRow {
        Objects.requireNonNull(name, "name");
    }
}
