package planbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Microsoft Teams conversations planbot may write to: the Teams adapter saves one for every verified activity
 * and installation change; its messenger finds them to send proactively; its Connector client trusts only their
 * service URLs. Thread-safe; each call joins the caller's transaction.
 */
public interface TeamsConversationRepository {

    /** Inserts the conversation or replaces what was known of it (keyed by conversation id). */
    void save(TeamsConversation conversation);

    /** Marks a known conversation installed or removed; false when it is not known. */
    boolean setInstalled(String conversationId, boolean installed, Instant at);

    /** The conversation with this id (without a thread's {@code ;messageid=}). */
    Optional<TeamsConversation> find(String conversationId);

    /** A person's personal chat with the bot, most recently learned first if there are several. */
    Optional<TeamsConversation> personal(String entraTenantId, String userAadObjectId);

    /**
     * A person's personal chat with the bot in whichever Entra tenant it is (an Entra object id is unique across
     * tenants): what the messenger has when a recipient is only their object id.
     */
    Optional<TeamsConversation> personal(String userAadObjectId);

    /** Every conversation the bot is still installed in, most recently learned first. */
    List<TeamsConversation> installed();

    /** The conversation of a channel, by its {@code channelData.channel.id}. */
    Optional<TeamsConversation> channel(String channelId);

    /** Every service URL seen in a verified activity, as given: the ones planbot may call. */
    List<String> serviceUrls();
}
