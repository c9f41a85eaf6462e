package planbot.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A Microsoft Teams conversation planbot has seen in a verified activity: what a proactive message to it needs.
 * Ids that do not apply are "" (a channel has no user, a personal chat no team).
 *
 * @param serviceUrl      the Connector's base URL exactly as the activity gave it
 * @param conversationId  the conversation, without a channel thread's {@code ;messageid=} suffix
 * @param kind            personal chat, channel or group chat
 * @param entraTenantId   the Entra (Azure AD) tenant the conversation lives in
 * @param teamId          the team of a channel, else ""
 * @param channelId       the channel, else ""
 * @param userAadObjectId the person of a personal chat (Entra object id), else ""
 * @param userId          that person's per-bot {@code 29:} id, else ""
 * @param installed       false once the bot was removed from the conversation
 * @param updatedAt       when this was last learned
 */
public record TeamsConversation(String serviceUrl, String conversationId, Kind kind, String entraTenantId,
                                String teamId, String channelId, String userAadObjectId, String userId,
                                boolean installed, Instant updatedAt) {

    /** The kinds of conversation Teams has; {@link #wire} is the activity's {@code conversation.conversationType}. */
    public enum Kind {
        PERSONAL("personal"), CHANNEL("channel"), GROUP_CHAT("groupChat");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        /** The kind named by {@code conversationType}; an absent or unknown type is a personal chat, as Teams means it. */
        public static Kind ofWire(String conversationType) {
            for (Kind k : values()) {
                if (k.wire.equalsIgnoreCase(conversationType == null ? "" : conversationType)) {
                    return k;
                }
            }
            return PERSONAL;
        }
    }

    public TeamsConversation {
        requireText(serviceUrl, "serviceUrl");
        requireText(conversationId, "conversationId");
        Objects.requireNonNull(kind, "kind");
        requireText(entraTenantId, "entraTenantId");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(userAadObjectId, "userAadObjectId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (conversationId.contains(";messageid=")) {
            throw new IllegalArgumentException("a conversation is stored without its thread's ;messageid=");
        }
        if (kind == Kind.CHANNEL && channelId.isEmpty()) {
            throw new IllegalArgumentException("a channel conversation needs its channel id");
        }
        if (kind == Kind.PERSONAL && userAadObjectId.isEmpty()) {
            throw new IllegalArgumentException("a personal conversation needs its user's Entra object id");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** The same conversation, installed or not, learned at {@code at}. */
    public TeamsConversation withInstalled(boolean now, Instant at) {
        return new TeamsConversation(serviceUrl, conversationId, kind, entraTenantId, teamId, channelId,
                userAadObjectId, userId, now, at);
    }
}
