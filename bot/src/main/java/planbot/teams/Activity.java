package planbot.teams;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import planbot.storage.TeamsConversation;

/**
 * The parts of a Bot Framework activity planbot reads, taken from a verified body once, strictly: one JSON object
 * with no duplicate keys; {@code type}, {@code serviceUrl} and {@code conversation.id} present as strings; every other
 * field read only where it has the type the protocol gives it. Immutable.
 *
 * @param type         {@code message}, {@code invoke}, {@code conversationUpdate}, {@code installationUpdate}, …
 * @param id           the activity's id ("" when absent): the key of inbound dedupe
 * @param name         an invoke's name ("" when absent: some invokes carry none)
 * @param serviceUrl   where replies go, exactly as given
 * @param channelId    the channel the activity came through ({@code msteams})
 * @param fromId       the sender's per-bot id ({@code 29:…}); "" when absent
 * @param fromAadId    the sender's Entra object id, stable across bots; "" when absent
 * @param fromName     the sender's display name; "" when absent
 * @param botId        our id in the conversation ({@code recipient.id})
 * @param conversationId the conversation as given: a channel thread's ends {@code ;messageid=<root>}
 * @param kind         personal chat, channel or group chat
 * @param tenantId     the Entra tenant, from {@code conversation.tenantId} or {@code channelData.tenant.id} ("" when
 *                     neither is there)
 * @param tenantsAgree false when both places name a tenant and they differ (such an activity is refused)
 * @param teamId       {@code channelData.team.id}, "" when absent
 * @param channel      {@code channelData.channel.id}, "" when absent
 * @param text         the typed text, null when there is none (a card click)
 * @param entities     the {@code entities} array, or a missing node
 * @param value        a card click's {@code value}, or a missing node
 * @param replyToId    the activity this one answers (the card a click was on), "" when absent
 * @param action       an {@code installationUpdate}'s action, lower-cased ("add", "remove", "add-upgrade", …)
 * @param membersAdded   the ids in {@code membersAdded}
 * @param membersRemoved the ids in {@code membersRemoved}
 */
public record Activity(String type, String id, String name, String serviceUrl, String channelId, String fromId,
                       String fromAadId, String fromName, String botId, String conversationId,
                       TeamsConversation.Kind kind, String tenantId, boolean tenantsAgree, String teamId, String channel,
                       String text, JsonNode entities, JsonNode value, String replyToId, String action,
                       List<String> membersAdded, List<String> membersRemoved) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String THREAD = ";messageid=";

    /** A body that is not an activity; the message is a short reason for the log, quoting none of the body. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    public Activity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entities, "entities");
        Objects.requireNonNull(value, "value");
        membersAdded = List.copyOf(membersAdded);
        membersRemoved = List.copyOf(membersRemoved);
    }

    /** Reads a body that passed the token check. */
    public static Activity parse(byte[] body) throws Malformed {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new Malformed("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("body is not one JSON object");
        }
        String type = required(root, "type");
        String serviceUrl = required(root, "serviceUrl");
        JsonNode conversation = root.path("conversation");
        String conversationId = required(conversation, "id");
        String convTenant = text(conversation, "tenantId");
        String dataTenant = text(root.path("channelData").path("tenant"), "id");
        boolean agree = convTenant.isEmpty() || dataTenant.isEmpty() || convTenant.equals(dataTenant);
        JsonNode textNode = root.path("text");
        if (!textNode.isMissingNode() && !textNode.isNull() && !textNode.isTextual()) {
            throw new Malformed("text is not a string");
        }
        JsonNode entities = root.path("entities");
        if (!entities.isMissingNode() && !entities.isNull() && !entities.isArray()) {
            throw new Malformed("entities is not an array");
        }
        return new Activity(type, text(root, "id"), text(root, "name"), serviceUrl, text(root, "channelId"),
                text(root.path("from"), "id"), text(root.path("from"), "aadObjectId"), text(root.path("from"), "name"),
                text(root.path("recipient"), "id"), conversationId,
                TeamsConversation.Kind.ofWire(text(conversation, "conversationType")),
                convTenant.isEmpty() ? dataTenant : convTenant, agree,
                text(root.path("channelData").path("team"), "id"), text(root.path("channelData").path("channel"), "id"),
                textNode.isTextual() ? textNode.asText() : null,
                entities.isArray() ? entities : MissingNode.getInstance(),
                root.path("value").isObject() ? root.path("value") : MissingNode.getInstance(),
                text(root, "replyToId"), text(root, "action").toLowerCase(Locale.ROOT),
                ids(root.path("membersAdded")), ids(root.path("membersRemoved")));
    }

    /** The conversation without a channel thread's {@code ;messageid=}: the channel itself, as stored. */
    public String baseConversationId() {
        int thread = conversationId.indexOf(THREAD);
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    /** Whether the bot itself was added (an install), not a person joining. */
    public boolean botAdded() {
        return !botId.isEmpty() && membersAdded.contains(botId);
    }

    /** Whether the bot itself was removed. */
    public boolean botRemoved() {
        return !botId.isEmpty() && membersRemoved.contains(botId);
    }

    /** Whether one of the activity's {@code mention} entities is the bot. */
    public boolean mentionsBot() {
        for (JsonNode e : entities) {
            if ("mention".equals(e.path("type").asText()) && !botId.isEmpty()
                    && botId.equals(e.path("mentioned").path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code type} is this one, in any case (Teams is not consistent). */
    public boolean is(String activityType) {
        return type.equalsIgnoreCase(activityType);
    }

    /** The typed text, when there is some. */
    public Optional<String> typed() {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /**
     * The conversation reference this activity teaches, for a proactive message later; empty when it lacks what one
     * needs (a tenant; a channel's channel id; a personal chat's person).
     */
    public Optional<TeamsConversation> reference(boolean installed, java.time.Instant at) {
        if (tenantId.isEmpty() || (kind == TeamsConversation.Kind.CHANNEL && channel.isEmpty())
                || (kind == TeamsConversation.Kind.PERSONAL && fromAadId.isEmpty())) {
            return Optional.empty();
        }
        boolean personal = kind == TeamsConversation.Kind.PERSONAL;
        return Optional.of(new TeamsConversation(serviceUrl, baseConversationId(), kind, tenantId, teamId, channel,
                personal ? fromAadId : "", personal ? fromId : "", installed, at));
    }

    private static String required(JsonNode node, String field) throws Malformed {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new Malformed("no " + field);
        }
        return v.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : "";
    }

    private static List<String> ids(JsonNode members) {
        List<String> ids = new ArrayList<>();
        if (members.isArray()) {
            members.forEach(m -> {
                if (m.path("id").isTextual()) {
                    ids.add(m.path("id").asText());
                }
            });
        }
        return ids;
    }
}
