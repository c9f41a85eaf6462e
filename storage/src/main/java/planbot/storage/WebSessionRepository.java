package planbot.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * Web sessions, by the SHA-256 (hex) of their id: callers hash, and the id itself never reaches the database.
 * Thread-safe; joins the caller's transaction when called inside {@link Database#inTransaction}.
 */
public interface WebSessionRepository {

    /** Stores a new session for a person of the tenant, begun (and last seen) at {@code at}. */
    void add(Tenant tenant, String sessionHash, String personName, Instant at);

    /** The session with this hash, open or ended; empty when there is none. */
    Optional<WebSession> find(String sessionHash);

    /** Records that the session was used at {@code at}. */
    void touch(long sessionId, Instant at);

    /** Ends the session, if it is open; true when this call ended it. */
    boolean end(long sessionId, Instant at);
}
