package planbot.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import planbot.domain.Source;

/** {@link SnoozeRepository} on the {@link Database}. */
public final class JdbiSnoozeRepository implements SnoozeRepository {
    private final Database db;

    public JdbiSnoozeRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void snooze(Tenant tenant, long taskId, LocalDate until, String actor, Source source, String reason, Instant at) {
        db.inTransaction(h -> h.createUpdate("INSERT INTO task_snooze (tenant_id, task_id, until_date, actor, source, reason, at)"
                        + " SELECT ?, id, ?, ?, ?, ?, ? FROM task WHERE id = ? AND tenant_id = ?")
                .bind(0, tenant.id()).bind(1, until.toString()).bind(2, actor).bind(3, source.word()).bind(4, reason)
                .bind(5, at.toEpochMilli()).bind(6, taskId).bind(7, tenant.id())
                .execute());
    }

    @Override
    public Optional<LocalDate> snoozedUntil(Tenant tenant, long taskId) {
        return db.withHandle(h -> h.createQuery("SELECT until_date FROM task_snooze WHERE tenant_id = ? AND task_id = ?"
                        + " ORDER BY at DESC, id DESC LIMIT 1")
                .bind(0, tenant.id()).bind(1, taskId)
                .mapTo(String.class).findOne().map(LocalDate::parse));
    }
}
