package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import planbot.domain.Task;

/**
 * What the command layer reads and writes one task or action at a time, by the indexed ref keys
 * ({@link planbot.domain.RefKey}). Whole-plan reads and merges are {@link PlanRepository}'s.
 *
 * <p>Thread-safe; every method is scoped by tenant; called inside {@link Database#inTransaction} a method
 * joins that transaction. Failures are {@link StorageException}s.
 */
public interface TaskRepository {

    /**
     * Tasks whose ref has this {@link planbot.domain.RefKey} ("EN3/1"), in any of the tenant's plans, each with
     * its action's name and lead: the read behind every command on one task, so it is one indexed query.
     */
    List<TaskInAction> findTasksByKey(Tenant tenant, String refKey);

    /** Actions whose key or REF label has this ref key ("EN3", "ENFORCEMENT3"), each with its tasks. */
    List<ActionRow> findActionsByKey(Tenant tenant, String refKey);

    /** Every action and task name of the tenant: what fuzzy matching and suggestions search. */
    List<RefIndexEntry> refIndex(Tenant tenant);

    /** Tasks matching a query, soonest real target date first (undated last), then in plan order. */
    List<TaskRow> find(Tenant tenant, TaskQuery query);

    /** Tasks whose ref, description or notes contain every word (without regard to case); at most {@code limit}. */
    List<TaskRow> search(Tenant tenant, List<String> words, int limit);

    /** The stored task with this id, if it is the tenant's. */
    Optional<TaskRow> get(Tenant tenant, long taskId);

    /**
     * Replaces a stored task's content (its ref included) and sets {@code updated_at = now}.
     *
     * @throws IllegalArgumentException when no task of this tenant has that id
     */
    void update(Tenant tenant, long taskId, Task task, Instant now);

    /** When the task was last changed; empty if it is not the tenant's. */
    Optional<Instant> updatedAt(Tenant tenant, long taskId);
}
