package planbot.reply;

import java.util.List;
import java.util.Objects;

/**
 * A short list of plain lines under a title, for lookups that are not about tasks ({@code people unlinked},
 * {@code channel}): shown only to the asker. Lines are data, not markup; renderers escape them.
 *
 * @param title     what the list is
 * @param lines     one entry per line, in order
 * @param emptyText what to say when there are no lines
 */
public record Listing(String title, List<String> lines, String emptyText) implements Reply {
    public Listing {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(emptyText, "emptyText");
        lines = List.copyOf(lines);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visit(this);
    }
}
