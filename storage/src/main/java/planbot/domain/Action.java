package planbot.domain;

import java.util.List;
import java.util.Objects;

/**
 * An action ({@code EN003}) and its tasks. Its identity is the prefix of its tasks' refs; the tracker's
 * REF label ({@code ENFORCEMENT 003}) is kept as its display name and alias.
 *
 * @param key            identity within the plan ("EN003"); never blank
 * @param label          the tracker's REF label as written ("ENFORCEMENT 003", even with a typo); null if none
 * @param recommendation the recommendation text; several recommendation rows are joined with a newline
 * @param status         the main action status as written; null if none
 * @param lead           the action lead as the tracker names them; null if none
 * @param notes          inline remarks on the action; null if none
 * @param tasks          its tasks in tracker order
 */
public record Action(String key, String label, String recommendation, Status status, String lead, String notes,
                     List<Task> tasks) {
    public Action {
        Objects.requireNonNull(key, "key");
        key = key.strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("an action needs a key");
        }
        label = Text.blankToNull(label);
        recommendation = recommendation == null ? "" : recommendation.strip();
        lead = Text.blankToNull(lead);
        notes = Text.blankToNull(notes);
        tasks = List.copyOf(tasks);
    }

    /** The name people know it by: the REF label if the tracker had one, else the key. */
    public String displayName() {
        return label != null ? label : key;
    }
}
