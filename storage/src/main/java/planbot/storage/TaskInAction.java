package planbot.storage;

import java.util.Objects;

/**
 * A task as a ref lookup finds it: the stored row, with what a task's card and a permission check need to know
 * about its action, read in the same query.
 *
 * @param task       the stored task
 * @param actionName its action's display name: the REF label ("ENFORCEMENT 003"), else the key ("EN003")
 * @param actionLead its action's lead as the plan names them; null if none
 */
public record TaskInAction(TaskRow task, String actionName, String actionLead) {
    public TaskInAction {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(actionName, "actionName");
    }
}
