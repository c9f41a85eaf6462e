package planbot.reply;

import java.util.Objects;

/**
 * A change was made. {@code task} shows the task as it is now (null for changes that are not about one
 * task); {@code auditLine} is the audit entry that recorded it, in words.
 */
public record Confirmation(String text, TaskView task, String auditLine) implements Reply {
    public Confirmation {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public boolean visibleToChannel() {
        return true;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
