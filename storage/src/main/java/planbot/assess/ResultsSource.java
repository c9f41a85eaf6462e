package planbot.assess;

import java.util.List;
import java.util.Optional;
import planbot.assess.AssessmentResults.SessionResult;

/**
 * The read-only view of assessment sessions that the report uses; the session engine implements it over its own
 * tables. Tenants are named by slug, as in {@link planbot.storage.TemplateRepository}.
 *
 * <p>Implementations are thread-safe; storage failures are {@link planbot.storage.StorageException}s.
 */
public interface ResultsSource {

    /** The session with this id, if it belongs to the tenant (running or ended). */
    Optional<SessionResult> session(String tenant, long sessionId);

    /** Every session of the tenant, running or ended, oldest start first. */
    List<SessionResult> sessions(String tenant);
}
