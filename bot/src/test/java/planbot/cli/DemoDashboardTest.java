package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.BundledSample;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.TrackerReader;

/** {@code ./planbot demo}'s dashboard: served with a sign-in link for the demo's admin, or one line when the port is taken. */
class DemoDashboardTest {
    @TempDir
    Path dir;

    App demoApp() throws Exception {
        App app = App.open("jdbc:sqlite:" + dir.resolve("demo.db"), ChatCommand.clockAt(DemoCommand.DEMO_DAY.toString()));
        app.imports().importPlan(DemoCommand.DEMO_TENANT,
                TrackerReader.read(BundledSample.bytes(), BundledSample.fileName(), ReadOptions.named(DemoCommand.PLAN)),
                ImportMode.APPLY, "demo", app.clock());
        return app;
    }

    @Test
    void theDemoServesTheDashboardAndPrintsALinkThatOpensIt() throws Exception {
        StringWriter printed = new StringWriter();
        try (App app = demoApp()) {
            DemoCommand.serveDashboard(app, 0, new PrintWriter(printed, true));
            Matcher link = Pattern.compile("(http://localhost:\\d+/signin/\\S+)").matcher(printed.toString());
            assertThat(link.find()).as(printed.toString()).isTrue();
            // the demo's clock is in 2023, and the link signs in within it
            URI uri = URI.create(link.group(1));
            String token = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
            HttpResponse<String> signIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri.resolve("/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(303);
            assertThat(signIn.headers().allValues("set-cookie")).anyMatch(c -> c.startsWith("planbot_session="));
            assertThat(printed.toString()).contains("http://localhost:" + app.httpPort() + "/");
        }
    }

    @Test
    void aTakenPortIsOneLineAndTheDemoGoesOn() throws Exception {
        StringWriter printed = new StringWriter();
        try (ServerSocket taken = new ServerSocket(0); App app = demoApp()) {
            DemoCommand.serveDashboard(app, taken.getLocalPort(), new PrintWriter(printed, true));
            assertThat(printed.toString().strip()).isEqualTo("The dashboard is not served: port " + taken.getLocalPort()
                    + " is in use (set PLANBOT_HTTP_PORT to another port).");
        }
    }
}
