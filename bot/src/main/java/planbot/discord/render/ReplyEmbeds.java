package planbot.discord.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import planbot.answer.ButtonValue;
import planbot.reply.Question;
import planbot.reply.Reply;

/**
 * Renders any {@link Reply} as Discord message bodies. Called by the Discord interaction handler. Stateless apart from
 * its zone; thread-safe.
 */
public final class ReplyEmbeds {
    private final ZoneId zone;

    public ReplyEmbeds(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The reply as one message body; what does not fit one message is cut with "and N more". */
    public ObjectNode render(Reply reply) {
        return renderAll(reply).get(0);
    }

    /** The reply as one or more message bodies, in order; the first answers the interaction. */
    public List<ObjectNode> renderAll(Reply reply) {
        return List.of(Json.object());
    }

    /** "Add this as a note?" with Yes ({@code yes}) and No buttons. */
    public ObjectNode noteQuestion(Question question, ButtonValue yes) {
        return Json.object();
    }
}
