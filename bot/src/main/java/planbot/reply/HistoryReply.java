package planbot.reply;

import java.util.List;
import java.util.Objects;

/** The audit trail of one task or action, newest first. */
public record HistoryReply(String ref, String title, List<HistoryLine> lines) implements Reply {
    public HistoryReply {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(title, "title");
        lines = List.copyOf(lines);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
