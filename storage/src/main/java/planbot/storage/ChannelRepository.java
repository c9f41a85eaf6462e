package planbot.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A tenant's chat channels, one per {@link ChannelPurpose} and platform. Thread-safe; joins the caller's transaction. */
public interface ChannelRepository {

    /** Sets (or replaces) the tenant's channel for a purpose on a platform; address is the platform's channel id. */
    void set(Tenant tenant, String platform, ChannelPurpose purpose, String address, Instant at);

    Optional<String> find(Tenant tenant, String platform, ChannelPurpose purpose);

    /** The tenant's channels on a platform, by purpose. */
    Map<ChannelPurpose, String> list(Tenant tenant, String platform);
}
