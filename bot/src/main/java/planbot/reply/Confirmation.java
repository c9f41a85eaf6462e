package planbot.reply;

import java.util.Objects;

/**
 * A change was made. {@code task} shows the task as it is now (null for changes that are not about one
 * task); {@code auditLine} is the audit entry that recorded it, in words. A change is for the whole conversation to see,
 * unless it is the caller's own business ({@code toChannel} false: becoming an admin with a one-time code, whose
 * command line should not be shown to others).
 */
public record Confirmation(String text, TaskView task, String auditLine, boolean toChannel) implements Reply {
    public Confirmation {
        Objects.requireNonNull(text, "text");
    }

    /** A change for the whole conversation to see. */
    public Confirmation(String text, TaskView task, String auditLine) {
        this(text, task, auditLine, true);
    }

    @Override
    public boolean visibleToChannel() {
        return toChannel;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
