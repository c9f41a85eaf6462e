package planbot.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.BundledSample;
import planbot.domain.AuditEvent;
import planbot.domain.Plan;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.domain.Task;
import planbot.storage.TaskRow;
import planbot.testing.LogCapture;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;
import planbot.web.signin.WebAuth;

/**
 * The dashboard over real HTTP on loopback: the App's own server with every route it mounts, the bundled sample plan on a
 * SQLite file, people signed in through real sign-in links, and a client that follows no redirects (so that each 303 and
 * cookie is seen).
 */
class DashboardPagesTest {
    static final String TASK = "EN003/01";
    static final String OTHERS_TASK = "EN003/02";
    static final String HOSTILE = "<script>alert(1)</script> @channel";

    @TempDir
    Path dir;
    TestBot bot;
    LogCapture logs;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        logs = LogCapture.start();
        bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner(TASK, "Olivia").owner(OTHERS_TASK, "Sam").plan())
                .person("Vic", Role.VIEWER).person("Mo", Role.MANAGER);
        TaskRow hostile = bot.taskRow("EN004/01");
        Task t = hostile.task();
        bot.app().tasks().update(bot.tenant(), hostile.id(), new Task(t.ref(), HOSTILE, t.status(), t.term(), t.start(),
                t.target(), t.timescale(), t.owner(), t.notes()), bot.now());
        bot.app().startPlatforms(List.of(), 0);
    }

    @AfterEach
    void stop() {
        bot.close();
        logs.close();
    }

    // ---- pages need a session

    @Test
    void aPageWithoutASessionRedirectsToSignIn() throws Exception {
        for (String path : List.of("/", "/tasks", "/mine", "/timeline", "/tasks/EN003%2F01", "/export/csv", "/chart.svg")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("location")).as(path).hasValue(WebAuth.SIGN_IN_PATH);
        }
    }

    @Test
    void aFormPostWithoutASessionChangesNothing() throws Exception {
        int before = audit(TASK).size();
        HttpResponse<String> r = post("/tasks/EN003%2F01", null, form("change", "status", "status", "Completed"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("location")).hasValue(WebAuth.SIGN_IN_PATH);
        assertThat(audit(TASK)).hasSize(before);
    }

    // ---- the overview and the lists

    @Test
    void theOverviewShowsThePlansBarsTheDigestListsAndTheChart() throws Exception {
        String viewer = signIn("Vic");
        HttpResponse<String> r = get("/", viewer);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body()).contains("<meta name=\"viewport\"", BundledSample.PLAN, "PLANNING ENFORCEMENT", "class=\"seg red\"",
                "Overdue", "Due in the next 14 days", "Target date TBC", "Slipped in the last 7 days", "src=\"/chart.svg\"",
                "/export/xlsx?plan=", "action=\"/signout\"");
        HttpResponse<String> chart = get("/chart.svg", viewer);
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("image/svg+xml"));
        assertThat(chart.body()).contains("<svg");
    }

    @Test
    void theTaskListFiltersBySectionOwnerAndStatusAndMineListsMyOpenTasks() throws Exception {
        String olivia = signIn("Olivia");
        String enforcement = get("/tasks?section=" + enc("PLANNING ENFORCEMENT"), olivia).body();
        assertThat(enforcement).contains(">EN003/01<").doesNotContain(">PRE003/01<");
        String byOwner = get("/tasks?owner=Sam", olivia).body();
        assertThat(rowRefs(byOwner)).containsExactly(OTHERS_TASK);
        String completed = get("/tasks?status=Completed", olivia).body();
        assertThat(completed).contains(">EN001/01<").doesNotContain(">EN003/01<");
        assertThat(rowRefs(get("/mine", olivia).body())).containsExactly(TASK);
    }

    @Test
    void aLongListShowsAPageAndALinkToAllOfIt() throws Exception {
        String viewer = signIn("Vic");
        String page = get("/tasks", viewer).body();
        assertThat(rowRefs(page)).hasSize(DashboardPages.PAGE_ROWS);
        assertThat(page).contains("Show all");
        assertThat(rowRefs(get("/tasks?all=1", viewer).body()).size()).isGreaterThan(DashboardPages.PAGE_ROWS);
    }

    @Test
    void theTimelineShowsOpenTasksTargetDates() throws Exception {
        String viewer = signIn("Mo");
        bot.send("Mo", "date EN003/02 30/06/2023 waiting on legal");
        bot.clock().advance(Duration.ofMinutes(1));
        String page = get("/timeline", viewer).body();
        assertThat(page).contains("class=\"timeline\"", ">EN003/02<", "30/06/2023", "class=\"mark original\"");
    }

    @Test
    void theOverviewShowsAChangeFromTheWebAtOnceAndOneFromChatWithinASecond() throws Exception {
        String mo = signIn("Mo");
        assertThat(overdueCount(get("/", mo).body())).isEqualTo(28);
        post("/tasks/IT003%2F01", mo, form("change", "status", "status", "Completed", "csrf", csrf(mo)));
        assertThat(overdueCount(get("/", mo).body())).isEqualTo(27);

        bot.send("Mo", "done IT006/01");
        bot.clock().advance(DashboardReader.RECHECK);
        assertThat(overdueCount(get("/", mo).body())).isEqualTo(26);
    }

    static int overdueCount(String page) {
        Matcher m = Pattern.compile("<h2>Overdue <small>\\((\\d+)\\)</small>").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return Integer.parseInt(m.group(1));
    }

    // ---- a task's page, per role

    @Test
    void aViewerSeesTheCardHistoryAndAuditButNoForms() throws Exception {
        HttpResponse<String> r = get("/tasks/EN003%2F01", signIn("Vic"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("EN003/01", "Target date history", "Audit trail", "Olivia").doesNotContain("id=\"status-form\"");
    }

    @Test
    void anOfficerSeesFormsOnTheirOwnTaskOnlyAndCannotReassign() throws Exception {
        String olivia = signIn("Olivia");
        String own = get("/tasks/EN003%2F01", olivia).body();
        assertThat(own).contains("id=\"status-form\"", "id=\"date-form\"", "id=\"note-form\"", "name=\"csrf\"")
                .doesNotContain("id=\"assign-form\"");
        assertThat(get("/tasks/EN003%2F02", olivia).body()).doesNotContain("id=\"status-form\"");
    }

    @Test
    void aManagerMayAlsoReassign() throws Exception {
        assertThat(get("/tasks/EN003%2F02", signIn("Mo")).body()).contains("id=\"assign-form\"", "<option value=\"Olivia\">");
    }

    @Test
    void anUnknownRefIsA404PageNamingIt() throws Exception {
        HttpResponse<String> r = get("/tasks/ZZ999%2F01", signIn("Vic"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("ZZ999/01").doesNotContain("Exception");
    }

    @Test
    void hostileTextIsShownAsTextOnEveryPage() throws Exception {
        String mo = signIn("Mo");
        post("/tasks/EN004%2F01", mo, form("change", "note", "note", "<img src=x onerror=alert(2)>", "csrf", csrf(mo)));
        for (String path : List.of("/tasks/EN004%2F01", "/tasks", "/")) {
            String page = get(path, mo).body();
            assertThat(page).as(path).doesNotContain("<script>alert(1)", "<img src=x");
            if (!path.equals("/")) {
                assertThat(page).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt; @channel");
            }
        }
        assertThat(get("/tasks/EN004%2F01", mo).body()).contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void whereTwoPlansShareARefLinksAndFormsNameThePlanAndTheBareRefOffersBoth() throws Exception {
        Plan sample = PlanEdits.samplePlan();
        bot.importPlan(new Plan("south", sample.layout(), sample.sections()));
        String mo = signIn("Mo");

        HttpResponse<String> bare = get("/tasks/EN003%2F01", mo);
        assertThat(bare.statusCode()).isEqualTo(404);
        assertThat(bare.body()).contains("href=\"/tasks/EN003%2F01%20in%20south\"");
        assertThat(get("/tasks?section=" + enc("PLANNING ENFORCEMENT"), mo).body()).contains("href=\"/tasks/EN003%2F01%20in%20south\"");

        String south = get("/tasks/EN003%2F01%20in%20south", mo).body();
        assertThat(south).contains("south · PLANNING ENFORCEMENT", "action=\"/tasks/EN003%2F01%20in%20south\"");
        post("/tasks/EN003%2F01%20in%20south", mo, form("change", "note", "note", "only the south one", "csrf", csrf(mo)));
        assertThat(get("/tasks/EN003%2F01%20in%20south", mo).body()).contains("only the south one");
        assertThat(get("/tasks/EN003%2F01%20in%20" + enc(BundledSample.PLAN), mo).body()).doesNotContain("only the south one");
    }

    // ---- forms

    @Test
    void aFormRunsTheCommandAuditedFromTheWebThenRedirectsToThePageThatSaysWhatHappened() throws Exception {
        String olivia = signIn("Olivia");
        HttpResponse<String> r = post("/tasks/EN003%2F01", olivia,
                form("change", "status", "status", "Completed", "note", "signed off", "csrf", csrf(olivia)));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("location")).hasValue("/tasks/EN003%2F01");
        String flash = cookie(r, DashboardPages.FLASH_COOKIE);

        String page = get("/tasks/EN003%2F01", olivia, DashboardPages.FLASH_COOKIE + "=" + flash).body();
        assertThat(page).contains("class=\"flash ok\"", "Completed");
        assertThat(bot.task(TASK).status().word()).isEqualTo("Completed");
        AuditEvent last = audit(TASK).get(0);
        assertThat(last.source()).isEqualTo(Source.WEB);
        assertThat(last.actor()).isEqualTo("Olivia");
        assertThat(last.change()).isEqualTo("status");
        // and the flash is shown once
        assertThat(get("/tasks/EN003%2F01", olivia).body()).doesNotContain("class=\"flash");
    }

    @Test
    void theDateAndAssignFormsRunTheirCommands() throws Exception {
        String mo = signIn("Mo");
        post("/tasks/EN003%2F02", mo, form("change", "date", "date", "30/06/2023", "reason", "waiting on legal", "csrf", csrf(mo)));
        post("/tasks/EN003%2F02", mo, form("change", "assign", "owner", "Olivia", "csrf", csrf(mo)));
        assertThat(bot.task(OTHERS_TASK).target().display()).isEqualTo("30/06/2023");
        assertThat(bot.task(OTHERS_TASK).owner()).isEqualTo("Olivia");
        assertThat(get("/tasks/EN003%2F02", mo).body()).contains("waiting on legal");
    }

    @Test
    void aRefusedChangeIsShownAndChangesNothing() throws Exception {
        String olivia = signIn("Olivia");
        int before = audit(OTHERS_TASK).size();
        HttpResponse<String> r = post("/tasks/EN003%2F02", olivia,
                form("change", "status", "status", "Completed", "csrf", csrf(olivia)));
        assertThat(r.statusCode()).isEqualTo(303);
        String page = get("/tasks/EN003%2F02", olivia, DashboardPages.FLASH_COOKIE + "=" + cookie(r, DashboardPages.FLASH_COOKIE))
                .body();
        assertThat(page).contains("class=\"flash refused\"", "You can't change EN003/02: it is Sam's");
        assertThat(audit(OTHERS_TASK)).hasSize(before);
        assertThat(bot.task(OTHERS_TASK).status().word()).isNotEqualTo("Completed");
    }

    @Test
    void aFormWithoutOrWithAWrongCsrfTokenIsRefusedWith403() throws Exception {
        String olivia = signIn("Olivia");
        String status = bot.task(TASK).status().word();
        int before = audit(TASK).size();
        for (Map<String, String> f : List.of(form("change", "status", "status", "Completed"),
                form("change", "status", "status", "Completed", "csrf", "forged"))) {
            HttpResponse<String> r = post("/tasks/EN003%2F01", olivia, f);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("Nothing was changed");
        }
        assertThat(audit(TASK)).hasSize(before);
        assertThat(bot.task(TASK).status().word()).isEqualTo(status);
    }

    // ---- exports

    @Test
    void theExportsDownloadAsFilesThatParse() throws Exception {
        String viewer = signIn("Vic");
        String plan = "?plan=" + enc(BundledSample.PLAN);
        HttpResponse<String> csv = get("/export/csv" + plan, viewer);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-disposition"))
                .hasValue("attachment; filename=\"planning-review-action-plan-2023-05-15.csv\"");
        assertThat(csv.body()).contains("REF.", "EN003/01");

        HttpResponse<byte[]> xlsx = http.send(request("/export/xlsx" + plan, viewer).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.headers().firstValue("content-disposition")).hasValueSatisfying(v -> assertThat(v).endsWith(".xlsx\""));
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isGreaterThan(50);
        }

        JsonNode json = new ObjectMapper().readTree(get("/export/json" + plan, viewer).body());
        assertThat(json.toString()).contains("EN003/01");
    }

    // ---- helpers

    /** Signs the person in through a real link and its Continue button; the session cookie's name=value. */
    String signIn(String person) throws Exception {
        URI link = bot.app().signInLinks().issue(TestBot.TENANT, bot.app().admin().person(TestBot.TENANT, person), Source.CLI);
        String token = link.getPath().substring(link.getPath().lastIndexOf('/') + 1);
        HttpResponse<String> r = post(WebAuth.SIGN_IN_PATH, null, form("token", token));
        assertThat(r.statusCode()).isEqualTo(303);
        return WebAuth.COOKIE + "=" + cookie(r, WebAuth.COOKIE);
    }

    /** The CSRF token the pages put in their forms for this session. */
    String csrf(String session) throws Exception {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get("/", session).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.split(";", 2)[0].substring(name.length() + 1)).orElseThrow();
    }

    static List<String> rowRefs(String page) {
        Matcher m = Pattern.compile("<td class=\"ref\"><a href=\"[^\"]+\">([^<]+)</a>").matcher(page);
        List<String> refs = new java.util.ArrayList<>();
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    List<AuditEvent> audit(String ref) {
        return bot.audit(ref);
    }

    static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    HttpRequest.Builder request(String path, String... cookies) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.app().httpPort() + path))
                .timeout(Duration.ofSeconds(20));
        List<String> present = new java.util.ArrayList<>();
        for (String c : cookies) {
            if (c != null) {
                present.add(c);
            }
        }
        if (!present.isEmpty()) {
            b.header("Cookie", String.join("; ", present));
        }
        return b;
    }

    HttpResponse<String> get(String path, String... cookies) throws Exception {
        return http.send(request(path, cookies).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String session, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(enc(v)));
        return http.send(request(path, session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
