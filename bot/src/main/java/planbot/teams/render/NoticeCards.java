package planbot.teams.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import planbot.delivery.Notice;

/**
 * Renders a {@link Notice} as a Teams message activity with one Adaptive Card: reminders (one task or a group)
 * with their buttons, escalations, the digest with its chart, admin notices. Called by the Teams messenger and by
 * the card-click handler ({@link #outcome}). Stateless and thread-safe.
 */
public final class NoticeCards {

    /** The card for a notice as first sent. */
    public ObjectNode render(Notice notice) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The same card redrawn after a click, with {@code outcome} ("Marked done by Sam") under it; its buttons stay
     * only while {@code finished} is false.
     */
    public ObjectNode outcome(Notice notice, String outcome, boolean finished) {
        throw new UnsupportedOperationException("not yet");
    }
}
