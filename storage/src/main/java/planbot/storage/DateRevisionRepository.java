package planbot.storage;

import java.util.List;
import planbot.domain.DateRevision;

/**
 * The history of tasks' target dates: append-only. Thread-safe; scoped by tenant; joins the caller's
 * transaction when called inside {@link Database#inTransaction}.
 */
public interface DateRevisionRepository {

    /**
     * Records a change of the task's target date. The task is named by its id (refs repeat across plans);
     * the revision's own {@code taskRef} is not stored.
     *
     * @throws IllegalArgumentException when the tenant has no task with that id
     */
    void append(Tenant tenant, long taskId, DateRevision revision);

    /** The task's revisions, oldest first (the order a history reads in). */
    List<DateRevision> list(Tenant tenant, long taskId);
}
