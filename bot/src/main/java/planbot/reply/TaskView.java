package planbot.reply;

import java.util.Objects;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.Status;

/**
 * A task as a reply shows it: its own fields plus where it sits, and what the clock makes of it.
 *
 * @param ref          the task ref ("EN003/01")
 * @param actionKey    its action's key ("EN003")
 * @param actionName   its action's display name ("ENFORCEMENT 003")
 * @param section      its section's name; may be empty
 * @param description  what is to be done
 * @param status       the status as the council wrote it; null if none
 * @param rag          the derived colour
 * @param target       the target date; null if none
 * @param owner        who does it; null if nobody
 * @param notes        latest notes; null if none
 * @param daysOverdue  working or calendar days past the target (calendar here); 0 when not overdue
 * @param taskId       the stored task's id, for a platform that puts buttons on it; 0 when the view is not of a stored
 *                     task (an action card's tasks)
 */
public record TaskView(String ref, String actionKey, String actionName, String section, String description,
                       Status status, Rag rag, PlanDate target, String owner, String notes, int daysOverdue, long taskId) {
    public TaskView {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(rag, "rag");
        description = description == null ? "" : description;
        section = section == null ? "" : section;
    }

    /** A view with no stored task id. */
    public TaskView(String ref, String actionKey, String actionName, String section, String description,
                    Status status, Rag rag, PlanDate target, String owner, String notes, int daysOverdue) {
        this(ref, actionKey, actionName, section, description, status, rag, target, owner, notes, daysOverdue, 0);
    }
}
