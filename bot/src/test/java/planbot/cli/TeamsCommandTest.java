package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.config.Settings;

/** {@code ./planbot teams package}: the zip a Microsoft 365 admin uploads, as Teams wants it. */
class TeamsCommandTest {
    static final String APP_ID = "6f1c3e2a-1b2c-4d5e-8f90-123456789abc";

    @TempDir
    Path dir;

    static Run run(Map<String, String> env, String... args) {
        return MainAccess.planbot(Settings.load(env, Path.of("no-such-dir", ".env")), args);
    }

    @Test
    void givenAnAppId_whenPackaging_thenTheZipHoldsTheFilledManifestAndBothIconsAtItsRoot() throws IOException {
        Path zip = dir.resolve("out/planbot-teams.zip");

        Run run = run(Map.of(), "teams", "package", "--out", zip.toString(), "--app-id", APP_ID, "--host", "planbot.council.gov.uk");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote").contains(APP_ID);
        Map<String, byte[]> entries = entries(zip);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("manifest.json", "color.png", "outline.png");

        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(manifest.path("manifestVersion").asText()).isEqualTo("1.30");
        assertThat(manifest.path("$schema").asText()).endsWith("/v1.30/MicrosoftTeams.schema.json");
        assertThat(manifest.path("id").asText()).isEqualTo(APP_ID);
        JsonNode bot = manifest.path("bots").get(0);
        assertThat(bot.path("botId").asText()).isEqualTo(APP_ID);
        assertThat(texts(bot.path("scopes"))).containsExactly("personal", "team", "groupChat");
        List<String> commands = texts(bot.path("commandLists").get(0).path("commands").findValues("title"));
        assertThat(commands).contains("status", "mine", "overdue", "update", "help").hasSizeLessThanOrEqualTo(12);
        assertThat(manifest.path("icons").path("color").asText()).isEqualTo("color.png");
        assertThat(manifest.path("icons").path("outline").asText()).isEqualTo("outline.png");
        assertThat(texts(manifest.path("validDomains"))).containsExactly("planbot.council.gov.uk");
        assertThat(manifest.path("developer").path("websiteUrl").asText()).isEqualTo("https://planbot.council.gov.uk/");
        assertThat(new String(entries.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("{{");

        BufferedImage color = ImageIO.read(new ByteArrayInputStream(entries.get("color.png")));
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(entries.get("outline.png")));
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        assertThat(outline.getColorModel().hasAlpha()).isTrue();
        assertThat(outline.getRGB(0, 0) >>> 24).as("a transparent corner").isZero();
        assertThat(onlyWhiteOrTransparent(outline)).as("Teams wants the outline white on transparent").isTrue();
    }

    @Test
    void givenNoAppIdOption_whenTeamsAppIdIsSet_thenItIsUsed() throws IOException {
        Path zip = dir.resolve("planbot-teams.zip");

        Run run = run(Map.of("TEAMS_APP_ID", APP_ID), "teams", "package", "--out", zip.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(entries(zip).get("manifest.json"));
        assertThat(manifest.path("id").asText()).isEqualTo(APP_ID);
        assertThat(manifest.path("validDomains").size()).isZero();
        assertThat(run.out()).contains("--host");
    }

    @Test
    void givenNoAppIdAtAll_whenPackaging_thenItRefusesInOneLineAndWritesNothing() {
        Path zip = dir.resolve("planbot-teams.zip");

        Run run = run(Map.of(), "teams", "package", "--out", zip.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).contains("--app-id").contains("TEAMS_APP_ID").doesNotContain("\n");
        assertThat(zip).doesNotExist();
    }

    @Test
    void givenAnAppIdThatIsNotAGuidOrAHostWithAScheme_whenPackaging_thenItIsRefused() {
        Path zip = dir.resolve("planbot-teams.zip");

        assertThat(run(Map.of(), "teams", "package", "--out", zip.toString(), "--app-id", "my-bot").err()).contains("GUID");
        assertThat(run(Map.of(), "teams", "package", "--out", zip.toString(), "--app-id", APP_ID, "--host",
                "https://planbot.council.gov.uk/").err()).contains("without https://");
        assertThat(zip).doesNotExist();
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static boolean onlyWhiteOrTransparent(BufferedImage image) {
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) != 0 && (argb & 0xFFFFFF) != 0xFFFFFF) {
                    return false;
                }
            }
        }
        return true;
    }
}
