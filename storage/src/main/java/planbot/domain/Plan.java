package planbot.domain;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A whole plan by natural keys: what an import produces and an export writes. Two plans are the same plan
 * exactly when they are {@code equals}.
 *
 * @param name     the plan's name within its tenant
 * @param layout   the tracker layout it came from, so an export can write it back the same way
 * @param sections sections in tracker order
 */
public record Plan(String name, Layout layout, List<Section> sections) {
    public Plan {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a plan needs a name");
        }
        Objects.requireNonNull(layout, "layout");
        sections = List.copyOf(sections);
    }

    public Stream<Action> actions() {
        return sections.stream().flatMap(s -> s.actions().stream());
    }

    public Stream<Task> tasks() {
        return actions().flatMap(a -> a.tasks().stream());
    }
}
