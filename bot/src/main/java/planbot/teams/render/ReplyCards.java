package planbot.teams.render;

import static planbot.teams.render.Cards.md;
import static planbot.teams.render.Cards.md1;
import static planbot.teams.render.Cards.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
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
import planbot.reply.PlainTextRenderer;
import planbot.reply.Question;
import planbot.reply.Reply;
import planbot.reply.TaskCard;
import planbot.reply.TaskList;
import planbot.reply.TaskView;
import planbot.teams.render.Cards.Card;
import planbot.teams.render.Cards.Size;
import planbot.teams.render.Cards.Style;

/**
 * Renders any {@link Reply} as a Teams message activity: {@code {"type":"message","text":<one-line plain summary>,
 * "attachments":[<one Adaptive Card>]}}. The card shows what {@link PlainTextRenderer} says, the Teams way: the RAG
 * colour as a coloured line and symbol, tasks as lines under a title, history, help, failures plainly. The summary is
 * the first line of the plain rendering (Teams shows an activity's text above its card and in notifications, so the
 * whole text there would say everything twice). Long lists are cut with "… and N more" to stay within
 * Teams' size limits ({@link Cards.Size#fits}); user text shows as typed and mentions nobody.
 *
 * <p>Called by the Teams platform to answer a command. Stateless apart from its zone; thread-safe.
 */
public final class ReplyCards {
    private static final int DESCRIPTION_IN_LIST = 100;
    /** The longest note a Yes button carries: past this, the question says what to type instead. */
    private static final int MAX_NOTE_VALUE = 2000;
    private final DateTimeFormatter when;
    private final PlainTextRenderer plain;
    private final Cardify cardify = new Cardify();

    public ReplyCards(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        this.when = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK).withZone(zone);
        this.plain = new PlainTextRenderer(zone);
    }

    public ObjectNode render(Reply reply) {
        Card card = new Card(summary(reply));
        reply.accept(cardify).accept(card);
        return card.activity();
    }

    /**
     * "Add this as a note?" about one task, with a Yes button that adds it ({@code yes}, a {@link ButtonValue#note}) and
     * a No that {@link CardAction#declined declines}: what the Teams platform answers free text typed after a
     * reminder with. A note too long for a button gets none; the question then says what to type.
     */
    public ObjectNode noteQuestion(Question question, ButtonValue yes) {
        Card card = new Card(summary(question));
        card.add(text("❓ " + md(question.text(), 3000), Style.PLAIN));
        if (yes.encode().length() > MAX_NOTE_VALUE) {
            card.add(text("It is too long for a button: to add it, type note, the task's ref and the text.", Style.SUBTLE));
        } else {
            ObjectNode set = Cards.JSON.createObjectNode().put("type", "ActionSet");
            set.putArray("actions").add(NoticeCards.submit("Yes, add the note", CardAction.data(yes)).put("style", "positive"))
                    .add(NoticeCards.submit("No", CardAction.declineData()));
            card.add(set);
        }
        return card.activity();
    }

    private String summary(Reply reply) {
        String text = plain.render(reply).strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** One reply as the elements of its card. */
    private final class Cardify implements Reply.Visitor<Consumer<Card>> {
        @Override
        public Consumer<Card> visit(TaskCard c) {
            return card -> {
                TaskView t = c.task();
                card.add(text(taskLine(t), Style.HEADING, Cards.color(t.rag())));
                if (!t.description().isEmpty()) {
                    card.add(text(md(t.description(), 3000), Style.PLAIN));
                }
                card.add(Cards.facts("Action", t.actionName() + (t.section().isEmpty() ? "" : " — " + t.section()),
                        "Owner", t.owner() == null ? "nobody named" : t.owner(),
                        "Target date", t.target() == null ? "not set" : t.target().display()));
                if (t.notes() != null) {
                    card.add(text("**Notes**", Style.PLAIN));
                    card.add(text(md(t.notes(), 4000), Style.SUBTLE));
                }
                if (!c.recent().isEmpty()) {
                    lines(card, "Recent", history(c.recent()), c.recent().size());
                }
            };
        }

        @Override
        public Consumer<Card> visit(ActionCard a) {
            return card -> {
                card.add(text(md(a.name() + (a.name().equals(a.key()) ? "" : " (" + a.key() + ")"), 200), Style.HEADING));
                card.add(Cards.facts("Status", a.status() == null ? "none" : a.status().word(), "Lead", a.lead(),
                        "Section", a.section().isEmpty() ? null : a.section()));
                if (!a.recommendation().isEmpty()) {
                    card.add(text("**Recommendation:** " + md(a.recommendation(), 3000), Style.PLAIN));
                }
                lines(card, "Tasks (" + a.tasks().size() + ")", tasks(a.tasks()), a.tasks().size());
            };
        }

        @Override
        public Consumer<Card> visit(TaskList l) {
            return card -> {
                if (l.tasks().isEmpty()) {
                    card.add(text("**" + md(l.title(), 200) + "**", Style.PLAIN));
                    card.add(text(md(l.emptyText(), 500), Style.PLAIN));
                } else {
                    lines(card, l.title() + " (" + l.total() + ")", tasks(l.tasks()), l.total());
                }
            };
        }

        @Override
        public Consumer<Card> visit(HistoryReply h) {
            return card -> {
                if (h.lines().isEmpty()) {
                    card.add(text("**" + md(h.title(), 200) + "**", Style.PLAIN));
                    card.add(text("No changes recorded yet.", Style.PLAIN));
                } else {
                    lines(card, h.title(), history(h.lines()), h.lines().size());
                }
            };
        }

        @Override
        public Consumer<Card> visit(Confirmation c) {
            return card -> {
                card.add(text("✅ " + md(c.text(), 1000), Style.BOLD, "Good"));
                if (c.task() != null) {
                    card.add(text(taskLine(c.task()), Style.PLAIN, Cards.color(c.task().rag())));
                }
                if (c.auditLine() != null) {
                    card.add(text("Recorded: " + md(c.auditLine(), 1000), Style.SUBTLE));
                }
            };
        }

        @Override
        public Consumer<Card> visit(Failure f) {
            return card -> {
                card.add(text("❌ " + md(f.message(), 1000), Style.PLAIN, "Attention"));
                if (!f.suggestions().isEmpty()) {
                    card.add(text("Did you mean: " + md(String.join(", ", f.suggestions()), 1000) + "?", Style.PLAIN));
                }
            };
        }

        @Override
        public Consumer<Card> visit(HelpReply h) {
            return card -> {
                List<ObjectNode> entries = new ArrayList<>();
                h.entries().forEach(e -> entries.add(text("**" + md(e.usage(), 200) + "** — " + md(e.description(), 500), Style.LINE)));
                lines(card, h.title(), entries, entries.size());
            };
        }

        @Override
        public Consumer<Card> visit(Question q) {
            return card -> {
                List<String> labels = new ArrayList<>();
                q.choices().forEach(c -> labels.add(c.label()));
                card.add(text("❓ " + md(q.text(), 3000), Style.PLAIN));
                card.add(text("Answer yes or no (" + md(String.join(" / ", labels), 200) + ").", Style.SUBTLE));
            };
        }

        /** The card the posted digest has, under a header that says it is a preview (a preview has no chart). */
        @Override
        public Consumer<Card> visit(DigestReply d) {
            return card -> DigestCard.fill(card, d.digest(), "Digest preview: " + d.digest().scope().describe(), new byte[0], Size.NONE);
        }

        @Override
        public Consumer<Card> visit(Listing l) {
            return card -> {
                if (l.lines().isEmpty()) {
                    card.add(text(md(l.emptyText(), 1000), Style.PLAIN));
                    return;
                }
                List<ObjectNode> lines = new ArrayList<>();
                l.lines().forEach(line -> lines.add(text(md(line, 500), Style.LINE)));
                lines(card, l.title(), lines, lines.size());
            };
        }

        /** The text, then an Action.OpenUrl button: the URL is a property, never markdown (which would escape its {@code _}). */
        @Override
        public Consumer<Card> visit(LinkReply l) {
            return card -> {
                card.add(text(md(l.text(), 1000), Style.PLAIN));
                ObjectNode set = Cards.JSON.createObjectNode().put("type", "ActionSet");
                set.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", Cards.cut(l.label(), 40))
                        .put("url", l.url().toASCIIString());
                card.add(set);
            };
        }
    }

    /** A bold title, then as many of {@code lines} as fit, then "… and N more" when {@code total} exceeds those shown. */
    private static void lines(Card card, String title, List<ObjectNode> lines, int total) {
        card.add(text("**" + md(title, 200) + "**", Style.PLAIN));
        Size reserve = Size.ofElement(text("… and " + total + " more", Style.SUBTLE));
        int shown = 0;
        for (ObjectNode line : lines) {
            if (!card.add(line, reserve)) {
                break;
            }
            shown++;
        }
        if (total > shown) {
            card.add(text("… and " + (total - shown) + " more", Style.SUBTLE));
        }
    }

    /** Each task as a line in its RAG colour, with the start of its description under it. */
    private static List<ObjectNode> tasks(List<TaskView> tasks) {
        List<ObjectNode> out = new ArrayList<>(tasks.size());
        for (TaskView t : tasks) {
            String desc = t.description().replaceAll("\\s+", " ").strip();
            ObjectNode line = text(taskLine(t) + (desc.isEmpty() ? "" : "\n\n" + md1(desc, DESCRIPTION_IN_LIST)), Style.LINE,
                    Cards.color(t.rag()));
            out.add(line);
        }
        return out;
    }

    private List<ObjectNode> history(List<HistoryLine> history) {
        List<ObjectNode> out = new ArrayList<>(history.size());
        history.forEach(h -> out.add(text(when.format(h.at()) + " · " + md1(h.actor(), 100) + " (" + md1(h.source(), 40) + "): "
                + md(h.what(), 500), Style.LINE)));
        return out;
    }

    /** "🔴 **EN003/01** · At risk (3 days late) · due 30/06/2023 · Olivia", escaped. */
    static String taskLine(TaskView t) {
        StringBuilder s = new StringBuilder();
        s.append(Cards.symbol(t.rag())).append(" **").append(md1(t.ref(), 60)).append("** · ")
                .append(t.status() == null ? "no status" : md1(t.status().word(), 60));
        if (t.rag() == Rag.RED && t.daysOverdue() > 0) {
            s.append(" (").append(t.daysOverdue()).append(t.daysOverdue() == 1 ? " day late)" : " days late)");
        }
        s.append(" · due ").append(t.target() == null ? "not set" : md1(t.target().display(), 100));
        if (t.owner() != null) {
            s.append(" · ").append(md1(t.owner(), 100));
        }
        return s.toString();
    }
}
