package planbot.storage;

import java.time.Instant;
import java.util.List;
import planbot.domain.AuditEvent;

/**
 * The audit trail: append-only. Thread-safe; scoped by tenant; joins the caller's transaction when called
 * inside {@link Database#inTransaction}, so an event is written together with the change it records.
 */
public interface AuditRepository {

    /** Appends events in order (one batch). */
    void append(Tenant tenant, List<AuditEvent> events);

    default void append(Tenant tenant, AuditEvent event) {
        append(tenant, List.of(event));
    }

    /**
     * Appends an event about one stored task, naming it by id as well as by its ref: where two plans share the ref,
     * {@link #listForTask} tells their events apart.
     */
    void appendForTask(Tenant tenant, long taskId, AuditEvent event);

    /** The events about one entity ("EN003/01", a plan's name), newest first; same-instant events latest-written first. */
    List<AuditEvent> list(Tenant tenant, String entityRef);

    /**
     * The events about one stored task, as {@link #list} orders them: those appended for it by id, and those about its
     * ref that name no task (written by {@link #append}, or before tasks were named), but none appended for another
     * task with the same ref (the same ref in another plan).
     */
    List<AuditEvent> listForTask(Tenant tenant, long taskId, String ref);

    /** The tenant's events at or after {@code since}, oldest first (the order they were written), at most {@code limit}. */
    List<AuditEvent> since(Tenant tenant, Instant since, int limit);
}
