package planbot.teams.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Objects;
import planbot.reply.Reply;

/**
 * Renders any {@link Reply} as a Teams message activity: {@code {"type":"message","text":<plain fallback>,
 * "attachments":[<one Adaptive Card>]}}. Called by the Teams platform to answer a command. Stateless and
 * thread-safe; never throws for a valid reply.
 */
public final class ReplyCards {
    private final ZoneId zone;

    public ReplyCards(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ObjectNode render(Reply reply) {
        throw new UnsupportedOperationException("not yet");
    }
}
