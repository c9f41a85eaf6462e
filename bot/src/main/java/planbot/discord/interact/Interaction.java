package planbot.discord.interact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;

/**
 * The parts of a Discord interaction planbot reads, taken once from the raw JSON Discord sends (the HTTP body, or the
 * gateway's {@code INTERACTION_CREATE} payload, which has the same shape). Ids are strings (snowflakes). Immutable.
 *
 * @param type          {@link #PING}, {@link #COMMAND}, {@link #COMPONENT}, {@link #AUTOCOMPLETE} or {@link #MODAL_SUBMIT}
 * @param id            the interaction's id: the key of inbound dedupe and of the callback
 * @param token         the interaction's token, for the callback and the edits after it; never logged
 * @param applicationId the application it is for
 * @param guildId       the guild (server) it came from; "" in a DM
 * @param channelId     the channel it was used in; "" when absent
 * @param userId        who used it: {@code member.user.id} in a guild, {@code user.id} in a DM
 * @param userName      how they are shown: their nickname in the guild, their global name, or their user name
 * @param data          {@code data}: the command and its options, the component's {@code custom_id} and values, the
 *                      modal's components; a missing node when absent
 * @param messageId     the message a component was on ({@code message.id}); "" when absent
 */
public record Interaction(int type, String id, String token, String applicationId, String guildId, String channelId,
                          String userId, String userName, JsonNode data, String messageId) {
    public static final int PING = 1;
    public static final int COMMAND = 2;
    public static final int COMPONENT = 3;
    public static final int AUTOCOMPLETE = 4;
    public static final int MODAL_SUBMIT = 5;

    /** JSON that is not an interaction planbot can answer; the message is a short reason for the log, quoting none of it. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    public Interaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(messageId, "messageId");
        if (id.isEmpty() || token.isEmpty()) {
            throw new IllegalArgumentException("an interaction has an id and a token");
        }
    }

    /**
     * Reads an interaction. A PING needs only its id and token; every other type names who used it.
     *
     * @throws Malformed when the JSON is not an object, or lacks the id, the token or (but for a PING) the user
     */
    public static Interaction read(JsonNode json) throws Malformed {
        if (json == null || !json.isObject()) {
            throw new Malformed("not a JSON object");
        }
        if (!json.path("type").isInt()) {
            throw new Malformed("no type");
        }
        String id = text(json, "id");
        String token = text(json, "token");
        if (id.isEmpty() || token.isEmpty()) {
            throw new Malformed("no id or no token");
        }
        int type = json.path("type").asInt();
        JsonNode member = json.path("member");
        JsonNode user = member.path("user").isObject() ? member.path("user") : json.path("user");
        String userId = text(user, "id");
        if (type != PING && userId.isEmpty()) {
            throw new Malformed("no user");
        }
        String name = first(text(member, "nick"), text(user, "global_name"), text(user, "username"), userId);
        JsonNode data = json.path("data").isObject() ? json.path("data") : MissingNode.getInstance();
        return new Interaction(type, id, token, text(json, "application_id"), text(json, "guild_id"),
                first(text(json, "channel_id"), text(json.path("channel"), "id")), userId, name, data,
                text(json.path("message"), "id"));
    }

    /** True when it was used in a DM (no guild). */
    public boolean inDm() {
        return guildId.isEmpty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText().strip() : v.isNumber() ? v.asText() : "";
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (!c.isEmpty()) {
                return c;
            }
        }
        return "";
    }
}
