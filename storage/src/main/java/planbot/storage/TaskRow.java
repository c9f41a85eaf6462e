package planbot.storage;

import java.util.Objects;
import planbot.domain.Task;

/**
 * A stored task with where it sits: what the command layer resolves refs against and what a merge compares.
 *
 * @param id          the database id; 0 for a row not yet stored
 * @param planName    the plan it belongs to
 * @param sectionName its action's section (informative: a write ignores it)
 * @param actionKey   its action's key (a write moves it to that action)
 * @param position    its 0-based place among its action's tasks
 * @param task        the task
 */
public record TaskRow(long id, String planName, String sectionName, String actionKey, int position, Task task) {
    public TaskRow {
        Objects.requireNonNull(planName, "planName");
        Objects.requireNonNull(sectionName, "sectionName");
        Objects.requireNonNull(actionKey, "actionKey");
        Objects.requireNonNull(task, "task");
    }

    public String ref() {
        return task.ref();
    }
}
