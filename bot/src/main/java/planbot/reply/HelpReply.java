package planbot.reply;

import java.util.List;
import java.util.Objects;

/** Usage: a title and one entry per command (usage line and what it does). */
public record HelpReply(String title, List<Entry> entries) implements Reply {
    public record Entry(String usage, String description) {
        public Entry {
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(description, "description");
        }
    }

    public HelpReply {
        Objects.requireNonNull(title, "title");
        entries = List.copyOf(entries);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
