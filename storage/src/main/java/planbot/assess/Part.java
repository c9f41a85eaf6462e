package planbot.assess;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One part of a framework section: what a poor service (score 1) and an excellent one (score 5) look like, the
 * tips to improve, and the questions the group answers. A session votes once per part.
 *
 * @param number    1 or more, unique within its template
 * @param title     the part's heading, or "Part N" when the framework gives none
 * @param poor      the score-1 statement, as written (may be empty when a framework describes only one end); on a
 *                  red/amber/green template, the standard's description
 * @param excellent the score-5 statement, as written (may be empty); on a red/amber/green template, what good
 *                  (green) looks like
 * @param tips      in order; tip numbers are unique within the part
 * @param questions the evaluation questions, in order
 */
public record Part(int number, String title, String poor, String excellent, List<Tip> tips, List<String> questions) {
    public Part {
        if (number < 1) {
            throw new IllegalArgumentException("a part number is 1 or more, not " + number);
        }
        title = Objects.requireNonNullElse(title, "").strip();
        if (title.isEmpty()) {
            title = "Part " + number;
        }
        poor = Objects.requireNonNull(poor, "poor").strip();
        excellent = Objects.requireNonNull(excellent, "excellent").strip();
        tips = List.copyOf(tips);
        questions = questions.stream().map(String::strip).filter(q -> !q.isEmpty()).toList();
        Set<Integer> seen = new HashSet<>();
        for (Tip t : tips) {
            if (!seen.add(t.number())) {
                throw new IllegalArgumentException("part " + number + " numbers tip " + t.number() + " twice");
            }
        }
    }

    /** The tip with this number, if this part has it. */
    public Optional<Tip> tip(int tipNumber) {
        return tips.stream().filter(t -> t.number() == tipNumber).findFirst();
    }
}
