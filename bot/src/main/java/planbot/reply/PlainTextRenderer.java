package planbot.reply;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import planbot.domain.Rag;
import planbot.scheduler.digest.DigestText;

/**
 * Renders any {@link Reply} as plain text for the console and for platforms' plain fallbacks. User text is
 * written as typed, except that control characters (but line breaks and tabs) are shown as symbols, so that
 * stored text cannot drive a terminal; chat renderers escape platform markup on their own.
 *
 * <p>Thread-safe and stateless apart from the zone used to show times.
 */
public final class PlainTextRenderer {
    private final DateTimeFormatter when;
    private final Text text = new Text();

    public PlainTextRenderer(ZoneId zone) {
        this.when = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK).withZone(zone);
    }

    public String render(Reply reply) {
        return visibleControls(reply.accept(text));
    }

    /** One reply as text, before its control characters are made visible. */
    private final class Text implements Reply.Visitor<String> {
        @Override
        public String visit(TaskCard c) {
            StringBuilder b = new StringBuilder();
            task(b, c.task(), true, "");
            if (!c.recent().isEmpty()) {
                b.append("    Recent:\n");
                for (HistoryLine h : c.recent()) {
                    b.append("      ").append(line(h)).append('\n');
                }
            }
            return b.toString();
        }

        @Override
        public String visit(ActionCard a) {
            StringBuilder b = new StringBuilder();
            b.append(a.name());
            if (!a.name().equals(a.key())) {
                b.append(" (").append(a.key()).append(')');
            }
            if (a.status() != null) {
                b.append(" — ").append(a.status().word());
            }
            b.append('\n');
            if (!a.section().isEmpty()) {
                b.append("  Section: ").append(a.section()).append('\n');
            }
            if (a.lead() != null) {
                b.append("  Lead: ").append(a.lead()).append('\n');
            }
            if (!a.recommendation().isEmpty()) {
                b.append("  Recommendation: ").append(a.recommendation().replace("\n", "\n    ")).append('\n');
            }
            b.append("  Tasks (").append(a.tasks().size()).append("):\n");
            for (TaskView t : a.tasks()) {
                task(b, t, false, "    ");
            }
            return b.toString();
        }

        @Override
        public String visit(TaskList l) {
            StringBuilder b = new StringBuilder();
            b.append(l.title()).append(l.total() > 0 ? " (" + l.total() + ")" : "").append('\n');
            if (l.tasks().isEmpty()) {
                b.append("  ").append(l.emptyText()).append('\n');
            }
            for (TaskView t : l.tasks()) {
                task(b, t, false, "  ");
            }
            if (l.total() > l.tasks().size()) {
                b.append("  … and ").append(l.total() - l.tasks().size()).append(" more\n");
            }
            return b.toString();
        }

        @Override
        public String visit(HistoryReply h) {
            StringBuilder b = new StringBuilder();
            b.append(h.title()).append('\n');
            if (h.lines().isEmpty()) {
                b.append("  No changes recorded yet.\n");
            }
            for (HistoryLine l : h.lines()) {
                b.append("  ").append(line(l)).append('\n');
            }
            return b.toString();
        }

        @Override
        public String visit(Confirmation c) {
            StringBuilder b = new StringBuilder();
            b.append("✓ ").append(c.text()).append('\n');
            if (c.task() != null) {
                task(b, c.task(), false, "  ");
            }
            if (c.auditLine() != null) {
                b.append("  Recorded: ").append(c.auditLine()).append('\n');
            }
            return b.toString();
        }

        @Override
        public String visit(Failure f) {
            StringBuilder b = new StringBuilder();
            b.append("✗ ").append(f.message()).append('\n');
            if (!f.suggestions().isEmpty()) {
                b.append("  Did you mean: ").append(String.join(", ", f.suggestions())).append('\n');
            }
            return b.toString();
        }

        @Override
        public String visit(HelpReply h) {
            StringBuilder b = new StringBuilder();
            b.append(h.title()).append('\n');
            for (HelpReply.Entry e : h.entries()) {
                b.append("  ").append(e.usage()).append("\n      ").append(e.description()).append('\n');
            }
            return b.toString();
        }

        @Override
        public String visit(Question q) {
            List<String> labels = new ArrayList<>();
            q.choices().forEach(c -> labels.add(c.label()));
            return "? " + q.text() + "\n  Answer yes or no (" + String.join(" / ", labels) + ").\n";
        }

        @Override
        public String visit(DigestReply d) {
            return DigestText.render(d.digest());
        }

        @Override
        public String visit(Listing l) {
            StringBuilder b = new StringBuilder();
            b.append(l.lines().isEmpty() ? l.emptyText() : l.title()).append('\n');
            l.lines().forEach(line -> b.append("  ").append(line).append('\n'));
            return b.toString();
        }

        /** The text, then the URL alone on its line (a terminal or chat turns it into a link as it is). */
        @Override
        public String visit(LinkReply l) {
            return l.text() + "\n  " + l.url() + "\n";
        }
    }

    /**
     * The text with control characters other than line breaks and tabs shown as symbols (ESC as ␛, BEL as ␇):
     * a note typed on one platform must not recolour, clear or ring someone's terminal.
     */
    public static String visibleControls(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            } else if (c < 0x20) {
                out.append((char) (0x2400 + c));
            } else if (c == 0x7F) {
                out.append('\u2421');
            } else {
                out.append('\uFFFD');
            }
        }
        return out.toString();
    }

    /** One task: its line at {@code indent}, then its details four spaces further in. */
    private void task(StringBuilder b, TaskView t, boolean full, String indent) {
        String details = indent + "    ";
        b.append(indent).append(t.ref()).append("  [").append(rag(t)).append("] ");
        b.append(t.status() == null ? "no status" : t.status().word());
        b.append(" — due ").append(t.target() == null ? "not set" : t.target().display());
        if (t.owner() != null) {
            b.append(" — ").append(t.owner());
        }
        b.append('\n');
        String desc = t.description();
        if (!desc.isEmpty()) {
            b.append(details).append(full ? desc.replace("\n", "\n" + details) : shorten(desc, 110)).append('\n');
        }
        if (full) {
            b.append(details).append("Action: ").append(t.actionName());
            if (!t.section().isEmpty()) {
                b.append(" — ").append(t.section());
            }
            b.append('\n');
            if (t.notes() != null) {
                // Each note is a line of its own ("15/05/2023 Sam: called legal"): keep them under one another.
                b.append(details).append("Notes: ").append(t.notes().replace("\n", "\n" + details + "       ")).append('\n');
            }
        }
    }

    static String rag(TaskView t) {
        Rag rag = t.rag();
        switch (rag) {
            case RED: return t.daysOverdue() > 0 ? "RED, " + t.daysOverdue() + (t.daysOverdue() == 1 ? " day late" : " days late") : "RED";
            case NONE: return "—";
            default: return rag.name();
        }
    }

    private String line(HistoryLine h) {
        return when.format(h.at()) + "  " + h.actor() + " (" + h.source() + "): " + h.what();
    }

    private static String shorten(String s, int max) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
