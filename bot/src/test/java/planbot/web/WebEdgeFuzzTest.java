package planbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.http.AppServer;
import planbot.storage.testing.TestDatabases;
import planbot.testing.EdgeFuzzer;
import planbot.testing.EdgeFuzzer.Seed;
import planbot.testing.TestBot;
import planbot.web.signin.WebAuth;

/**
 * The web's writing routes under malformed but authenticated requests, over real HTTP: the API's task changes (a
 * viewer's token), the task page's forms (a viewer's session with its CSRF token) and the sign-in post. None may get a
 * 5xx, log at ERROR or print a stack trace, and none may change the plan (a viewer may change nothing). The legitimate
 * writes are bookkeeping: a token's or a session's "last used", at most once a minute.
 */
class WebEdgeFuzzTest {
    @TempDir
    Path dir;
    TestBot bot;
    String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        bot = TestBot.withSample(dir).person("Vic", Role.VIEWER);
        bot.app().startPlatforms(List.of(), 0);
        base = "http://127.0.0.1:" + bot.app().httpPort();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void malformedApiChangesWithAViewersTokenGetNo5xxLogNoErrorAndChangeNothing() {
        String token = bot.app().apiTokens().create(TestBot.TENANT, "fuzz", Role.VIEWER, "test", Source.CLI).orElseThrow();
        List<Seed> seeds = List.of(
                Seed.json("status", "{\"status\":\"completed\",\"note\":\"nearly there\"}"),
                Seed.json("date", "{\"date\":\"2024-06-30\",\"reason\":\"waiting on legal\"}"),
                Seed.json("note", "{\"text\":\"called the agent\"}"));
        assertClean(fuzz(base + "/api/v1/tasks/EN003%2F01/status", body -> Map.of("Authorization", "Bearer " + token),
                seeds, 20261208L), "api_token");
    }

    @Test
    void malformedTaskFormsFromAViewersSessionGetNo5xxLogNoErrorAndChangeNothing() throws Exception {
        String session = signIn("Vic");
        String csrf = csrf(session);
        List<Seed> seeds = List.of(
                Seed.form("status", "change=status&status=completed&note=nearly+there&csrf=" + csrf),
                Seed.form("date", "change=date&date=30%2F06%2F2023&reason=legal&csrf=" + csrf),
                Seed.form("note", "change=note&note=called+the+agent&csrf=" + csrf),
                Seed.form("assign", "change=assign&owner=Olivia&csrf=" + csrf));
        assertClean(fuzz(base + "/tasks/EN003%2F01", body -> Map.of("Cookie", session, "Origin", base), seeds, 20261209L),
                "web_session");
    }

    @Test
    void malformedSignInPostsGetNo5xxLogNoErrorAndChangeNothing() {
        List<Seed> seeds = List.of(Seed.form("token", "token=maLGT1BP0cBkeBtrFXPaH_knDf2GKU8j7lfePloWbUg"));
        assertClean(fuzz(base + WebAuth.SIGN_IN_PATH, body -> Map.of("Origin", base), seeds, 20261210L));
    }

    private EdgeFuzzer.Report fuzz(String route, Function<byte[], Map<String, String>> headers, List<Seed> seeds, long seed) {
        EdgeFuzzer fuzzer = new EdgeFuzzer(URI.create(route), headers, seeds, AppServer.MAX_BODY_BYTES, seed);
        return fuzzer.run(700, Duration.ofSeconds(40), () -> TestDatabases.dump(bot.app().database()));
    }

    private static void assertClean(EdgeFuzzer.Report report, String... bookkeeping) {
        System.out.println("Web edge fuzz: " + report.summary());
        assertThat(report.serverErrors()).isEmpty();
        assertThat(report.errorLogs()).isEmpty();
        assertThat(report.stackTraces()).isZero();
        assertThat(report.changes().keySet()).isSubsetOf(Set.of(bookkeeping));
    }

    private String signIn(String person) throws Exception {
        URI link = bot.app().signInLinks().issue(TestBot.TENANT, bot.app().admin().person(TestBot.TENANT, person), Source.CLI);
        String token = link.getPath().substring(link.getPath().lastIndexOf('/') + 1);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + WebAuth.SIGN_IN_PATH))
                .header("Content-Type", EdgeFuzzer.FORM).header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        String cookie = r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(WebAuth.COOKIE + "="))
                .findFirst().orElseThrow();
        return cookie.split(";", 2)[0];
    }

    private String csrf(String session) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF field on the overview").isTrue();
        return m.group(1);
    }
}
