package planbot.reply;

import java.util.List;
import java.util.Objects;

/**
 * A list of tasks under a title ("Overdue", "Your open tasks").
 *
 * @param title     what the list is
 * @param tasks     the tasks shown, in the order to show them
 * @param total     how many matched (may exceed {@code tasks.size()} when the list was cut)
 * @param emptyText what to say when nothing matched ("Nothing is overdue.")
 */
public record TaskList(String title, List<TaskView> tasks, int total, String emptyText) implements Reply {
    public TaskList {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(emptyText, "emptyText");
        tasks = List.copyOf(tasks);
        if (total < tasks.size()) {
            throw new IllegalArgumentException("total " + total + " is less than the " + tasks.size() + " tasks shown");
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
