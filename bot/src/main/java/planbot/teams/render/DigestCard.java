package planbot.teams.render;

import static planbot.teams.render.Cards.md;
import static planbot.teams.render.Cards.md1;
import static planbot.teams.render.Cards.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.ImageIO;
import planbot.domain.PlanDate;
import planbot.domain.UkDates;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestBuilder;
import planbot.teams.render.Cards.Card;
import planbot.teams.render.Cards.Size;
import planbot.teams.render.Cards.Style;

/**
 * A weekly {@link Digest} as one Adaptive Card, for the posted digest ({@link NoticeCards}) and its preview
 * ({@link ReplyCards}): header, period, RAG counts, the chart, then each list (overdue, due soon, completed, slipped,
 * silent owners, TBC) with its first {@value #PER_LIST} lines and "and N more".
 *
 * <p>The chart goes in the card itself, as a PNG {@code data:} URI in an Image element: Teams renders those on desktop
 * and mobile, whereas an image attachment with a {@code data:} contentUrl is refused in channels (HTTP 400) and a URL
 * would need planbot reachable from the internet without sign-in. The card counts toward the message limit, so the
 * chart is shrunk until it fits what the text leaves, and left out with a line saying so when even the smallest does
 * not. Stateless and thread-safe.
 */
final class DigestCard {
    static final int PER_LIST = 10;
    private static final int DESCRIPTION_IN_LIST = 80;
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);
    /** The chart as sent, then shrunk to these fractions of its width. */
    private static final double[] SCALES = {1.0, 0.7, 0.5};
    static final String CHART_LEFT_OUT = "The chart is left out: it is too big for a Teams message.";

    private DigestCard() {
    }

    /**
     * Fills {@code card} with the digest.
     *
     * @param chartPng the chart, or an empty array for none (a preview)
     * @param reserve  room to keep free for what the caller adds after
     */
    static void fill(Card card, Digest d, String heading, byte[] chartPng, Size reserve) {
        card.add(text("📊 " + md(heading, 200), Style.HEADING), reserve);
        card.add(text("From " + MOMENT.format(d.period().from()) + " to " + MOMENT.format(d.period().to()), Style.SUBTLE), reserve);
        if (d.isQuiet()) {
            card.add(text("**A quiet week.** " + md(Digest.QUIET_TEXT, 200), Style.PLAIN), reserve);
        }
        Digest.Counts c = d.totals();
        card.add(text("**" + c.total() + " tasks:** " + c.ragLine(), Style.PLAIN), reserve);
        card.add(text("**By status:** " + md(c.statusLine(), 1000), Style.PLAIN), reserve);
        int chartAt = card.bodySize();

        list(card, "Overdue", d.overdue(), reserve, o -> item(o.task(),
                days(o.daysLate()) + " late (due " + date(o.task().target()) + ")"));
        list(card, "Due in the next " + DigestBuilder.DUE_WITHIN_DAYS + " days", d.dueSoon(), reserve,
                due -> item(due.task(), (due.daysLeft() == 0 ? "due today" : "due in " + days(due.daysLeft()))
                        + " (" + date(due.task().target()) + ")"));
        list(card, "Completed", d.completed(), reserve, done -> item(done.task(),
                "finished " + UkDates.format(done.at().atZone(d.period().to().getZone()))));
        list(card, "Slipped", d.slipped(), reserve, s -> item(s.task(), date(s.from()) + " → " + date(s.to())
                + ", slipped " + times(s.timesInTotal())));
        list(card, "Silent owners (no update for " + days(d.silentAfter().toDays()) + " or more)", d.silentOwners(), reserve,
                o -> "• " + md1(o.owner(), 100) + ": " + o.openTasks() + " open " + (o.openTasks() == 1 ? "task" : "tasks")
                        + ", last update " + days(o.daysSilent()) + " ago");
        list(card, "Target date TBC", d.tbc(), reserve, t -> item(t, date(t.target())));

        if (chartPng.length > 0) {
            chart(card, chartAt, chartPng, reserve);
        }
    }

    /** The chart at the largest scale that fits, or a line saying it was left out (as bytes that are not a PNG are). */
    private static void chart(Card card, int at, byte[] png, Size reserve) {
        for (double scale : isPng(png) ? SCALES : new double[0]) {
            byte[] bytes = scale == 1.0 ? png : shrink(png, scale);
            if (bytes.length == 0) {
                break;
            }
            ObjectNode image = Cards.JSON.createObjectNode().put("type", "Image")
                    .put("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes))
                    .put("altText", "Tasks by section, coloured by RAG").put("size", "Stretch");
            if (card.insert(at, image, reserve)) {
                return;
            }
        }
        card.insert(at, text(CHART_LEFT_OUT, Style.SUBTLE), reserve);
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    /** The PNG redrawn at {@code scale} of its size; empty when the bytes are not an image. */
    static byte[] shrink(byte[] png, double scale) {
        try {
            BufferedImage in = ImageIO.read(new ByteArrayInputStream(png));
            if (in == null) {
                return new byte[0];
            }
            int w = Math.max(1, (int) Math.round(in.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(in.getHeight() * scale));
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(in, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(png.length);
            ImageIO.write(out, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    /** A titled list: its first lines, each as long as the card allows, then "and N more". Nothing when empty. */
    private static <T> void list(Card card, String title, List<T> items, Size reserve, Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        ObjectNode heading = text("**" + md(title, 200) + " (" + items.size() + ")**", Style.PLAIN);
        heading.put("separator", true);
        if (!card.add(heading, reserve)) {
            return;
        }
        List<ObjectNode> lines = new ArrayList<>();
        for (T item : items.subList(0, Math.min(items.size(), PER_LIST))) {
            lines.add(text(line.apply(item), Style.LINE));
        }
        int shown = 0;
        ObjectNode more = text("and " + items.size() + " more", Style.SUBTLE);
        Size moreReserve = reserve.plus(Size.ofElement(more));
        for (ObjectNode l : lines) {
            if (!card.add(l, moreReserve)) {
                break;
            }
            shown++;
        }
        if (shown < items.size()) {
            card.add(text("and " + (items.size() - shown) + " more", Style.SUBTLE), reserve);
        }
    }

    private static String item(Digest.Item t, String detail) {
        String description = t.description().replaceAll("\\s+", " ").strip();
        return "• **" + md1(t.ref(), 40) + "** " + md1(t.owner() == null ? "(no owner)" : t.owner(), 80) + ": " + md1(detail, 200)
                + (description.isEmpty() ? "" : " · " + md1(description, DESCRIPTION_IN_LIST));
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
