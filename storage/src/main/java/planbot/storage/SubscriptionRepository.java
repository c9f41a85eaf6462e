package planbot.storage;

import java.time.Instant;
import java.util.List;

/**
 * Digest subscriptions: which channel gets the weekly digest of which plan or section, and when.
 *
 * <p>A subscription is known by its tenant, channel, plan and section, names matched ignoring case (as the
 * digest reads them); null plan or section means "all", which is not the same as any name. Thread-safe; joins
 * the caller's transaction when called inside {@link Database#inTransaction}, so a digest's outbox row and
 * {@link #recordDigest} commit together. Failures are {@link StorageException}s.
 */
public interface SubscriptionRepository {

    /**
     * Subscribes a channel. When the tenant already has a subscription of that channel to that plan and section,
     * it is changed to the new day, time, zone and spelling instead, keeping when it was created and when its
     * last digest was built.
     *
     * @return the subscription as stored
     */
    DigestSubscription add(Tenant tenant, SubscriptionSpec spec, Instant now);

    /** A tenant's subscriptions, by channel, then plan and section (all before any). */
    List<DigestSubscription> list(Tenant tenant);

    /** Every tenant's subscriptions, by id: what a digest sweep works through. */
    List<DigestSubscription> listAll();

    /**
     * Unsubscribes a channel from a plan and section (null for all, as when it was added).
     *
     * @return true if there was such a subscription
     */
    boolean remove(Tenant tenant, String channel, String plan, String section);

    /** Records that a digest of this subscription was built at {@code at}: the next one covers the time since. */
    void recordDigest(long subscriptionId, Instant at);
}
