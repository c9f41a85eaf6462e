package planbot.discord.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import planbot.delivery.Notice;

/**
 * Renders a {@link Notice} as Discord message bodies. Called by the Discord messenger and the interaction handler.
 * Stateless and thread-safe.
 */
public final class NoticeMessages {
    /** The message bodies for a notice as first sent: one or more, the first one decides. */
    public List<ObjectNode> render(planbot.delivery.Notice notice) {
        return List.of(Json.object());
    }

    /** The notice redrawn after a click, with the outcome at its foot; no components once {@code finished}. */
    public ObjectNode outcome(Notice notice, String outcome, boolean finished) {
        return Json.object();
    }
}
