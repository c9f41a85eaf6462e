package planbot.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded change: who did what to which thing, from where, with the values before and after.
 *
 * @param at        when it happened
 * @param actor     who did it (a person's name, or "import", "scheduler")
 * @param source    where it came from
 * @param entity    what kind of thing changed: "plan", "section", "action", "task", "person", "reminder"
 * @param entityRef its natural key ("EN003/01")
 * @param change    what happened: "created", "updated", "status", "target-date", "note", "assigned", …
 * @param before    the value before, as text (JSON for whole records); null for a creation
 * @param after     the value after; null for a removal
 * @param note      the reason or comment the actor gave; null if none
 */
public record AuditEvent(Instant at, String actor, Source source, String entity, String entityRef, String change,
                         String before, String after, String note) {
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(entityRef, "entityRef");
        Objects.requireNonNull(change, "change");
    }
}
