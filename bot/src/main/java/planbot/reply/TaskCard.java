package planbot.reply;

import java.util.List;
import java.util.Objects;

/** One task in full, with its most recent history. */
public record TaskCard(TaskView task, List<HistoryLine> recent) implements Reply {
    public TaskCard {
        Objects.requireNonNull(task, "task");
        recent = List.copyOf(recent);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
