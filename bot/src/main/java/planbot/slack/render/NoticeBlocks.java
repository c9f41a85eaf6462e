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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import planbot.delivery.AdminNotice;
import planbot.delivery.Button;
import planbot.delivery.DigestNotice;
import planbot.delivery.HeldSummary;
import planbot.delivery.Notice;
import planbot.delivery.ReminderGroup;
import planbot.delivery.ReminderNotice;
import planbot.scheduler.reminder.ReminderKind;
import planbot.answer.ButtonValue;
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
    private static final int DESCRIPTION_IN_LIST = 80;
    private static final int DESCRIPTION_IN_GROUP = 300;
    /** Reminders shown in one message: a header, two blocks each, "and N more" and a click's outcome line make 50. */
    public static final int MAX_IN_GROUP = (MAX_BLOCKS - 3) / 2;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);

    /** The messages a notice becomes: one for a reminder, a group of them or an admin notice, one or more for a digest. */
    public List<SlackMessage> render(Notice notice) {
        if (notice instanceof ReminderNotice) {
            return List.of(reminder((ReminderNotice) notice));
        }
        if (notice instanceof ReminderGroup) {
            return List.of(group((ReminderGroup) notice));
        }
        if (notice instanceof DigestNotice) {
            return digest((DigestNotice) notice);
        }
        if (notice instanceof AdminNotice || notice instanceof HeldSummary) {
            return List.of(admin(notice));
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
        blocks.add(header(r.icon() + " " + r.heading()));
        blocks.add(section("*" + r.label() + "*  ·  `" + escape(r.taskRef()) + "`\n" + escape(r.text())));
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
            blocks.add(buttons(r));
        }
        return new SlackMessage(fallback(r.heading() + ": " + r.text()), blocks);
    }

    /**
     * Several reminders in one message: the heading, then per reminder a section (its kind, ref, action, what it
     * needs, a short description) and its own buttons (as {@link #reminder}'s, so a click acts on that task alone),
     * overdue first. At most {@value #MAX_IN_GROUP} reminders, so that header, reminders, the "and N more" line and the
     * outcome line a click adds stay within {@value #MAX_BLOCKS} blocks; the rest are counted in "and N more:
     * {@code /plan mine}".
     */
    public SlackMessage group(ReminderGroup g) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header("🔔 " + g.heading()));
        List<ReminderNotice> reminders = g.reminders();
        int shown = Math.min(reminders.size(), MAX_IN_GROUP);
        for (ReminderNotice r : reminders.subList(0, shown)) {
            String description = r.description().replaceAll("\\s+", " ").strip();
            blocks.add(section(r.icon() + " *" + r.label() + "*  ·  `" + escape(r.taskRef()) + "`  ·  "
                    + escape(r.actionName()) + "\n" + escape(r.text())
                    + (description.isEmpty() ? "" : "\n>" + escapeAndCut(description, DESCRIPTION_IN_GROUP))));
            if (!r.buttons().isEmpty()) {
                blocks.add(buttons(r));
            }
        }
        if (shown < reminders.size()) {
            blocks.add(context("and " + (reminders.size() - shown) + " more: `" + ReminderGroup.MORE + "`"));
        }
        return new SlackMessage(fallback(g.heading() + ": " + g.text()), blocks);
    }

    private static ActionsBlock buttons(ReminderNotice r) {
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
        return ActionsBlock.builder().blockId("reminder:" + r.outboxId()).elements(buttons).build();
    }

    // ---- digests

    /** The digest as one or more messages: see {@link DigestBlocks#messages}. */
    public List<SlackMessage> digest(DigestNotice notice) {
        return DigestBlocks.messages(notice.digest(), notice.heading(), notice.heading() + ": " + notice.text());
    }

    // ---- admin notices

    /** The heading in bold and the text, in one section. */
    public SlackMessage admin(Notice a) {
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
