package planbot.storage;

import java.util.Objects;

/**
 * One name a ref can be resolved to, for "did you mean" and fuzzy matching: an action (by key and label)
 * or a task (by ref). Small on purpose: the whole tenant's index is read only when an exact lookup missed.
 *
 * @param planName  the plan it belongs to
 * @param actionKey the action's key ("EN003")
 * @param label     the action's REF label ("ENFORCEMENT 003"); null if none
 * @param taskRef   the task's ref for a task entry; null for an action entry
 */
public record RefIndexEntry(String planName, String actionKey, String label, String taskRef) {
    public RefIndexEntry {
        Objects.requireNonNull(planName, "planName");
        Objects.requireNonNull(actionKey, "actionKey");
    }

    public boolean isTask() {
        return taskRef != null;
    }
}
