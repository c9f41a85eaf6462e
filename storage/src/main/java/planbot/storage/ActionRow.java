package planbot.storage;

import java.util.Objects;
import planbot.domain.Action;

/**
 * A stored action with where it sits.
 *
 * @param id          the database id; 0 for a row not yet stored
 * @param planName    the plan it belongs to
 * @param sectionName the section it belongs to (by name: a write moves it there)
 * @param position    its 0-based place among its section's actions
 * @param action      the action; whether its tasks are filled in is said by the method that returns it
 */
public record ActionRow(long id, String planName, String sectionName, int position, Action action) {
    public ActionRow {
        Objects.requireNonNull(planName, "planName");
        Objects.requireNonNull(sectionName, "sectionName");
        Objects.requireNonNull(action, "action");
    }

    public String key() {
        return action.key();
    }
}
