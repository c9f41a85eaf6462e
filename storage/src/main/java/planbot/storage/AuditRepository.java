package planbot.storage;

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

    /** The events about one entity ("EN003/01", a plan's name), newest first; same-instant events latest-written first. */
    List<AuditEvent> list(Tenant tenant, String entityRef);
}
