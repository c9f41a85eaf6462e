package planbot.reply;

import java.util.List;
import java.util.Objects;
import planbot.domain.Status;

/**
 * An action with its tasks.
 *
 * @param key            "EN003"
 * @param name           "ENFORCEMENT 003"
 * @param section        the section's name; may be empty
 * @param recommendation the recommendation text; may be empty
 * @param status         the main action status as written; null if none
 * @param lead           the action lead; null if none
 * @param tasks          its tasks in plan order
 */
public record ActionCard(String key, String name, String section, String recommendation, Status status, String lead,
                         List<TaskView> tasks) implements Reply {
    public ActionCard {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        section = section == null ? "" : section;
        recommendation = recommendation == null ? "" : recommendation;
        tasks = List.copyOf(tasks);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
