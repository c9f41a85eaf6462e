package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The calendar feed URLs handed out. A URL's secret reaches this only as its SHA-256 (hex), computed by the caller;
 * lookups are by that hash. Thread-safe; joins the caller's transaction when called inside
 * {@link Database#inTransaction}, so a feed and its audit event commit together. Failures are {@link StorageException}s.
 */
public interface CalendarFeedRepository {

    /**
     * Stores a new feed URL.
     *
     * @param secretHash the secret's SHA-256, hex; its first {@link #HANDLE_LENGTH} characters become the handle
     * @param createdBy  who asked for it, for the record
     */
    CalendarFeed add(Tenant tenant, CalendarFeed.Kind kind, String name, String secretHash, String createdBy, Instant at);

    /** The feed whose secret has this hash, whichever tenant it is for, revoked or not; empty when none. */
    Optional<CalendarFeed> findBySecretHash(String secretHash);

    /** The tenant's feed with this handle, revoked or not. */
    Optional<CalendarFeed> findByHandle(Tenant tenant, String handle);

    /** The tenant's feeds, live and revoked, newest first. */
    List<CalendarFeed> list(Tenant tenant);

    /**
     * Revokes the tenant's live feeds of this kind and name (a person asking for a new link: the old one stops).
     *
     * @return the handles revoked
     */
    List<String> revokeAll(Tenant tenant, CalendarFeed.Kind kind, String name, Instant at);

    /** Revokes one live feed by handle; false when the tenant has no live feed with that handle. */
    boolean revoke(Tenant tenant, String handle, Instant at);

    /** How many characters of the secret's hash the handle is. */
    int HANDLE_LENGTH = 10;
}
