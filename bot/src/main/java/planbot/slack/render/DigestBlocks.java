package planbot.slack.render;

import static planbot.slack.SlackText.escape;
import static planbot.slack.SlackText.escapeAndCut;
import static planbot.slack.render.NoticeBlocks.MAX_BLOCKS;
import static planbot.slack.render.NoticeBlocks.MAX_SECTION;
import static planbot.slack.render.NoticeBlocks.context;
import static planbot.slack.render.NoticeBlocks.fallback;
import static planbot.slack.render.NoticeBlocks.header;
import static planbot.slack.render.NoticeBlocks.section;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import planbot.domain.PlanDate;
import planbot.domain.Rag;
import planbot.domain.UkDates;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestBuilder;
import planbot.scheduler.digest.DigestChart;
import planbot.slack.SlackText;

/**
 * A weekly {@link Digest} as Block Kit, one layout for both the posted digest ({@link NoticeBlocks}) and its
 * {@code /plan digest preview} ({@link ReplyBlocks}), so that the preview looks like what will be posted. Keeps to
 * the limits {@link NoticeBlocks} names and escapes every piece of user text. Stateless and thread-safe.
 */
final class DigestBlocks {
    private static final int DESCRIPTION_IN_LIST = 80;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);

    private DigestBlocks() {
    }

    /**
     * The digest as messages of at most {@value NoticeBlocks#MAX_BLOCKS} blocks: the first has the header, the period
     * and the counts; lists follow, each a titled run of sections packed line by line up to
     * {@value NoticeBlocks#MAX_SECTION} chars; a message that would overflow continues in the next, which says it is a
     * continuation. An empty week says so ("a quiet week"). The chart ({@link DigestChart}) is not a block: the
     * messenger uploads it.
     *
     * @param heading  the header, raw ("Weekly digest: all plans")
     * @param fallback the first message's notification text, raw
     */
    static List<SlackMessage> messages(Digest d, String heading, String fallback) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header("📊 " + heading));
        blocks.add(context("From " + MOMENT.format(d.period().from()) + " to " + MOMENT.format(d.period().to())));
        if (d.isQuiet()) {
            blocks.add(section("*A quiet week.* " + escape(Digest.QUIET_TEXT)));
        }
        blocks.add(section("*" + d.totals().total() + " tasks*: " + rag(d.totals()) + "\n*By status:* "
                + escape(d.totals().statusLine())));

        list(blocks, "Overdue", d.overdue().size(), lines(d.overdue(), o -> item(o.task(),
                days(o.daysLate()) + " late (due " + due(o.task().target()) + ")")));
        list(blocks, "Due in the next " + DigestBuilder.DUE_WITHIN_DAYS + " days", d.dueSoon().size(),
                lines(d.dueSoon(), due -> item(due.task(), (due.daysLeft() == 0 ? "due today" : "due in " + days(due.daysLeft()))
                        + " (" + due(due.task().target()) + ")")));
        list(blocks, "Completed", d.completed().size(), lines(d.completed(), done -> item(done.task(),
                "finished " + UkDates.format(done.at().atZone(d.period().to().getZone())))));
        list(blocks, "Slipped", d.slipped().size(), lines(d.slipped(), s -> item(s.task(), date(s.from()) + " → "
                + date(s.to()) + ", slipped " + times(s.timesInTotal()))));
        list(blocks, "Silent owners (no update for " + days(d.silentAfter().toDays()) + " or more)", d.silentOwners().size(),
                lines(d.silentOwners(), o -> "• " + escape(o.owner()) + ": " + o.openTasks() + " open "
                        + (o.openTasks() == 1 ? "task" : "tasks") + ", last update " + days(o.daysSilent()) + " ago"));
        list(blocks, "Target date TBC", d.tbc().size(), lines(d.tbc(), t -> item(t, date(t.target()))));

        return split(blocks, fallback(fallback), heading);
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

    private static String due(PlanDate d) {
        return d == null ? "no date" : d.due();
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
}
