package planbot.discord.render;

import static planbot.discord.render.DiscordText.escape;
import static planbot.discord.render.DiscordText.line;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import planbot.answer.ButtonValue;
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
import planbot.reply.Question;
import planbot.reply.Reply;
import planbot.reply.TaskCard;
import planbot.reply.TaskList;
import planbot.reply.TaskView;

/**
 * Renders any {@link Reply} as Discord message bodies ({@code {"content":"", "embeds":[…], "components":[],
 * "allowed_mentions":{"parse":[]}}}): embeds coloured by RAG, a task's facts as fields, lists and history as lines,
 * help, questions, failures plainly. Every body keeps within Discord's limits ({@link Pages}); user text is escaped
 * ({@link DiscordText}) and mentions nobody. Whether the reply is ephemeral is the caller's to say when it answers the
 * interaction: {@link #flags}.
 *
 * <p>Called by the Discord interaction handler. Stateless apart from its zone; thread-safe.
 */
public final class ReplyEmbeds {
    /** The interaction response flag that shows a message only to the person who asked. */
    public static final int EPHEMERAL = 64;
    /** How many messages one reply may take in {@link #renderAll}; past those, "and N more". */
    static final int MAX_MESSAGES = 3;
    static final int BLURPLE = 0x5865F2;
    private static final int DESCRIPTION_IN_LIST = 100;
    private final DateTimeFormatter when;

    public ReplyEmbeds(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        this.when = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK).withZone(zone);
    }

    /** {@link #EPHEMERAL} for a lookup only the asker should see, 0 for a reply to the whole channel. */
    public static int flags(Reply reply) {
        return reply.visibleToChannel() ? 0 : EPHEMERAL;
    }

    /** The reply as one message body; what does not fit one message is cut with "and N more". */
    public ObjectNode render(Reply reply) {
        return draw(reply, 1).get(0);
    }

    /**
     * The reply as one or more message bodies, in order (at most {@value #MAX_MESSAGES}, past which "and N more"): the
     * first answers the interaction, the others follow it.
     */
    public List<ObjectNode> renderAll(Reply reply) {
        return draw(reply, MAX_MESSAGES);
    }

    /**
     * "Add this as a note?" about one task, with a Yes button that adds it ({@code yes}, a {@link ButtonValue#note}) and a
     * No ({@link ComponentIds#NO}). A note too long for a custom_id gets no buttons; the question then says what to type.
     */
    public ObjectNode noteQuestion(Question question, ButtonValue yes) {
        Pages pages = new Pages(1);
        pages.section("❓ Add a note?", BLURPLE);
        pages.text(escape(question.text()));
        ObjectNode body = pages.bodies().get(0);
        if (ComponentIds.fits(yes)) {
            ArrayNode row = body.withArray("components").addObject().put("type", 1).putArray("components");
            row.add(button("Yes, add the note", 3, ComponentIds.encode(yes)));
            row.add(button("No", 2, ComponentIds.NO));
        } else {
            pages.footer("It is too long for a button: to add it, use /plan note with the task's ref and the text.");
        }
        return body;
    }

    private List<ObjectNode> draw(Reply reply, int maxMessages) {
        Pages pages = new Pages(maxMessages);
        reply.accept(new Draw(pages));
        return pages.bodies();
    }

    /** One reply as sections of {@link Pages}. */
    private final class Draw implements Reply.Visitor<Void> {
        private final Pages pages;

        Draw(Pages pages) {
            this.pages = pages;
        }

        @Override
        public Void visit(TaskCard c) {
            TaskView t = c.task();
            pages.section(title(t), color(t.rag()));
            pages.text(escape(t.description()));
            pages.field("Action", line(t.actionName() + (t.section().isEmpty() ? "" : " — " + t.section()), 1024), false);
            pages.field("Owner", t.owner() == null ? "nobody named" : line(t.owner(), 1024), true);
            pages.field("Target date", t.target() == null ? "not set" : line(t.target().display(), 1024), true);
            pages.field("Status", status(t), true);
            if (t.notes() != null) {
                pages.field("Notes", escape(t.notes()), false);
            }
            if (!c.recent().isEmpty()) {
                pages.field("Recent", list(history(c.recent()), c.recent().size(), pages.fieldRoom("Recent")), false);
            }
            return null;
        }

        @Override
        public Void visit(ActionCard a) {
            pages.section(line(a.name() + (a.name().equals(a.key()) ? "" : " (" + a.key() + ")"), Pages.TITLE), BLURPLE);
            pages.text(a.recommendation().isEmpty() ? "" : "**Recommendation:** " + escape(a.recommendation()));
            pages.field("Status", a.status() == null ? "none" : line(a.status().word(), 200), true);
            if (a.lead() != null) {
                pages.field("Lead", line(a.lead(), 200), true);
            }
            if (!a.section().isEmpty()) {
                pages.field("Section", line(a.section(), 200), true);
            }
            pages.section("Tasks (" + a.tasks().size() + ")", worst(a.tasks()));
            pages.lines(tasks(a.tasks()), a.tasks().size(), "");
            return null;
        }

        @Override
        public Void visit(TaskList l) {
            pages.section(line(l.title(), 200) + (l.total() > 0 ? " (" + l.total() + ")" : ""), worst(l.tasks()));
            if (l.tasks().isEmpty()) {
                pages.text(escape(l.emptyText()));
            }
            pages.lines(tasks(l.tasks()), l.total(), "");
            return null;
        }

        @Override
        public Void visit(HistoryReply h) {
            pages.section(line(h.title(), 200), BLURPLE);
            if (h.lines().isEmpty()) {
                pages.text("No changes recorded yet.");
            }
            pages.lines(history(h.lines()), h.lines().size(), "");
            return null;
        }

        @Override
        public Void visit(Confirmation c) {
            pages.section("✅ " + line(c.text(), 240), color(Rag.GREEN));
            List<String> parts = new ArrayList<>();
            if (c.task() != null) {
                parts.add(taskLine(c.task()));
            }
            if (c.auditLine() != null) {
                parts.add("Recorded: " + escape(c.auditLine()));
            }
            pages.text(String.join("\n", parts));
            return null;
        }

        @Override
        public Void visit(Failure f) {
            pages.section(f.kind() == Failure.Kind.OURS ? "❌ Something went wrong" : "❌ Not done", color(Rag.RED));
            pages.text(escape(f.message()) + (f.suggestions().isEmpty() ? ""
                    : "\nDid you mean: " + escape(String.join(", ", f.suggestions())) + "?"));
            return null;
        }

        @Override
        public Void visit(HelpReply h) {
            pages.section(line(h.title(), 200), BLURPLE);
            List<String> lines = new ArrayList<>();
            h.entries().forEach(e -> lines.add("**" + line(e.usage(), 200) + "** — " + line(e.description(), 500)));
            pages.lines(lines, lines.size(), "");
            return null;
        }

        @Override
        public Void visit(Question q) {
            List<String> labels = new ArrayList<>();
            q.choices().forEach(c -> labels.add(c.label()));
            pages.section("❓ A question", BLURPLE);
            pages.text(escape(q.text()) + "\nAnswer yes or no (" + line(String.join(" / ", labels), 200) + ").");
            return null;
        }

        @Override
        public Void visit(DigestReply d) {
            DigestEmbed.fill(pages, d.digest(), "Digest preview: " + d.digest().scope().describe(), null);
            return null;
        }

        @Override
        public Void visit(Listing l) {
            pages.section(line(l.lines().isEmpty() ? l.emptyText() : l.title(), 200), BLURPLE);
            List<String> lines = new ArrayList<>();
            l.lines().forEach(s -> lines.add(line(s, 500)));
            pages.lines(lines, lines.size(), "");
            return null;
        }

        /** The text, then a masked link {@code [label](url)}: the URL as given, not through the markdown escaping. */
        @Override
        public Void visit(LinkReply l) {
            pages.section(line(l.label(), 200), BLURPLE);
            pages.text(escape(l.text()) + "\n[" + escape(l.label()) + "](" + l.url().toASCIIString() + ")");
            return null;
        }
    }

    /** Lines joined under {@code room} characters, ending with "… and N more" when not all fit. */
    static String list(List<String> lines, int total, int room) {
        StringBuilder b = new StringBuilder();
        int shown = 0;
        for (String l : lines) {
            String more = "\n… and " + (total - shown - 1) + " more";
            if (b.length() + 1 + l.length() + (shown + 1 < total ? more.length() : 0) > room) {
                break;
            }
            b.append(b.length() == 0 ? "" : "\n").append(l);
            shown++;
        }
        if (shown < total) {
            b.append(b.length() == 0 ? "" : "\n").append("… and ").append(total - shown).append(" more");
        }
        return DiscordText.cut(b.toString(), room);
    }

    private List<String> history(List<HistoryLine> lines) {
        List<String> out = new ArrayList<>(lines.size());
        lines.forEach(h -> out.add(when.format(h.at()) + " · " + line(h.actor(), 100) + " (" + line(h.source(), 40) + "): "
                + line(h.what(), 500)));
        return out;
    }

    /** Each task as a line: its {@link #taskLine} and the start of its description. */
    private static List<String> tasks(List<TaskView> tasks) {
        List<String> out = new ArrayList<>(tasks.size());
        for (TaskView t : tasks) {
            String desc = line(t.description(), DESCRIPTION_IN_LIST);
            out.add(taskLine(t) + (desc.isEmpty() ? "" : "\n   " + desc));
        }
        return out;
    }

    /** "🔴 **EN003/01** · At risk (3 days late) · due 30/06/2023 · Olivia", escaped. */
    static String taskLine(TaskView t) {
        StringBuilder s = new StringBuilder();
        s.append(symbol(t.rag())).append(" **").append(line(t.ref(), 60)).append("** · ").append(status(t));
        s.append(" · due ").append(t.target() == null ? "not set" : line(t.target().display(), 100));
        if (t.owner() != null) {
            s.append(" · ").append(line(t.owner(), 100));
        }
        return s.toString();
    }

    private static String title(TaskView t) {
        return symbol(t.rag()) + " " + line(t.ref(), 60) + " · " + status(t);
    }

    /** "At risk", "no status", with "(3 days late)" when red and late; escaped. */
    private static String status(TaskView t) {
        String s = t.status() == null ? "no status" : line(t.status().word(), 60);
        if (t.rag() == Rag.RED && t.daysOverdue() > 0) {
            s += " (" + t.daysOverdue() + (t.daysOverdue() == 1 ? " day late)" : " days late)");
        }
        return s;
    }

    /** The colour of the most pressing task of a list: red, amber, green, blue, grey in that order. */
    private static Integer worst(List<TaskView> tasks) {
        for (Rag rag : new Rag[] {Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.GREY}) {
            for (TaskView t : tasks) {
                if (t.rag() == rag) {
                    return color(rag);
                }
            }
        }
        return BLURPLE;
    }

    /** The RAG colour as an embed colour. */
    static Integer color(Rag rag) {
        switch (rag) {
            case RED: return 0xED4245;
            case AMBER: return 0xF0A020;
            case GREEN: return 0x57F287;
            case BLUE: return 0x3498DB;
            case GREY: return 0x99AAB5;
            default: return BLURPLE;
        }
    }

    /** The RAG colour as the symbol a line starts with (as on Slack and Teams). */
    static String symbol(Rag rag) {
        switch (rag) {
            case RED: return "🔴";
            case AMBER: return "🟠";
            case GREEN: return "🟢";
            case BLUE: return "🔵";
            case GREY: return "⚪";
            default: return "⚫";
        }
    }

    /** A button (type 2) with a label (plain text, as Discord shows it), a style (1 primary, 2 secondary, 3 success, 4 danger) and a custom_id. */
    static ObjectNode button(String label, int style, String customId) {
        return Json.object().put("type", 2).put("style", style).put("label", DiscordText.plain(label, 80))
                .put("custom_id", customId);
    }
}
