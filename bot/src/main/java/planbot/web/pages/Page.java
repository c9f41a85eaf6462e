package planbot.web.pages;

import java.util.List;
import java.util.Objects;

/**
 * What each template is given: plain values, already worded and formatted, so that templates only lay them out (and
 * escape them: every value reaches the page through a {@code ${}} the template engine escapes). Immutable.
 */
public final class Page {
    private Page() {
    }

    /**
     * What every page has around it.
     *
     * @param csrf  the session's anti-forgery token, for the sign-out form and every other form
     * @param flash the outcome of the form posted just before, shown once; null when none
     */
    public record Frame(String title, String who, String role, String csrf, Flash flash) {
        public Frame {
            Objects.requireNonNull(title, "title");
        }
    }

    /** A form's outcome: a change made ({@code ok}) or the sentence saying why not. */
    public record Flash(boolean ok, String text) {
    }

    public record Link(String href, String text) {
    }

    /** One colour of a bar: how many tasks, and how wide (percent of the bar). */
    public record Segment(String css, String label, int count, double percent) {
        /** The width as CSS, with a dot whatever the server's locale. */
        public String width() {
            return String.format(java.util.Locale.ROOT, "width:%.2f%%", percent);
        }
    }

    /** RAG counts of a plan or section as a horizontal bar. */
    public record Bar(String name, String href, int total, List<Segment> segments) {
    }

    /** A plan's bar, its sections' bars, and where to download it. */
    public record PlanBars(String plan, Bar total, List<Bar> sections, List<Link> exports) {
    }

    /** A task as a line of a list; {@code note} is what the list is about ("12 days late", "revised 3 times"). */
    public record Row(String ref, String href, String plan, String description, String owner, String status, String rag,
                      String ragLabel, String target, String note) {
    }

    /**
     * A list, at most a page of it: {@code total} says how many there are, {@code allHref} where to see all (null when
     * every row is shown).
     */
    public record Table(String title, String empty, List<Row> rows, int total, String allHref) {
    }

    public record Overview(Frame frame, String today, List<PlanBars> plans, List<Table> tables) {
    }

    /** The filter form of the task list: what is chosen, and the choices. */
    public record Filter(String section, String owner, String status, List<String> sections, List<String> owners,
                         List<String> statuses) {
    }

    public record TaskList(Frame frame, Filter filter, Table table) {
    }

    /**
     * A task on the timeline: positions are percent of the axis; {@code from} is the original date's, {@code to} the
     * current one's (equal when never revised).
     */
    public record Span(String ref, String href, String description, String original, String current, int revisions,
                       String rag, double from, double to) {
        public String line() {
            double left = Math.min(from, to);
            return String.format(java.util.Locale.ROOT, "left:%.2f%%;width:%.2f%%", left, Math.max(Math.abs(to - from), 0.6));
        }

        public String mark(boolean original) {
            return String.format(java.util.Locale.ROOT, "left:%.2f%%", original ? from : to);
        }
    }

    public record Timeline(Frame frame, String start, String end, String section, List<Span> spans, int total,
                           List<String> sections) {
    }

    /** The task card. */
    public record Card(String ref, String plan, String action, String section, String description, String status,
                       String rag, String ragLabel, String target, String owner, String notes) {
    }

    /** A line of a history: when, who (and from where), what. */
    public record Event(String at, String who, String what) {
    }

    /**
     * The forms a user may use on a task; null on the page when they may change nothing.
     *
     * @param post   where every form posts
     * @param assign whether they may also give the task to someone else
     * @param people names to offer for that
     */
    public record Forms(String post, List<String> statuses, boolean assign, List<String> people) {
    }

    public record TaskPage(Frame frame, Card card, List<Event> dates, List<Event> audit, Forms forms) {
    }

    /** A page that only says something: not found, refused, which one did you mean. */
    public record Message(Frame frame, String text, List<Link> links) {
    }
}
