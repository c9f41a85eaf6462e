package planbot.delivery;

import java.util.ArrayList;
import java.util.List;
import planbot.reply.PlainTextRenderer;
import planbot.scheduler.digest.DigestText;

/**
 * Renders a {@link Notice} as plain text: for the console, and for a platform's plain fallback text. A heading
 * line with a symbol ("🔔 Reminder for HoP"), then the message. User text is written as typed, except that
 * control characters are shown as symbols ({@link PlainTextRenderer#visibleControls}); the console's own gesture
 * for answering a reminder ({@code reply EN003/01 done}) stands in for the buttons.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlainNoticeRenderer {
    private final boolean compact;

    /** Reminders in full: heading, text, the task, and how to answer. */
    public PlainNoticeRenderer() {
        this(false);
    }

    /**
     * @param compact true to print each reminder on one line (the demo's catch-up sends dozens at once, and a
     *                terminal is not a chat window that folds them away); digests and admin notices stay whole
     */
    public PlainNoticeRenderer(boolean compact) {
        this.compact = compact;
    }

    public String render(Notice notice) {
        StringBuilder b = new StringBuilder(256);
        if (notice instanceof ReminderNotice) {
            ReminderNotice r = (ReminderNotice) notice;
            if (compact) {
                b.append("🔔 ").append(r.heading()).append(": ").append(r.text().replace('\n', ' ')).append('\n');
                return PlainTextRenderer.visibleControls(b);
            }
            b.append("🔔 ").append(r.heading()).append('\n');
            b.append(r.text()).append('\n');
            details(b, r, "    ");
            answers(b, r, "    ");
        } else if (notice instanceof ReminderGroup) {
            ReminderGroup g = (ReminderGroup) notice;
            b.append("🔔 ").append(g.heading()).append('\n');
            for (ReminderNotice r : g.reminders()) {
                b.append("  • ").append(compact ? r.text().replace('\n', ' ') : r.text()).append('\n');
                if (!compact) {
                    details(b, r, "      ");
                }
            }
            if (!compact) {
                answers(b, g.reminders().get(0), "  ");
            }
        } else if (notice instanceof DigestNotice) {
            DigestNotice d = (DigestNotice) notice;
            b.append("📊 ").append(d.heading()).append(" (for ").append(d.channel()).append(")\n");
            b.append(DigestText.render(d.digest()));
            b.append("(The chart is attached on chat platforms.)\n");
        } else if (notice instanceof AdminNotice || notice instanceof HeldSummary) {
            b.append("⚠ ").append(notice.heading()).append('\n');
            b.append(notice.text()).append('\n');
        } else {
            throw new IllegalArgumentException("no plain rendering for " + notice.getClass().getSimpleName());
        }
        return PlainTextRenderer.visibleControls(b);
    }

    private static void details(StringBuilder b, ReminderNotice r, String indent) {
        if (!r.description().isEmpty()) {
            b.append(indent).append(r.description().replace("\n", "\n" + indent)).append('\n');
        }
        b.append(indent).append("Action: ").append(r.actionName()).append('\n');
    }

    /** The buttons as labels, and the console's way of pressing them, for the reminder's task. */
    private static void answers(StringBuilder b, ReminderNotice r, String indent) {
        List<String> labels = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        for (Button button : r.buttons()) {
            labels.add("[" + button.label() + "]");
            replies.add(button.needsInput() ? button.reply() + " dd/mm/yyyy" : button.reply());
        }
        if (!labels.isEmpty()) {
            b.append(indent).append(String.join(" ", labels)).append('\n');
            b.append(indent).append("Answer with: reply ").append(r.taskRef()).append(' ').append(String.join(" | ", replies))
                    .append('\n');
        }
    }
}
