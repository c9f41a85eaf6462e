package planbot.assess.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import planbot.assess.AssessmentResults.PartResult;
import planbot.assess.AssessmentResults.SessionResult;
import planbot.assess.Scale;

/**
 * Draws the agreed score of each part at every session of the template (one bar per session, oldest first, blue
 * getting darker) beside this session's target (a red bar), {@value #WIDTH}×{@value #HEIGHT} pixels, as PNG for the
 * DOCX and XLSX reports. On a red/amber/green template red is 1, amber 2 and green 3, as the axis title says: XChart
 * 3.8.8 can name ticks through a formatting function, but its tick calculator loops for ever when that function gives
 * two ticks the same label (the half-way ticks), so the ticks stay numbers. A part without an agreed score or target has no bar or point there. Runs headless, as the
 * digest chart does. Stateless and thread-safe; {@link UncheckedIOException} only if encoding in memory fails.
 */
public final class ScoreChart {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 450;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));
    private static final Color TARGET = new Color(0xE5, 0x73, 0x73);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // before any AWT class initialises: no display on a server
        }
    }

    private ScoreChart() {
    }

    /** The chart as PNG bytes. */
    public static byte[] png(AssessmentReport report) {
        try {
            return BitmapEncoder.getBitmapBytes(chart(report), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the score chart as PNG", e);
        }
    }

    static CategoryChart chart(AssessmentReport report) {
        Scale scale = report.template().scale();
        boolean rag = scale == Scale.RAG;
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(report.template().name() + (rag ? ": rating against target" : ": score against target"))
                .yAxisTitle(rag ? "Rating: 1 red, 2 amber, 3 green" : "Score").build();
        CategoryStyler style = chart.getStyler();
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotBackgroundColor(Color.WHITE);
        style.setPlotBorderVisible(false);
        style.setLegendPosition(Styler.LegendPosition.OutsideS);
        style.setLegendLayout(Styler.LegendLayout.Horizontal);
        style.setLegendBorderColor(Color.WHITE);
        style.setYAxisMin(0.0);
        style.setYAxisMax((double) scale.highest());
        style.setYAxisDecimalPattern("#");
        style.setToolTipsEnabled(false);
        style.setAntiAlias(true);

        List<PartResult> parts = report.session().parts();
        List<String> labels = parts.stream().map(p -> "Part " + p.number()).toList();
        List<SessionResult> history = report.history();
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            SessionResult s = history.get(i);
            List<Double> scores = new ArrayList<>();
            for (PartResult p : parts) {
                scores.add(s.parts().stream().filter(x -> x.number() == p.number() && x.score() != null)
                        .map(x -> (double) x.score()).findFirst().orElse(null));
            }
            chart.addSeries("Score " + DAY.format(s.started()) + (s.id() == report.session().id() ? " (this)" : ""),
                    labels, scores);
            // older sessions paler, this one full blue
            float share = history.size() == 1 ? 1f : 0.35f + 0.65f * i / (history.size() - 1);
            colours.add(new Color(Math.round(255 - share * (255 - 0x15)), Math.round(255 - share * (255 - 0x65)),
                    Math.round(255 - share * (255 - 0xC0))));
        }
        List<Double> targets = parts.stream().map(p -> p.target() == null ? null : (double) p.target()).toList();
        chart.addSeries("Target", labels, targets);
        colours.add(TARGET);
        style.setSeriesColors(colours.toArray(new Color[0]));
        return chart;
    }
}
