package planbot.scheduler.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.scheduler.digest.Inputs.day;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import planbot.domain.Rag;

class DigestChartTest {

    /** Two sections with every RAG colour in them. */
    static Digest everyColour() {
        return Inputs.at("2023-05-15T09:00")
                .task("ENFORCEMENT", "A/1", "On target", day("2023-05-01"), null, Inputs.london("2023-05-14T09:00"), 0)
                .task("ENFORCEMENT", "A/2", "At risk", day("2023-06-01"), null, Inputs.london("2023-05-14T09:00"), 0)
                .task("ENFORCEMENT", "A/3", "On target", day("2023-06-01"), null, Inputs.london("2023-05-14T09:00"), 0)
                .task("A VERY LONG SECTION NAME THAT WILL NOT FIT UNDER A BAR", "B/1", "Completed", day("2023-05-01"),
                        null, Inputs.london("2023-05-14T09:00"), 0)
                .task("A VERY LONG SECTION NAME THAT WILL NOT FIT UNDER A BAR", "B/2", "Closed - no longer required",
                        null, null, Inputs.london("2023-05-14T09:00"), 0)
                .build();
    }

    @Test
    void givenADigest_whenDrawnAsPng_thenItDecodesAt900By500WithEveryRagColourInIt() throws IOException {
        byte[] png = DigestChart.png(everyColour());

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(DigestChart.WIDTH).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(DigestChart.HEIGHT).isEqualTo(500);
        Set<Integer> colours = colours(image);
        for (Rag rag : new Rag[] {Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.GREY}) {
            assertThat(colours).as("the %s of the chart", rag).contains(DigestChart.COLOURS.get(rag).getRGB() & 0xFFFFFF);
        }
    }

    @Test
    void givenTheSameDigestTwice_whenDrawn_thenThePngIsTheSame() {
        assertThat(DigestChart.png(everyColour())).isEqualTo(DigestChart.png(everyColour()));
    }

    @Test
    void givenAQuietDigestWithoutTasks_whenDrawn_thenThereIsStillAChart() throws IOException {
        Digest empty = Inputs.at("2023-05-15T09:00").build();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(DigestChart.png(empty)));

        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(500);
        assertThat(new String(DigestChart.svg(empty), StandardCharsets.UTF_8)).contains("<svg");
    }

    @Test
    void givenADigest_whenDrawnAsSvg_thenItIsAnSvgDocumentOfTheSameSize() {
        String svg = new String(DigestChart.svg(everyColour()), StandardCharsets.UTF_8);

        // XChart writes text as outlines, so the words are not in the document; the sizes and colours are.
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("width=\"900px\"").contains("height=\"500px\"");
        for (Rag rag : new Rag[] {Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE, Rag.GREY}) {
            Color c = DigestChart.COLOURS.get(rag);
            assertThat(svg).contains("fill:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")");
        }
    }

    @Test
    void givenADigest_whenDrawn_thenAPictureIsLeftForAPersonToLookAt() throws IOException {
        // Not an assertion on looks: a file under target/ for a person to open after a change to the chart.
        Path out = Path.of("target", "digest-chart-example.png");
        Files.createDirectories(out.getParent());
        Files.write(out, DigestChart.png(everyColour()));
        assertThat(Files.size(out)).isPositive();
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen;
    }
}
