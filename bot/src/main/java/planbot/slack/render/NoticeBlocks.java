package planbot.slack.render;

import static planbot.slack.SlackText.escapeAndCut;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
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
import java.util.function.Function;
import planbot.delivery.AdminNotice;
import planbot.delivery.Button;
import planbot.delivery.DigestNotice;
import planbot.delivery.Notice;
import planbot.delivery.ReminderNotice;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestBuilder;
import planbot.scheduler.reminder.ReminderKind;
import planbot.answer.ButtonValue;
import planbot.slack.SlackText;
import planbot.domain.UkDates;

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
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);

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

    /**
     * The digest as messages of at most {@value #MAX_BLOCKS} blocks: the first has the header, the period and the
     * counts; lists follow, each a titled run of sections packed line by line up to {@value #MAX_SECTION} chars;
     * a message that would overflow continues in the next, which says it is a continuation. An empty week says
     * so ("a quiet week").
     */
    public List<SlackMessage> digest(DigestNotice notice) {
        Digest d = notice.digest();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header("📊 " + notice.heading()));
        blocks.add(context("From " + MOMENT.format(d.period().from()) + " to " + MOMENT.format(d.period().to())));
        if (d.isQuiet()) {
            blocks.add(section("*A quiet week.* " + escape(Digest.QUIET_TEXT)));
        }
        blocks.add(section("*" + d.totals().total() + " tasks*: " + rag(d.totals()) + "\n*By status:* "
                + escape(statuses(d.totals()))));

        list(blocks, "Overdue", d.overdue().size(), lines(d.overdue(), o -> item(o.task(),
                days(o.daysLate()) + " late (due " + date(o.task().target()) + ")")));
        list(blocks, "Due in the next " + DigestBuilder.DUE_WITHIN_DAYS + " days", d.dueSoon().size(),
                lines(d.dueSoon(), due -> item(due.task(), (due.daysLeft() == 0 ? "due today" : "due in " + days(due.daysLeft()))
                        + " (" + date(due.task().target()) + ")")));
        list(blocks, "Completed", d.completed().size(), lines(d.completed(), done -> item(done.task(),
                "finished " + UkDates.format(done.at().atZone(d.period().to().getZone())))));
        list(blocks, "Slipped", d.slipped().size(), lines(d.slipped(), s -> item(s.task(), date(s.from()) + " → "
                + date(s.to()) + ", slipped " + times(s.timesInTotal()))));
        list(blocks, "Silent owners (no update for " + days(d.silentAfter().toDays()) + " or more)", d.silentOwners().size(),
                lines(d.silentOwners(), o -> "• " + escape(o.owner()) + ": " + o.openTasks() + " open "
                        + (o.openTasks() == 1 ? "task" : "tasks") + ", last update " + days(o.daysSilent()) + " ago"));
        list(blocks, "Target date TBC", d.tbc().size(), lines(d.tbc(), t -> item(t, date(t.target()))));

        return split(blocks, fallback(notice.heading() + ": " + notice.text()), notice.heading());
    }

    private static <T> List<String> lines(List<T> items, Function<T, String> line) {
        List<String> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(line.apply(item));
        }
        return out;
    }

    /** A titled list as sections of whole lines, each within the section limit; nothing when it is empty. */
    private static void list(List<LayoutBlock> blocks, String title, int count, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        blocks.add(DividerBlock.builder().build());
        StringBuilder text = new StringBuilder("*" + escape(title) + " (" + count + ")*");
        for (String line : lines) {
            String fitted = SlackText.cut(line, MAX_SECTION);
            if (text.length() + 1 + fitted.length() > MAX_SECTION) {
                blocks.add(section(text.toString()));
                text.setLength(0);
            }
            text.append(text.length() == 0 ? "" : "\n").append(fitted);
        }
        blocks.add(section(text.toString()));
    }

    /** Packs blocks into messages of at most MAX_BLOCKS, each later one opening with a "continued" line. */
    private static List<SlackMessage> split(List<LayoutBlock> blocks, String text, String heading) {
        List<SlackMessage> out = new ArrayList<>();
        List<LayoutBlock> current = new ArrayList<>();
        for (LayoutBlock b : blocks) {
            if (current.size() == MAX_BLOCKS) {
                out.add(new SlackMessage(out.isEmpty() ? text : continued(heading, out.size() + 1), current));
                current = new ArrayList<>();
                current.add(context(continued(heading, out.size() + 1)));
            }
            current.add(b);
        }
        out.add(new SlackMessage(out.isEmpty() ? text : continued(heading, out.size() + 1), current));
        return out;
    }

    private static String continued(String heading, int part) {
        return fallback(heading + " (continued, part " + part + ")");
    }

    private static String item(Digest.Item t, String detail) {
        String description = t.description().replaceAll("\\s+", " ").strip();
        return "• `" + escape(t.ref()) + "` " + escape(t.owner() == null ? "(no owner)" : t.owner()) + ": " + escape(detail)
                + (description.isEmpty() ? "" : " · " + escapeAndCut(description, DESCRIPTION_IN_LIST));
    }

    private static String rag(Digest.Counts c) {
        String s = ":red_circle: " + c.of(Rag.RED) + " overdue  :large_orange_circle: " + c.of(Rag.AMBER)
                + " at risk  :large_green_circle: " + c.of(Rag.GREEN) + " on track  :large_blue_circle: " + c.of(Rag.BLUE)
                + " done  :white_circle: " + c.of(Rag.GREY) + " closed";
        return c.of(Rag.NONE) > 0 ? s + "  · " + c.of(Rag.NONE) + " without a status" : s;
    }

    private static String statuses(Digest.Counts c) {
        if (c.byStatus().isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        c.byStatus().forEach((word, n) -> s.append(s.length() == 0 ? "" : ", ").append(word).append(' ').append(n));
        return s.toString();
    }

    private static String date(PlanDate d) {
        return d == null ? "no date" : d.display();
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
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
    private static String fallback(String s) {
        return escapeAndCut(s, MAX_TEXT);
    }

    private static HeaderBlock header(String raw) {
        return HeaderBlock.builder().text(plain(raw, MAX_HEADER)).build();
    }

    private static PlainTextObject plain(String raw, int max) {
        return PlainTextObject.builder().text(escapeAndCut(raw, max)).emoji(true).build();
    }

    /** A mrkdwn section of already-escaped text, cut to the limit. */
    private static SectionBlock section(String escaped) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(SlackText.cut(escaped, MAX_SECTION)).build())
                .build();
    }

    private static TextObject field(String label, String raw) {
        return MarkdownTextObject.builder().text(SlackText.cut("*" + label + "*\n" + escape(raw), MAX_FIELD)).build();
    }

    private static ContextBlock context(String escaped) {
        List<ContextBlockElement> elements = List.of(MarkdownTextObject.builder().text(SlackText.cut(escaped, MAX_SECTION)).build());
        return ContextBlock.builder().elements(elements).build();
    }
}
