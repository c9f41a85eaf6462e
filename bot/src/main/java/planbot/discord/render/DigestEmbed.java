package planbot.discord.render;

import static planbot.discord.render.DiscordText.line;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import planbot.domain.PlanDate;
import planbot.domain.UkDates;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestBuilder;

/**
 * A weekly {@link Digest} as one embed, for the posted digest ({@link NoticeMessages}) and its preview
 * ({@link ReplyEmbeds}): heading, period and RAG counts in the description, each list (overdue, due soon, completed,
 * slipped, silent owners, TBC) as a field with its first {@value #PER_LIST} lines and "and N more", and the chart as the
 * embed's image when there is one (the file uploaded with the message). Stateless.
 */
final class DigestEmbed {
    static final int PER_LIST = 10;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);

    private DigestEmbed() {
    }

    /** The digest as a section of {@code pages}; {@code chartUrl} the image's URL, or null for none. */
    static void fill(Pages pages, Digest d, String heading, String chartUrl) {
        pages.section("📊 " + line(heading, 240), ReplyEmbeds.BLURPLE);
        Digest.Counts c = d.totals();
        pages.text("From " + MOMENT.format(d.period().from()) + " to " + MOMENT.format(d.period().to())
                + (d.isQuiet() ? "\n**A quiet week.** " + Digest.QUIET_TEXT : "")
                + "\n**" + c.total() + " tasks:** " + c.ragLine() + "\n**By status:** " + line(c.statusLine(), 1000));
        if (chartUrl != null) {
            pages.image(chartUrl);
        }
        list(pages, "Overdue", d.overdue(), o -> item(o.task(), days(o.daysLate()) + " late (due " + date(o.task().target()) + ")"));
        list(pages, "Due in the next " + DigestBuilder.DUE_WITHIN_DAYS + " days", d.dueSoon(),
                due -> item(due.task(), (due.daysLeft() == 0 ? "due today" : "due in " + days(due.daysLeft()))
                        + " (" + date(due.task().target()) + ")"));
        list(pages, "Completed", d.completed(), done -> item(done.task(),
                "finished " + UkDates.format(done.at().atZone(d.period().to().getZone()))));
        list(pages, "Slipped", d.slipped(), s -> item(s.task(), date(s.from()) + " → " + date(s.to())
                + ", slipped " + times(s.timesInTotal())));
        list(pages, "Silent owners (no update for " + days(d.silentAfter().toDays()) + " or more)", d.silentOwners(),
                o -> "• " + line(o.owner(), 100) + ": " + o.openTasks() + " open " + (o.openTasks() == 1 ? "task" : "tasks")
                        + ", last update " + days(o.daysSilent()) + " ago");
        list(pages, "Target date TBC", d.tbc(), t -> item(t, date(t.target())));
    }

    private static <T> void list(Pages pages, String title, List<T> items, Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        String name = title + " (" + items.size() + ")";
        List<String> lines = new ArrayList<>();
        for (T item : items.subList(0, Math.min(items.size(), PER_LIST))) {
            lines.add(line.apply(item));
        }
        pages.field(name, ReplyEmbeds.list(lines, items.size(), pages.fieldRoom(name)), false);
    }

    private static String item(Digest.Item t, String detail) {
        String description = line(t.description(), 60);
        return "• **" + line(t.ref(), 40) + "** " + line(t.owner() == null ? "(no owner)" : t.owner(), 60) + ": "
                + line(detail, 200) + (description.isEmpty() ? "" : " · " + description);
    }

    private static String date(PlanDate d) {
        return d == null ? "no date" : line(d.display(), 100);
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }
}
