package planbot.scheduler.digest;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import planbot.domain.Rag;
import planbot.domain.UkDates;

/**
 * Draws a digest's task counts per section as a stacked bar chart coloured by RAG (red overdue, amber at risk,
 * green on track, blue done, grey closed), {@value #WIDTH}×{@value #HEIGHT} pixels, as PNG for chat and SVG
 * for the web. Runs headless: it sets {@code java.awt.headless=true} unless the process already chose.
 *
 * <p>Stateless and thread-safe. A digest without tasks still gets a chart (one empty bar), so a quiet week
 * looks like one rather than failing. {@link UncheckedIOException} only if encoding in memory fails.
 */
public final class DigestChart {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;

    /** The colour of each RAG in the chart; tasks without a status ({@link Rag#NONE}) are pale grey. */
    public static final Map<Rag, Color> COLOURS;

    /** Series order, bottom of the stack first: what needs attention sits on the axis. */
    private static final List<Rag> STACK = List.of(Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.GREY, Rag.NONE);
    private static final int LABEL_WIDTH = 20;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // before any AWT class initialises: no display on a server
        }
        EnumMap<Rag, Color> colours = new EnumMap<>(Rag.class);
        colours.put(Rag.RED, new Color(0xC6, 0x28, 0x28));
        colours.put(Rag.AMBER, new Color(0xF5, 0x9E, 0x0B));
        colours.put(Rag.GREEN, new Color(0x2E, 0x7D, 0x32));
        colours.put(Rag.BLUE, new Color(0x15, 0x65, 0xC0));
        colours.put(Rag.GREY, new Color(0x9E, 0x9E, 0x9E));
        colours.put(Rag.NONE, new Color(0xDD, 0xDD, 0xDD));
        COLOURS = java.util.Collections.unmodifiableMap(colours);
    }

    private DigestChart() {
    }

    /** The chart as PNG bytes. */
    public static byte[] png(Digest digest) {
        try {
            return BitmapEncoder.getBitmapBytes(chart(digest), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the digest chart as PNG", e);
        }
    }

    /** The chart as an SVG document (UTF-8). */
    public static byte[] svg(Digest digest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart(digest), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the digest chart as SVG", e);
        }
        return out.toByteArray();
    }

    static CategoryChart chart(Digest digest) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Tasks by section on " + UkDates.format(digest.period().today()))
                .yAxisTitle("Tasks").build();
        CategoryStyler style = chart.getStyler();
        style.setStacked(true);
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotBackgroundColor(Color.WHITE);
        style.setPlotBorderVisible(false);
        style.setLegendPosition(Styler.LegendPosition.OutsideS);
        style.setLegendLayout(Styler.LegendLayout.Horizontal);
        style.setLegendBorderColor(Color.WHITE);
        // Rotated labels end under their bar, tops in line. XChart drops a label that would start left of
        // the image, so labels are short enough for the first bar's to fit at 45 degrees.
        style.setXAxisLabelRotation(45);
        style.setXAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        style.setXAxisLabelAlignmentVertical(AxesChartStyler.TextAlignment.Right);
        style.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        style.setYAxisDecimalPattern("#");
        style.setAvailableSpaceFill(0.7);
        style.setToolTipsEnabled(false);
        style.setAntiAlias(true);

        List<Digest.SectionCounts> sections = digest.sections();
        List<String> labels = labels(sections);
        List<Rag> shown = new ArrayList<>();
        for (Rag rag : STACK) {
            if (rag != Rag.NONE || digest.totals().of(Rag.NONE) > 0) {
                shown.add(rag);
            }
        }
        Color[] colours = new Color[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            Rag rag = shown.get(i);
            List<Integer> values = new ArrayList<>(Math.max(1, sections.size()));
            for (Digest.SectionCounts s : sections) {
                values.add(s.counts().of(rag));
            }
            if (sections.isEmpty()) {
                values.add(0);
            }
            chart.addSeries(legend(rag), labels, values);
            colours[i] = COLOURS.get(rag);
        }
        style.setSeriesColors(colours);
        if (digest.totals().total() == 0) {
            style.setYAxisMin(0.0);
            style.setYAxisMax(1.0);
        }
        return chart;
    }

    private static String legend(Rag rag) {
        switch (rag) {
            case RED: return "Overdue";
            case AMBER: return "At risk";
            case GREEN: return "On track";
            case BLUE: return "Done";
            case GREY: return "Closed";
            default: return "No status";
        }
    }

    /** Section names short enough to sit under a bar, unique (a category axis needs that), plan-qualified when several. */
    private static List<String> labels(List<Digest.SectionCounts> sections) {
        if (sections.isEmpty()) {
            return List.of("No tasks");
        }
        boolean severalPlans = sections.stream().map(Digest.SectionCounts::plan).distinct().count() > 1;
        List<String> labels = new ArrayList<>(sections.size());
        Set<String> used = new HashSet<>();
        for (Digest.SectionCounts s : sections) {
            String name = s.section().isEmpty() ? "(no section)" : s.section();
            String label = shorten(severalPlans ? s.plan() + ": " + name : name);
            String unique = label;
            for (int n = 2; !used.add(unique); n++) {
                unique = label + " (" + n + ")";
            }
            labels.add(unique);
        }
        return labels;
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= LABEL_WIDTH ? oneLine : oneLine.substring(0, LABEL_WIDTH - 1).strip() + "\u2026";
    }
}
