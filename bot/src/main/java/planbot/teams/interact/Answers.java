package planbot.teams.interact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.reply.Reply;
import planbot.teams.Activity;
import planbot.teams.connector.ConnectorClient;
import planbot.teams.connector.ConversationRef;
import planbot.teams.connector.TeamsFailure;
import planbot.teams.render.ReplyCards;

/**
 * Posts planbot's answer to an activity into the activity's conversation (a channel thread's reply into that thread),
 * through the Connector. A refusal by Teams is logged (status and code, never a token) and dropped: the activity was
 * acknowledged long ago and nobody is waiting for an error. Thread-safe.
 */
final class Answers {
    private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

    private final ConnectorClient connector;
    private final ReplyCards cards;

    Answers(ConnectorClient connector, ReplyCards cards) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.cards = Objects.requireNonNull(cards, "cards");
    }

    /** Where answers to this activity go: its conversation as given, thread and all. */
    static ConversationRef where(Activity to) {
        return new ConversationRef(to.serviceUrl(), to.conversationId());
    }

    /** The reply as a card. */
    void reply(Activity to, Reply reply) {
        post(to, cards.render(reply));
    }

    /** A sentence, as plain text: nothing in it is markup or a mention. */
    void say(Activity to, String sentence) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("type", "message").put("textFormat", "plain").put("text", sentence);
        post(to, message);
    }

    /** Replaces the card the activity was a click on; false when Teams refused (the caller then answers instead). */
    boolean replace(Activity clickOn, ObjectNode card) {
        try {
            connector.update(where(clickOn), clickOn.replyToId(), card);
            return true;
        } catch (TeamsFailure e) {
            LOG.warn("Teams refused to update a card: HTTP {} {}", e.status(), e.code());
            return false;
        }
    }

    /**
     * The activity's entities, each person mentioned (other than the bot) carrying their Entra object id: planbot
     * knows people on Teams by that id, and a mention entity usually names only the {@code 29:} id, so it is asked of
     * the conversation's roster. A member the roster does not give (or Teams not answering) keeps the entity as it
     * came, and the command then says the mention is not a person it can link.
     */
    JsonNode withObjectIds(Activity a) {
        JsonNode entities = a.entities();
        if (!entities.isArray()) {
            return entities;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode e : entities) {
            JsonNode who = e.path("mentioned");
            String id = who.path("id").asText("");
            if (!"mention".equals(e.path("type").asText()) || id.isEmpty() || id.equals(a.botId())
                    || !who.path("aadObjectId").asText("").isEmpty() || !e.isObject()) {
                out.add(e);
                continue;
            }
            ObjectNode copy = ((ObjectNode) e).deepCopy();
            try {
                connector.member(new ConversationRef(a.serviceUrl(), a.baseConversationId()), id)
                        .filter(m -> m.aadObjectId() != null && !m.aadObjectId().isEmpty())
                        .ifPresent(m -> ((ObjectNode) copy.path("mentioned")).put("aadObjectId", m.aadObjectId()));
            } catch (TeamsFailure f) {
                LOG.warn("Teams did not say who a mention is: HTTP {} {}", f.status(), f.code());
            }
            out.add(copy);
        }
        return out;
    }

    private void post(Activity to, ObjectNode message) {
        if (!to.id().isEmpty()) {
            message.put("replyToId", to.id());
        }
        try {
            connector.send(where(to), message);
        } catch (TeamsFailure e) {
            LOG.warn("Teams refused an answer: HTTP {} {}", e.status(), e.code());
        }
    }
}
