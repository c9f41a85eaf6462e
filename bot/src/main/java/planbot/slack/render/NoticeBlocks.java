package planbot.slack.render;

import static planbot.slack.SlackText.escapeAndCut;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import planbot.delivery.AdminNotice;
import planbot.delivery.Button;
import planbot.delivery.DigestNotice;
import planbot.delivery.Notice;
import planbot.delivery.ReminderNotice;
import planbot.scheduler.reminder.ReminderKind;
import planbot.slack.ButtonValue;
import planbot.slack.SlackText;

/**
 * Renders the neutral {@link Notice}s as Slack Block Kit, with the SDK's block model: a reminder as a card with
 * its five buttons, a digest as one or more messages, an admin notice as a plain section. Every piece of user
 * text (refs, descriptions, names, plan and section names) is {@linkplain SlackText#escape escaped} and cut to
 * the limit of the field it goes in, so a title of {@code <!channel>} cannot ping and no message is refused for
 * its size: at most {@value #MAX_BLOCKS} blocks, section text at most {@value #MAX_SECTION} chars, header at most
 * {@value #MAX_HEADER}, button labels at most {@value #MAX_BUTTON}. Every message has a plain fallback text.
 *
 * <p>Stateless and thread-safe.
 */
public final class NoticeBlocks {
    public static final int MAX_BLOCKS = 50;
    public static final int MAX_SECTION = 3000;
    public static final int MAX_FIELD = 2000;
    public static final int MAX_HEADER = 150;
    public static final int MAX_BUTTON = 75;
    /** Fallback text is kept far below Slack's 40,000: it is what a notification shows. */
    static final int MAX_TEXT = 3000;

    /** The messages a notice becomes: one for a reminder or an admin notice, one or more for a digest. */
    public List<SlackMessage> render(Notice notice) {
        if (notice instanceof ReminderNotice) {
            return List.of(reminder((ReminderNotice) notice));
        }
        if (notice instanceof DigestNotice) {
            return digest((DigestNotice) notice);
        }
        if (notice instanceof AdminNotice) {
            return List.of(admin((AdminNotice) notice));
        }
        throw new IllegalArgumentException("no Slack rendering for " + notice.getClass().getSimpleName());
    }

    // ---- reminders

    /**
     * A card: the heading, the kind with its colour, the message, the task's fields, its description, and a
     * button per {@link Button} whose {@code value} is a {@link ButtonValue} and whose {@code action_id} is
     * {@link ButtonValue#actionId}.
     */
    public SlackMessage reminder(ReminderNotice r) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(kindIcon(r.kind()) + " " + r.heading()));
        blocks.add(section("*" + kindLabel(r.kind()) + "*  ·  `" + escape(r.taskRef()) + "`\n" + escape(r.text())));
        List<TextObject> fields = new ArrayList<>();
        fields.add(field("Task", r.taskRef()));
        fields.add(field("Action", r.actionName()));
        fields.add(field("Target date", r.target() == null ? "none set" : r.target().display()));
        fields.add(field("Owner", r.owner() == null ? "nobody named in the plan" : r.owner()));
        blocks.add(SectionBlock.builder().fields(fields).build());
        if (!r.description().isBlank()) {
            blocks.add(section(">" + escape(r.description().strip()).replace("\n", "\n>")));
        }
        if (!r.buttons().isEmpty()) {
            List<BlockElement> buttons = new ArrayList<>();
            for (Button b : r.buttons()) {
                ButtonElement.ButtonElementBuilder button = ButtonElement.builder()
                        .actionId(ButtonValue.actionId(b.choice()))
                        .text(plain(b.label(), MAX_BUTTON))
                        .value(new ButtonValue(r.tenant(), r.taskId(), r.outboxId(), b.choice()).encode());
                if (b.choice() == Button.Choice.DONE) {
                    button.style("primary");
                }
                buttons.add(button.build());
            }
            blocks.add(ActionsBlock.builder().blockId("reminder:" + r.outboxId()).elements(buttons).build());
        }
        return new SlackMessage(fallback(r.heading() + ": " + r.text()), blocks);
    }

    private static String kindIcon(ReminderKind kind) {
        switch (kind.type()) {
            case OVERDUE:
            case ESCALATE_LEAD:
            case ESCALATE_MANAGER:
                return "🔴";
            case DUE_TODAY:
                return "🟠";
            case BEFORE:
                return "🟢";
            default:
                return "⚪";
        }
    }

    private static String kindLabel(ReminderKind kind) {
        switch (kind.type()) {
            case BEFORE:
                return "Coming up";
            case DUE_TODAY:
                return "Due today";
            case OVERDUE:
                return "Overdue";
            case ESCALATE_LEAD:
                return "Overdue: escalated to the lead";
            case ESCALATE_MANAGER:
                return "Overdue: escalated to managers";
            case TBC_NUDGE:
                return "Target date TBC";
            case STALE_NUDGE:
                return "No recent update";
            default:
                return kind.name();
        }
    }

    // ---- digests

    /** The digest as one or more messages: see {@link DigestBlocks#messages}. */
    public List<SlackMessage> digest(DigestNotice notice) {
        return DigestBlocks.messages(notice.digest(), notice.heading(), notice.heading() + ": " + notice.text());
    }

    // ---- admin notices

    /** The heading in bold and the text, in one section. */
    public SlackMessage admin(AdminNotice a) {
        return new SlackMessage(fallback(a.heading() + ": " + a.text()),
                List.of(section(":warning: *" + escape(a.heading()) + "*\n" + escape(a.text()))));
    }

    // ---- blocks

    private static String escape(String s) {
        return SlackText.escape(s);
    }

    /** Plain fallback text: escaped, cut. */
    static String fallback(String s) {
        return escapeAndCut(s, MAX_TEXT);
    }

    static HeaderBlock header(String raw) {
        return HeaderBlock.builder().text(plain(raw, MAX_HEADER)).build();
    }

    private static PlainTextObject plain(String raw, int max) {
        return PlainTextObject.builder().text(escapeAndCut(raw, max)).emoji(true).build();
    }

    /** A mrkdwn section of already-escaped text, cut to the limit. */
    static SectionBlock section(String escaped) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(SlackText.cut(escaped, MAX_SECTION)).build())
                .build();
    }

    private static TextObject field(String label, String raw) {
        return MarkdownTextObject.builder().text(SlackText.cut("*" + label + "*\n" + escape(raw), MAX_FIELD)).build();
    }

    static ContextBlock context(String escaped) {
        List<ContextBlockElement> elements = List.of(MarkdownTextObject.builder().text(SlackText.cut(escaped, MAX_SECTION)).build());
        return ContextBlock.builder().elements(elements).build();
    }
}
