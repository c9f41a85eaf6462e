package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import planbot.domain.Layout;
import planbot.domain.Plan;

/**
 * Plans and their sections, actions and tasks. Reads serve export and the command layer; the writes serve
 * a merge computed by the caller (the importer, a command changing one task).
 *
 * <p>Thread-safe. Every method is scoped by tenant: another tenant's rows are never read or written. Called
 * inside {@link Database#inTransaction} a method joins that transaction. Failures are {@link StorageException}s.
 */
public interface PlanRepository {

    /** The whole plan, equal to the {@link Plan} that was stored; empty when the tenant has no such plan. */
    Optional<Plan> load(Tenant tenant, String planName);

    /** The tenant's plan names, sorted. */
    List<String> planNames(Tenant tenant);

    /** Every task with this exact ref in any of the tenant's plans (refs are unique only within a plan). */
    List<TaskRow> findTasks(Tenant tenant, String ref);

    /** Every action whose key or REF label is exactly this, with its tasks, in any of the tenant's plans. */
    List<ActionRow> findActions(Tenant tenant, String keyOrLabel);

    /** Every task of the tenant, ordered by plan name, then as the plans order them. */
    List<TaskRow> tasks(Tenant tenant);

    /** Every row of one plan, for merging; empty when the tenant has no such plan. */
    Optional<StoredPlan> stored(Tenant tenant, String planName);

    /** Creates an empty plan and returns its id. */
    long createPlan(Tenant tenant, String planName, Layout layout, Instant now);

    /** Sets the plan's layout and marks it as updated at {@code now}. */
    void updatePlan(Tenant tenant, long planId, Layout layout, Instant now);

    /**
     * Writes rows of one plan: a row with id 0 is inserted, any other row is updated in place (all its
     * fields). Sections are written first, then actions (placed in their section by name), then tasks
     * (placed in their action by key), so one call can add a whole new branch. Tasks written get
     * {@code updated_at = now}.
     *
     * @throws IllegalArgumentException when a row names a section or action the plan does not have, or an id
     *                                  that is not a row of this tenant's plan
     */
    void saveRows(Tenant tenant, long planId, List<SectionRow> sections, List<ActionRow> actions, List<TaskRow> tasks,
                  Instant now);
}
