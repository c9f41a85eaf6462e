package planbot.tracker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an import found in the file and what it did (or, for a dry run, would do) to the database.
 *
 * @param tenant         the tenant's slug
 * @param plan           the plan's name
 * @param dryRun         true when nothing was written
 * @param sections       sections in the file
 * @param actions        actions in the file
 * @param tasks          tasks in the file
 * @param datedTasks     tasks whose target is a real date (not TBC, N/A, Ongoing or missing)
 * @param statuses       task status words as written → how many tasks have them, in order of first appearance;
 *                       tasks without a status are not counted here
 * @param actionStatuses the same for the actions' main status
 * @param actionChanges  how the file's actions compared with the stored ones
 * @param taskChanges    how the file's tasks compared with the stored ones
 * @param problems       the cells the reader could not read, as it reported them
 * @param notices        what the reader repaired, as it reported it
 */
public record ImportReport(String tenant, String plan, boolean dryRun, int sections, int actions, int tasks,
                           int datedTasks, Map<String, Integer> statuses, Map<String, Integer> actionStatuses,
                           Changes actionChanges, Changes taskChanges, List<Problem> problems, List<String> notices) {

    /**
     * How rows of one kind compared with what was stored, by natural key (action key, task ref).
     *
     * @param created     new rows written
     * @param updated     stored rows changed in place (each with an audit event)
     * @param unchanged   stored rows the file states exactly as stored (not written)
     * @param keptMissing keys of stored rows that the file no longer has: kept, not deleted, in stored order
     */
    public record Changes(int created, int updated, int unchanged, List<String> keptMissing) {
        public Changes {
            keptMissing = List.copyOf(keptMissing);
        }
    }

    public ImportReport {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(plan, "plan");
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
        actionStatuses = Collections.unmodifiableMap(new LinkedHashMap<>(actionStatuses));
        Objects.requireNonNull(actionChanges, "actionChanges");
        Objects.requireNonNull(taskChanges, "taskChanges");
        problems = List.copyOf(problems);
        notices = List.copyOf(notices);
    }
}
