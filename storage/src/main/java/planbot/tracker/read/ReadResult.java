package planbot.tracker.read;

import java.util.List;
import java.util.Objects;
import planbot.domain.Plan;
import planbot.tracker.Problem;

/**
 * What a reader made of a tracker.
 *
 * @param plan     the plan, with everything that could be read
 * @param problems every cell that could not be read as meant, by row and column
 * @param notices  things the reader repaired and how (a row shifted by one column, a REF split over two
 *                 cells, a label that looks like a typo), by row; informative, not problems
 */
public record ReadResult(Plan plan, List<Problem> problems, List<String> notices) {
    public ReadResult {
        Objects.requireNonNull(plan, "plan");
        problems = List.copyOf(problems);
        notices = List.copyOf(notices);
    }
}
