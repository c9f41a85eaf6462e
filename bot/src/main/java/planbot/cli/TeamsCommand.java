package planbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code planbot teams package --out planbot-teams.zip [--app-id ID] [--host HOST]}: the Teams app package a Microsoft
 * 365 admin uploads (Teams admin centre, or a sideload): {@code teams/manifest.json} (bundled in the jar) with the app id
 * and host filled in, and its two icons, drawn here (color 192×192; outline 32×32, white on transparent), all at the
 * zip's root as Teams requires. Needs no database and calls nothing.
 */
@Command(name = "teams", mixinStandardHelpOptions = true,
        description = "Microsoft Teams set-up: teams package --out planbot-teams.zip [--app-id ID] [--host HOST].",
        subcommands = TeamsCommand.Package.class)
public final class TeamsCommand implements Callable<Integer> {
    /** The app id setting the package falls back on. */
    static final String APP_ID = "TEAMS_APP_ID";
    private static final String MANIFEST = "teams/manifest.json";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?");
    /** The manifest's accent colour, so the icon and Teams' tile agree. */
    private static final Color ACCENT = new Color(0x1F, 0x5F, 0x8B);

    @ParentCommand
    PlanbotCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "package", mixinStandardHelpOptions = true,
            description = {"Write the Teams app package (manifest.json, color.png, outline.png) to upload in Teams.",
                    "The app id is the Entra app registration's Application (client) ID, as in TEAMS_APP_ID."})
    static final class Package implements Callable<Integer> {
        @ParentCommand
        TeamsCommand teams;

        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the zip, e.g. planbot-teams.zip.")
        Path out;

        @Option(names = "--app-id", paramLabel = "ID", description = "The app (client) id; default: $TEAMS_APP_ID.")
        String appId;

        @Option(names = "--host", paramLabel = "HOST",
                description = "planbot's public host name (as in https://HOST/api/messages): the app's links and valid domain.")
        String host;

        @Override
        public Integer call() {
            String id = appId != null ? appId.strip() : teams.root.settings.get(APP_ID).map(String::strip).orElse("");
            if (id.isEmpty()) {
                throw new UserError("give the app id: --app-id ID, or set " + APP_ID + " (the Entra app registration's"
                        + " Application (client) ID)");
            }
            if (!GUID.matcher(id).matches()) {
                throw new UserError("the app id is a GUID such as 00000000-0000-0000-0000-000000000000 (got '" + id + "')");
            }
            if (host != null && !HOST.matcher(host.strip()).matches()) {
                throw new UserError("--host is a host name such as planbot.council.gov.uk, without https:// or a path (got '"
                        + host + "')");
            }
            byte[] zip = zip(manifest(id, host == null ? null : host.strip()), color(), outline());
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(out, zip);
            } catch (IOException e) {
                throw new UserError("cannot write " + out + ": " + e.getMessage());
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("Wrote " + out + " for app " + id + ": upload it in the Teams admin centre (Teams apps → Manage apps"
                    + " → Upload new app), or in Teams (Apps → Manage your apps → Upload an app).");
            if (host == null) {
                o.println("The app's links point at https://localhost/: give --host planbot.council.gov.uk to point them at planbot.");
            }
            return 0;
        }
    }

    /** The bundled manifest with the app id (and host) in place of its placeholders. */
    static byte[] manifest(String appId, String host) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = TeamsCommand.class.getClassLoader().getResourceAsStream(MANIFEST)) {
            if (in == null) {
                throw new IllegalStateException(MANIFEST + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{APP_ID}}", appId)
                    .replace("{{HOST}}", host == null ? "localhost" : host);
            ObjectNode manifest = (ObjectNode) json.readTree(text);
            ArrayNode domains = manifest.putArray("validDomains");
            if (host != null) {
                domains.add(host);
            }
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full-colour icon, 192×192: a white tick and three plan lines on the accent colour. */
    static byte[] color() {
        BufferedImage image = new BufferedImage(192, 192, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setColor(ACCENT);
        g.fillRect(0, 0, 192, 192);
        drawMark(g, 192 / 32f);
        g.dispose();
        return png(image);
    }

    /** The outline icon, 32×32: the same mark in white on a transparent background, as Teams requires. */
    static byte[] outline() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        drawMark(g, 1f);
        g.dispose();
        return png(image);
    }

    /** A tick over three lines, on a 32-unit grid scaled by {@code unit}; no text, so no fonts are needed. */
    private static void drawMark(Graphics2D g, float unit) {
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2.5f * unit, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 3; i++) {
            float y = (17 + 5 * i) * unit;
            g.drawLine(Math.round(15 * unit), Math.round(y), Math.round(26 * unit), Math.round(y));
        }
        g.drawPolyline(new int[] {Math.round(5 * unit), Math.round(9 * unit), Math.round(16 * unit)},
                new int[] {Math.round(12 * unit), Math.round(16 * unit), Math.round(7 * unit)}, 3);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(byte[] manifest, byte[] color, byte[] outline) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "manifest.json", manifest);
            entry(zip, "color.png", color);
            entry(zip, "outline.png", outline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
