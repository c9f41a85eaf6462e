package planbot.domain;

import java.util.List;
import java.util.Objects;

/**
 * A section of a plan ({@code PLANNING ENFORCEMENT}) or a workstream. A tracker without sections has one
 * section with an empty name.
 */
public record Section(String name, List<Action> actions) {
    public Section {
        name = name == null ? "" : name.strip();
        actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
    }
}
