package planbot.teams.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import planbot.delivery.Messenger;
import planbot.delivery.Notice;
import planbot.delivery.Recipient;
import planbot.delivery.SendResult;
import planbot.storage.TeamsConversation;
import planbot.storage.TeamsConversationRepository;
import planbot.teams.connector.ConnectorClient;
import planbot.teams.connector.ConversationRef;
import planbot.teams.connector.TeamsFailure;
import planbot.teams.connector.TeamsMember;
import planbot.teams.render.NoticeCards;

/**
 * The {@link Messenger} for Microsoft Teams: renders a notice with {@link NoticeCards} and posts it through the
 * {@link ConnectorClient} to a conversation planbot has seen in a verified activity.
 *
 * <p>The recipient's address is a channel or group chat id ({@code 19:…}), posted to as stored, or a person's Entra
 * object id: their personal chat with the bot, or, when planbot has none yet, one created with the Connector in the
 * Entra tenant of the bot's known conversations (with their {@code 29:} id from a team's roster, else the object id)
 * and stored for next time. A conversation planbot has never seen is
 * {@code Permanent}, with the step that fixes it. Answers {@code Sent("<conversationId>|<activityId>")}: the message id
 * by which the Teams platform finds the reminders sent to a conversation. Failures are the Connector client's
 * judgement ({@link TeamsFailure#result()}): 429 (with {@code Retry-After}), 5xx and timeouts retry; an app not
 * installed, a blocked bot or a conversation gone are permanent (the dispatcher dead-letters them and tells an admin);
 * a 401 has already been retried once with a fresh token.
 *
 * <p>Thread-safe (nothing is kept here; the client and the repository are). {@link #pace()} keeps inside Teams'
 * per-conversation limit for bots.
 */
public final class TeamsMessenger implements Messenger {
    /** The platform name {@link Recipient}s for Teams carry. */
    public static final String PLATFORM = "teams";
    /**
     * Teams allows a bot about 7 messages a second, 60 in 30 s and 1800 an hour in one conversation ("Rate limiting for
     * bots", per bot per thread); one every 2 s keeps within all three, the hourly one being the tightest.
     */
    static final Duration PACE = Duration.ofSeconds(2);
    static final String NOT_SEEN_CHANNEL = "planbot has not seen this Teams channel: add the planbot app to its team,"
            + " then say something to planbot in the channel";
    static final String NOT_SEEN_PERSON = "planbot cannot reach this person in Teams yet: add the planbot app to a team"
            + " (or for the person, from the Teams admin centre) so that planbot can start a chat with them";
    static final String REMOVED = "the planbot app was removed from this Teams conversation: add it again to post there";

    private final ConnectorClient connector;
    private final TeamsConversationRepository conversations;
    private final NoticeCards cards;
    private final Clock clock;

    public TeamsMessenger(ConnectorClient connector, TeamsConversationRepository conversations, NoticeCards cards,
                          Clock clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.cards = Objects.requireNonNull(cards, "cards");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public SendResult send(Notice notice, Recipient recipient) {
        ObjectNode activity = cards.render(notice);
        try {
            Optional<TeamsConversation> known = isConversationId(recipient.address())
                    ? conversations.channel(recipient.address()).or(() -> conversations.find(recipient.address()))
                    : conversations.personal(recipient.address());
            if (known.isPresent() && !known.get().installed()) {
                return new SendResult.Permanent(REMOVED);
            }
            Optional<ConversationRef> to = known.map(c -> new ConversationRef(c.serviceUrl(), c.conversationId()));
            if (to.isEmpty() && !isConversationId(recipient.address())) {
                to = createPersonal(recipient.address());
            }
            if (to.isEmpty()) {
                return new SendResult.Permanent(isConversationId(recipient.address()) ? NOT_SEEN_CHANNEL : NOT_SEEN_PERSON);
            }
            String activityId = connector.send(to.get(), activity);
            return new SendResult.Sent(messageId(to.get().conversationId(), activityId));
        } catch (TeamsFailure f) {
            return f.result();
        }
    }

    /** The platform message id of a post: {@code <conversationId>|<activityId>} (activity ids are per conversation). */
    public static String messageId(String conversationId, String activityId) {
        return conversationId + "|" + activityId;
    }

    @Override
    public Duration pace() {
        return PACE;
    }

    /**
     * A new personal chat with the person, in the first Entra tenant of the bot's known conversations where Teams
     * lets planbot start one (nearly always the only tenant); stored once created. Empty when planbot knows no
     * conversation at all.
     */
    private Optional<ConversationRef> createPersonal(String aadObjectId) throws TeamsFailure {
        Map<String, List<TeamsConversation>> byTenant = new LinkedHashMap<>();
        conversations.installed().forEach(c -> byTenant.computeIfAbsent(c.entraTenantId(), t -> new ArrayList<>()).add(c));
        TeamsFailure refused = null;
        for (Map.Entry<String, List<TeamsConversation>> tenant : byTenant.entrySet()) {
            try {
                String userId = perBotId(tenant.getValue(), aadObjectId);
                String serviceUrl = tenant.getValue().get(0).serviceUrl();
                ConversationRef created = connector.createPersonal(serviceUrl, tenant.getKey(), userId);
                conversations.save(new TeamsConversation(created.serviceUrl(), created.conversationId(),
                        TeamsConversation.Kind.PERSONAL, tenant.getKey(), "", "", aadObjectId,
                        userId.equals(aadObjectId) ? "" : userId, true, clock.instant()));
                return Optional.of(created);
            } catch (TeamsFailure f) {
                if (f.isTransient()) {
                    throw f;
                }
                refused = f; // not installed for them in this tenant: perhaps in the next
            }
        }
        if (refused != null) {
            throw refused;
        }
        return Optional.empty();
    }

    /**
     * The person's per-bot {@code 29:} id, from the roster of a team or group chat they share with the bot: what the
     * Connector documents for a new 1:1 chat. Their Entra object id when no roster has them (Teams accepts it too,
     * for a personal chat with an app installed for them).
     */
    private String perBotId(List<TeamsConversation> inTenant, String aadObjectId) throws TeamsFailure {
        for (TeamsConversation c : inTenant) {
            if (c.kind() != TeamsConversation.Kind.PERSONAL) {
                String roster = c.kind() == TeamsConversation.Kind.CHANNEL && !c.teamId().isEmpty() ? c.teamId()
                        : c.conversationId();
                Optional<TeamsMember> m = connector.member(new ConversationRef(c.serviceUrl(), roster), aadObjectId);
                if (m.isPresent()) {
                    return m.get().id();
                }
            }
        }
        return aadObjectId;
    }

    /** Channel and group chat ids start {@code 19:}; a person is named by their Entra object id (a GUID). */
    private static boolean isConversationId(String address) {
        return address.startsWith("19:");
    }
}
