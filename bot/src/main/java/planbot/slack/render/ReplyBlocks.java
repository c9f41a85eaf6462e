package planbot.slack.render;

import static planbot.slack.SlackText.cut;
import static planbot.slack.SlackText.escape;
import static planbot.slack.SlackText.escapeAndCut;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import planbot.domain.Rag;
import planbot.reply.ActionCard;
import planbot.reply.Confirmation;
import planbot.reply.DigestReply;
import planbot.reply.Failure;
import planbot.reply.HelpReply;
import planbot.reply.HistoryLine;
import planbot.reply.HistoryReply;
import planbot.reply.LinkReply;
import planbot.reply.Listing;
import planbot.reply.PlainTextRenderer;
import planbot.reply.Question;
import planbot.reply.Reply;
import planbot.reply.TaskCard;
import planbot.reply.TaskList;
import planbot.reply.TaskView;

/**
 * Renders a command's {@link Reply} as one Block Kit {@link SlackMessage}: the same facts as
 * {@link PlainTextRenderer}, with the RAG colour as an emoji. All user text is escaped ({@code <!channel>} typed
 * into a task cannot ping); every section stays under Slack's 3000 chars and a message under 50 blocks, so long
 * lists are cut with "… and N more". The digest preview has the blocks of the posted digest ({@link DigestBlocks}).
 *
 * <p>Called by the {@code /plan} handler for the answer it acks with or posts to {@code response_url}. Thread-safe.
 */
public final class ReplyBlocks {
    /** Blocks kept free at the end of a list for its "… and N more" line. */
    private static final int RESERVED = 1;
    private static final int DESCRIPTION_IN_LIST = 100;
    private final DateTimeFormatter when;
    private final Messages messages = new Messages();

    public ReplyBlocks(ZoneId zone) {
        this.when = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK).withZone(Objects.requireNonNull(zone, "zone"));
    }

    public SlackMessage render(Reply reply) {
        return reply.accept(messages);
    }

    /** One reply as one message; each method ends with {@link Blocks#message}, which adds the fallback text. */
    private final class Messages implements Reply.Visitor<SlackMessage> {
        @Override
        public SlackMessage visit(TaskCard c) {
            Blocks b = new Blocks();
            TaskView t = c.task();
            b.section(taskLine(t) + (t.description().isEmpty() ? "" : "\n" + escape(t.description())));
            StringBuilder more = new StringBuilder("*Action:* " + escape(t.actionName()));
            if (!t.section().isEmpty()) {
                more.append(" — ").append(escape(t.section()));
            }
            if (t.notes() != null) {
                more.append("\n*Notes:* ").append(escape(t.notes()));
            }
            b.section(more.toString());
            if (!c.recent().isEmpty()) {
                b.lines("*Recent*", historyLines(c.recent()), c.recent().size());
            }
            return b.message(t.ref() + ": " + (t.status() == null ? "no status" : t.status().word()));
        }

        @Override
        public SlackMessage visit(ActionCard a) {
            Blocks b = new Blocks();
            b.header(a.name() + (a.name().equals(a.key()) ? "" : " (" + a.key() + ")"));
            StringBuilder about = new StringBuilder();
            about.append("*Status:* ").append(a.status() == null ? "none" : escape(a.status().word()));
            if (a.lead() != null) {
                about.append("   *Lead:* ").append(escape(a.lead()));
            }
            if (!a.section().isEmpty()) {
                about.append("\n*Section:* ").append(escape(a.section()));
            }
            if (!a.recommendation().isEmpty()) {
                about.append("\n*Recommendation:* ").append(escape(a.recommendation()));
            }
            b.section(about.toString());
            b.lines("*Tasks (" + a.tasks().size() + ")*", taskLines(a.tasks()), a.tasks().size());
            return b.message(a.name() + (a.status() == null ? "" : ": " + a.status().word()));
        }

        @Override
        public SlackMessage visit(TaskList l) {
            Blocks b = new Blocks();
            if (l.tasks().isEmpty()) {
                b.section("*" + escape(l.title()) + "*\n" + escape(l.emptyText()));
            } else {
                b.lines("*" + escape(l.title()) + " (" + l.total() + ")*", taskLines(l.tasks()), l.total());
            }
            return b.message(l.title() + (l.total() > 0 ? " (" + l.total() + ")" : ""));
        }

        @Override
        public SlackMessage visit(HistoryReply h) {
            Blocks b = new Blocks();
            if (h.lines().isEmpty()) {
                b.section("*" + escape(h.title()) + "*\nNo changes recorded yet.");
            } else {
                b.lines("*" + escape(h.title()) + "*", historyLines(h.lines()), h.lines().size());
            }
            return b.message(h.title());
        }

        @Override
        public SlackMessage visit(Confirmation c) {
            Blocks b = new Blocks();
            b.section(":white_check_mark: " + escape(c.text()) + (c.task() == null ? "" : "\n" + taskLine(c.task())));
            if (c.auditLine() != null) {
                b.context("Recorded: " + escape(c.auditLine()));
            }
            return b.message("✓ " + c.text());
        }

        @Override
        public SlackMessage visit(Failure f) {
            Blocks b = new Blocks();
            List<String> refs = new ArrayList<>();
            f.suggestions().forEach(s -> refs.add("`" + escape(s) + "`"));
            b.section(":x: " + escape(f.message()) + (refs.isEmpty() ? "" : "\nDid you mean: " + String.join(", ", refs) + "?"));
            return b.message("✗ " + f.message());
        }

        @Override
        public SlackMessage visit(HelpReply h) {
            Blocks b = new Blocks();
            List<String> lines = new ArrayList<>();
            h.entries().forEach(e -> lines.add("`" + escape(e.usage()) + "`\n      " + escape(e.description())));
            b.lines("*" + escape(h.title()) + "*", lines, lines.size());
            return b.message(h.title());
        }

        @Override
        public SlackMessage visit(Question q) {
            Blocks b = new Blocks();
            List<String> labels = new ArrayList<>();
            q.choices().forEach(c -> labels.add(escape(c.label())));
            b.section(":question: " + escape(q.text()) + "\nAnswer yes or no (" + String.join(" / ", labels) + ").");
            return b.message("? " + q.text());
        }

        /**
         * The blocks the posted digest has, under a header that says it is a preview. An answer is one message: a
         * digest long enough to be posted in parts is shown up to where its first part ends, with a line saying so.
         */
        @Override
        public SlackMessage visit(DigestReply d) {
            String heading = "Digest preview: " + d.digest().scope().describe();
            List<SlackMessage> parts = DigestBlocks.messages(d.digest(), heading, heading);
            SlackMessage first = parts.get(0);
            if (parts.size() == 1) {
                return first;
            }
            List<LayoutBlock> blocks = new ArrayList<>(first.blocks().subList(0, first.blocks().size() - 1));
            blocks.add(NoticeBlocks.context("… the posted digest goes on in " + (parts.size() - 1)
                    + (parts.size() == 2 ? " more message" : " more messages")));
            return new SlackMessage(first.text(), blocks);
        }

        @Override
        public SlackMessage visit(Listing l) {
            Blocks b = new Blocks();
            if (l.lines().isEmpty()) {
                b.section("*" + escape(l.title()) + "*\n" + escape(l.emptyText()));
            } else {
                List<String> lines = new ArrayList<>();
                l.lines().forEach(line -> lines.add(escape(line)));
                b.lines("*" + escape(l.title()) + "*", lines, lines.size());
            }
            return b.message(l.title());
        }

        /**
         * Slack's {@code <url|label>}: a URL needs no escaping inside it (an http(s) URI holds no {@code <}, {@code >} or
         * {@code |}), and mrkdwn formatting does not apply there. The fallback text leaves the URL out: it shows in
         * notifications.
         */
        @Override
        public SlackMessage visit(LinkReply l) {
            Blocks b = new Blocks();
            b.section(escape(l.text()) + "\n<" + l.url().toASCIIString() + "|" + escape(l.label()) + ">");
            return b.message(l.text());
        }
    }

    /** "🔴 `EN003/01` *At risk* — due 30/06/2023 — Olivia" with the description's start, escaped. */
    private static String taskLine(TaskView t) {
        StringBuilder s = new StringBuilder();
        s.append(emoji(t.rag())).append(" `").append(escape(t.ref())).append("` *")
                .append(t.status() == null ? "no status" : escape(t.status().word())).append('*');
        if (t.rag() == Rag.RED && t.daysOverdue() > 0) {
            s.append(" (").append(t.daysOverdue()).append(t.daysOverdue() == 1 ? " day late)" : " days late)");
        }
        s.append(" — due ").append(t.target() == null ? "not set" : escape(t.target().display()));
        if (t.owner() != null) {
            s.append(" — ").append(escape(t.owner()));
        }
        return s.toString();
    }

    private static List<String> taskLines(List<TaskView> tasks) {
        List<String> lines = new ArrayList<>(tasks.size());
        for (TaskView t : tasks) {
            String desc = t.description().replaceAll("\\s+", " ").strip();
            lines.add(taskLine(t) + (desc.isEmpty() ? "" : "\n      " + escapeAndCut(desc, DESCRIPTION_IN_LIST)));
        }
        return lines;
    }

    private List<String> historyLines(List<HistoryLine> history) {
        List<String> lines = new ArrayList<>(history.size());
        history.forEach(h -> lines.add(when.format(h.at()) + "  " + escape(h.actor()) + " (" + escape(h.source()) + "): "
                + escape(h.what())));
        return lines;
    }

    /** The RAG colour as Slack emoji (the same circles the digest uses). */
    static String emoji(Rag rag) {
        switch (rag) {
            case RED: return ":red_circle:";
            case AMBER: return ":large_orange_circle:";
            case GREEN: return ":large_green_circle:";
            case BLUE: return ":large_blue_circle:";
            case GREY: return ":white_circle:";
            default: return ":black_circle:";
        }
    }

    /** Blocks under construction, kept within Slack's limits. */
    private static final class Blocks {
        final List<LayoutBlock> blocks = new ArrayList<>();

        /** The message: these blocks and {@code text} (raw) as its fallback. */
        SlackMessage message(String text) {
            return new SlackMessage(escapeAndCut(PlainTextRenderer.visibleControls(text), NoticeBlocks.MAX_SECTION), blocks);
        }

        void header(String raw) {
            blocks.add(HeaderBlock.builder().text(PlainTextObject.builder()
                    .text(cut(PlainTextRenderer.visibleControls(raw), NoticeBlocks.MAX_HEADER)).emoji(true).build()).build());
        }

        /** A section of escaped mrkdwn, cut to the section limit. */
        void section(String escaped) {
            blocks.add(SectionBlock.builder().text(MarkdownTextObject.builder()
                    .text(cut(PlainTextRenderer.visibleControls(escaped), NoticeBlocks.MAX_SECTION)).build()).build());
        }

        void context(String escaped) {
            List<ContextBlockElement> elements = List.of(MarkdownTextObject.builder()
                    .text(cut(PlainTextRenderer.visibleControls(escaped), NoticeBlocks.MAX_SECTION)).build());
            blocks.add(ContextBlock.builder().elements(elements).build());
        }

        /**
         * A title and escaped lines, packed whole into sections of at most 3000 chars; when the blocks run out,
         * or {@code total} is more than the lines given, the last block says how many more there are.
         */
        void lines(String title, List<String> lines, int total) {
            StringBuilder text = new StringBuilder(title);
            int shown = 0;
            for (String line : lines) {
                String fitted = cut(line, NoticeBlocks.MAX_SECTION);
                if (text.length() + 1 + fitted.length() > NoticeBlocks.MAX_SECTION) {
                    if (blocks.size() + 1 + RESERVED >= NoticeBlocks.MAX_BLOCKS) {
                        break;
                    }
                    section(text.toString());
                    text.setLength(0);
                }
                text.append(text.length() == 0 ? "" : "\n").append(fitted);
                shown++;
            }
            section(text.toString());
            if (total > shown) {
                context("… and " + (total - shown) + " more");
            }
        }
    }
}
