package planbot.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.domain.AuditEvent;
import planbot.domain.Plan;
import planbot.domain.PlanDate;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.domain.Task;
import planbot.storage.SubscriptionSpec;
import planbot.storage.TaskRow;
import planbot.testing.LogCapture;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadResult;

/**
 * The REST API's contract, over real HTTP on loopback against a real SQLite file holding the sample plan: what each
 * role's token may read and change, that a token sees only its tenant, and that every error is problem+json.
 */
class ApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EN003_01 = "/api/v1/tasks/EN003%2F01";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private TestBot bot;
    private int port;

    @BeforeEach
    void serve() throws Exception {
        // GIVEN the sample plan, with EN003/01 owned by someone called "ci-bot" (the name of an officer token below)
        bot = TestBot.start(dir).importPlan(PlanEdits.sample().owner("EN003/01", "ci-bot").plan());
    }

    private void start() throws Exception {
        bot.app().startPlatforms(List.of(), 0);
        port = bot.app().httpPort();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private String token(String name, Role role) {
        return bot.app().apiTokens().create(TestBot.TENANT, name, role, "test", Source.CLI).orElseThrow();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return call("GET", path, token, null);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    /** The answer is an RFC 9457 problem with this status, and no trace of an exception. */
    private static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = json(r);
        assertThat(p.get("type").asText()).isEqualTo("about:blank");
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at planbot.");
        return p;
    }

    /** Every table but the tokens' own (whose last use a request records). */
    private Map<String, List<Map<String, Object>>> stored() {
        Map<String, List<Map<String, Object>>> dump = new java.util.HashMap<>(bot.dump());
        dump.remove("api_token");
        return dump;
    }

    @Test
    void aTaskByItsEncodedRefAnswersItsFieldsWithIsoDatesAndNoMadeUpDay() throws Exception {
        // GIVEN EN003/02 is due "by December 2016" (a month) and EN003/03 is TBC
        setTarget("EN003/02", new PlanDate(PlanDate.Kind.DATE, LocalDate.of(2016, 12, 31), PlanDate.Precision.MONTH, null, null));
        setTarget("EN003/03", PlanDate.tbc(null, "TBC"));
        String viewer = token("dashboard", Role.VIEWER);
        start();
        // WHEN a viewer token asks for EN003/01, its ref URL-encoded
        HttpResponse<String> r = get(EN003_01, viewer);
        // THEN it gets the task as JSON
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode t = json(r);
        Task stored = bot.task("EN003/01");
        assertThat(t.get("ref").asText()).isEqualTo("EN003/01");
        assertThat(t.get("status").asText()).isEqualTo(stored.status().word());
        assertThat(t.get("rag").asText()).isIn("red", "amber", "green", "blue", "grey", "none");
        assertThat(t.get("owner").asText()).isEqualTo("ci-bot");
        assertThat(t.has("targetDate")).isTrue();
        // AND every task's target is ISO: a day as yyyy-MM-dd, a month as yyyy-MM with precision month, TBC as null
        JsonNode all = json(get("/api/v1/tasks?limit=500", viewer)).get("tasks");
        assertThat(all.size()).isEqualTo((int) PlanEdits.samplePlan().tasks().count());
        int months = 0;
        for (JsonNode task : all) {
            PlanDate target = bot.task(task.get("ref").asText()).target();
            if (target == null || !target.isDate()) {
                assertThat(task.get("targetDate").isNull()).isTrue();
                assertThat(task.get("targetText").isNull()).isEqualTo(target == null);
            } else if (target.precision() == PlanDate.Precision.MONTH) {
                months++;
                assertThat(task.get("targetDate").asText()).matches("\\d{4}-\\d{2}").isEqualTo(target.date().toString().substring(0, 7));
                assertThat(task.get("targetPrecision").asText()).isEqualTo("month");
            } else {
                assertThat(LocalDate.parse(task.get("targetDate").asText())).isEqualTo(target.date());
                assertThat(task.get("targetPrecision").asText()).isEqualTo("day");
            }
        }
        assertThat(months).isPositive();
        JsonNode month = json(get("/api/v1/tasks/EN003%2F02", viewer));
        assertThat(month.get("targetDate").asText()).isEqualTo("2016-12");
        assertThat(month.get("targetPrecision").asText()).isEqualTo("month");
        JsonNode tbc = json(get("/api/v1/tasks/EN003%2F03", viewer));
        assertThat(tbc.get("targetDate").isNull()).isTrue();
        assertThat(tbc.get("targetText").asText()).isEqualTo("TBC");
    }

    private void setTarget(String ref, PlanDate target) {
        TaskRow row = bot.taskRow(ref);
        bot.app().tasks().update(bot.tenant(), row.id(), row.task().withTarget(target), bot.now());
    }

    @Test
    void aViewerTokenReadsEverythingButCannotChangeATask() throws Exception {
        bot.app().admin().subscribe(TestBot.TENANT, new SubscriptionSpec("console", null, null, DayOfWeek.FRIDAY,
                LocalTime.of(16, 30), App.ZONE), "test", Source.CLI);
        String viewer = token("dashboard", Role.VIEWER);
        start();
        // GIVEN a viewer token reads the plans, sections, an action, people, subscriptions and the audit trail
        JsonNode plans = json(get("/api/v1/plans", viewer)).get("plans");
        assertThat(plans).hasSize(1);
        String plan = plans.get(0).get("name").asText();
        assertThat(get("/api/v1/plans/" + plan + "/sections", viewer).statusCode()).isEqualTo(200);
        assertThat(json(get("/api/v1/actions/EN003", viewer)).get("tasks").size()).isPositive();
        assertThat(json(get("/api/v1/people", viewer)).get("people").toString()).contains("ci-bot");
        JsonNode subscription = json(get("/api/v1/subscriptions", viewer)).get("subscriptions").get(0);
        assertThat(subscription.get("channel").asText()).isEqualTo("console");
        assertThat(subscription.get("day").asText()).isEqualTo("friday");
        assertThat(subscription.get("time").asText()).isEqualTo("16:30");
        assertThat(json(get("/api/v1/audit", viewer)).get("events").size()).isGreaterThan(1);
        assertThat(json(get("/api/v1/audit?limit=1", viewer)).get("events").size()).isEqualTo(1);
        Map<String, List<Map<String, Object>>> before = stored();
        // WHEN it tries each change
        problem(call("POST", EN003_01 + "/status", viewer, "{\"status\": \"completed\"}"), 403);
        problem(call("POST", EN003_01 + "/date", viewer, "{\"date\": \"2024-06-30\"}"), 403);
        problem(call("POST", EN003_01 + "/note", viewer, "{\"note\": \"hello\"}"), 403);
        problem(call("POST", EN003_01 + "/owner", viewer, "{\"owner\": \"Sam\"}"), 403);
        problem(call("POST", EN003_01 + "/snooze", viewer, "{\"days\": 7}"), 403);
        problem(call("POST", "/api/v1/plans/" + plan + "/import?dryRun=true", viewer, "a,b"), 403);
        // THEN nothing is stored
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anOfficerTokenOwnsNoTaskEvenWhenItsNameIsTheOwners() throws Exception {
        String officer = token("ci-bot", Role.OFFICER);
        start();
        Map<String, List<Map<String, Object>>> before = stored();
        // WHEN an officer token named like EN003/01's owner changes EN003/01
        HttpResponse<String> r = call("POST", EN003_01 + "/status", officer, "{\"status\": \"completed\"}");
        // THEN it is refused: an integration is nobody in the plan
        assertThat(problem(r, 403).get("detail").asText()).contains("EN003/01");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aManagerTokenChangesATaskThroughTheCommandServiceAuditedWithSourceWeb() throws Exception {
        String manager = token("pmo-sync", Role.MANAGER);
        start();
        // WHEN a manager token completes EN003/01 with a note, and revises its date
        HttpResponse<String> r = call("POST", EN003_01 + "/status", manager, "{\"status\": \"completed\", \"note\": \"signed off\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("task").get("status").asText()).isEqualTo("Completed");
        HttpResponse<String> d = call("POST", EN003_01 + "/date", manager, "{\"date\": \"2024-06-30\", \"reason\": \"board\"}");
        assertThat(d.statusCode()).as(d.body()).isEqualTo(200);
        // THEN the task is changed and each change is audited as the token's, from the web
        assertThat(bot.task("EN003/01").status().word()).isEqualTo("Completed");
        assertThat(bot.task("EN003/01").target().date()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(json(get(EN003_01, manager)).get("targetDate").asText()).isEqualTo("2024-06-30");
        List<AuditEvent> events = bot.audit("EN003/01");
        assertThat(events.subList(0, 2)).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("pmo-sync");
            assertThat(e.source()).isEqualTo(Source.WEB);
        });
        assertThat(events.get(1).note()).isEqualTo("signed off");
        // AND note, owner and snooze work too
        assertThat(call("POST", EN003_01 + "/note", manager, "{\"note\": \"minuted\"}").statusCode()).isEqualTo(200);
        assertThat(call("POST", EN003_01 + "/owner", manager, "{\"owner\": \"Sam Jones\"}").statusCode()).isEqualTo(200);
        assertThat(bot.task("EN003/01").owner()).isEqualTo("Sam Jones");
        assertThat(call("POST", EN003_01 + "/snooze", manager, "{\"days\": 7}").statusCode()).isEqualTo(200);
        assertThat(bot.snoozedUntil("EN003/01")).hasValue(bot.today().plusDays(7));
    }

    @Test
    void anImpossibleDateOrABadBodyIsA400ProblemAndStoresNothing() throws Exception {
        String manager = token("pmo-sync", Role.MANAGER);
        start();
        Map<String, List<Map<String, Object>>> before = stored();
        // WHEN the date does not exist, the JSON is malformed, or a field is missing
        assertThat(problem(call("POST", EN003_01 + "/date", manager, "{\"date\": \"2023-02-31\"}"), 400).get("detail").asText())
                .contains("2023-02-31");
        problem(call("POST", EN003_01 + "/date", manager, "{\"date\": \"30/06/2024\"}"), 400);
        problem(call("POST", EN003_01 + "/status", manager, "{\"status\": "), 400);
        problem(call("POST", EN003_01 + "/status", manager, "[1]"), 400);
        problem(call("POST", EN003_01 + "/status", manager, "{}"), 400);
        problem(call("POST", EN003_01 + "/status", manager, "{\"status\": \"sideways\"}"), 400);
        problem(call("POST", EN003_01 + "/snooze", manager, "{\"days\": 0}"), 400);
        problem(call("POST", EN003_01 + "/status", manager, "{\"status\": \"" + "x".repeat(70_000) + "\"}"), 413);
        problem(get("/api/v1/tasks?limit=501", manager), 400);
        problem(get("/api/v1/tasks?due_before=2023-13-01", manager), 400);
        // THEN nothing is stored
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anotherTenantsTokenSeesNothingOfThisTenant() throws Exception {
        String other = bot.app().apiTokens().create("other-council", "theirs", Role.ADMIN, "test", Source.CLI).orElseThrow();
        start();
        Map<String, List<Map<String, Object>>> before = stored();
        // WHEN another council's admin token asks for this council's plan
        problem(get(EN003_01, other), 404);
        problem(get("/api/v1/actions/EN003", other), 404);
        problem(call("POST", EN003_01 + "/status", other, "{\"status\": \"completed\"}"), 404);
        assertThat(json(get("/api/v1/plans", other)).get("plans")).isEmpty();
        assertThat(json(get("/api/v1/tasks", other)).get("tasks")).isEmpty();
        assertThat(json(get("/api/v1/people", other)).get("people")).isEmpty();
        // THEN its audit trail holds only its own token's creation, and nothing here changed
        JsonNode events = json(get("/api/v1/audit", other)).get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("entityRef").asText()).isEqualTo("theirs");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aMissingWrongOrRevokedTokenIsRefusedWith401() throws Exception {
        String viewer = token("dashboard", Role.VIEWER);
        String revoked = token("old", Role.ADMIN);
        assertThat(bot.app().apiTokens().revoke(TestBot.TENANT, "old", "test", Source.CLI)).isTrue();
        start();
        try (LogCapture log = LogCapture.start()) {
            for (String token : new String[] {null, revoked, viewer + "x", "pbt_", "not-a-token"}) {
                HttpResponse<String> r = get(EN003_01, token);
                problem(r, 401);
                assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
                assertThat(r.body()).doesNotContain("EN003/01");
            }
            // AND no token reaches the log
            assertThat(String.join("\n", log.lines())).doesNotContain(viewer).doesNotContain(revoked);
        }
        HttpResponse<String> none = get(EN003_01, null);
        assertThat(problem(none, 401).get("detail").asText()).contains("Bearer pbt_…");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"planbot\"");
        assertThat(get(EN003_01, revoked).headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"planbot\", error=\"invalid_token\"");
        assertThat(get(EN003_01, viewer).statusCode()).isEqualTo(200);
    }

    @Test
    void aRefTwoPlansShareIsA409ListingThePlansUntilThePlanIsNamed() throws Exception {
        // GIVEN a second plan with the same refs
        Plan sample = PlanEdits.samplePlan();
        bot.app().imports().importPlan(TestBot.TENANT, new ReadResult(new Plan("south", sample.layout(), sample.sections()),
                List.of(), List.of()), ImportMode.APPLY, "test", bot.clock());
        String viewer = token("dashboard", Role.VIEWER);
        start();
        // WHEN a token asks for EN003/01 without naming a plan
        JsonNode p = problem(get(EN003_01, viewer), 409);
        // THEN the problem lists both plans, and naming one answers it
        List<String> plans = new ArrayList<>();
        p.get("plans").forEach(n -> plans.add(n.asText()));
        assertThat(plans).containsExactlyInAnyOrder("south", sample.name());
        assertThat(json(get(EN003_01 + "?plan=south", viewer)).get("plan").asText()).isEqualTo("south");
        problem(get(EN003_01 + "?plan=north", viewer), 404);
    }

    @Test
    void anImportDryRunChangesNothingAndAnApplyAddsThePlan() throws Exception {
        String admin = token("loader", Role.ADMIN);
        start();
        String plan = PlanEdits.samplePlan().name();
        HttpResponse<String> csv = get("/api/v1/plans/" + plan + "/export?format=csv", admin);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        Map<String, List<Map<String, Object>>> before = stored();
        // WHEN the export is imported as a new plan, first as a dry run
        HttpResponse<String> dry = post("/api/v1/plans/copy/import?dryRun=true&filename=copy.csv", admin, csv.body());
        // THEN the report says what it would do and nothing is stored
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        assertThat(json(dry).get("applied").asBoolean()).isFalse();
        assertThat(json(dry).get("tasks").asInt()).isEqualTo((int) PlanEdits.samplePlan().tasks().count());
        assertThat(stored()).isEqualTo(before);
        // WHEN applied THEN the plan is there
        HttpResponse<String> applied = post("/api/v1/plans/copy/import?dryRun=false&filename=copy.csv", admin, csv.body());
        assertThat(json(applied).get("applied").asBoolean()).isTrue();
        assertThat(json(get("/api/v1/plans", admin)).get("plans").toString()).contains("\"copy\"");
        // AND the JSON and XLSX exports answer
        assertThat(json(get("/api/v1/plans/copy/export?format=json", admin)).isObject()).isTrue();
        assertThat(get("/api/v1/plans/copy/export?format=xlsx", admin).body()).startsWith("PK");
        problem(get("/api/v1/plans/copy/export?format=pdf", admin), 400);
    }

    private HttpResponse<String> post(String path, String token, String csv) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anImportOverTheCapIsA413ProblemWhileAChatPlatformsCapStays64Kb() throws Exception {
        String admin = token("loader", Role.ADMIN);
        start();
        Map<String, List<Map<String, Object>>> before = stored();
        // WHEN a file over 20 MB is sent
        byte[] big = new byte[(int) ApiRoutes.MAX_IMPORT_BYTES + 1];
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/plans/big/import?dryRun=true&filename=big.csv"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                HttpResponse.BodyHandlers.ofString());
        // THEN it is refused as too large, and nothing is stored
        problem(r, 413);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void unknownPathsAndMethodsUnderApiAreProblems() throws Exception {
        String viewer = token("dashboard", Role.VIEWER);
        start();
        problem(get("/api/v1/nothing-here", viewer), 404);
        problem(get("/api/v2/plans", null), 404);
        HttpResponse<String> delete = call("DELETE", "/api/v1/plans", viewer, null);
        problem(delete, 405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET");
        problem(call("PUT", EN003_01 + "/status", viewer, "{}"), 405);
        problem(get("/api/v1/tasks/NOPE9%2F9", viewer), 404);
    }

    @Test
    void theTaskListFiltersAndPagesWithACursor() throws Exception {
        String viewer = token("dashboard", Role.VIEWER);
        start();
        int total = (int) PlanEdits.samplePlan().tasks().count();
        // WHEN the tasks are read two at a time
        List<String> refs = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(get("/api/v1/tasks?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), viewer));
            assertThat(page.get("tasks").size()).isBetween(1, 2);
            page.get("tasks").forEach(t -> refs.add(t.get("plan").asText() + " " + t.get("ref").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        // THEN every task comes once
        assertThat(refs).hasSize(total).doesNotHaveDuplicates();
        // AND the filters hold
        JsonNode mine = json(get("/api/v1/tasks?owner=ci-bot", viewer)).get("tasks");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("ref").asText()).isEqualTo("EN003/01");
        for (JsonNode t : json(get("/api/v1/tasks?rag=red&limit=500", viewer)).get("tasks")) {
            assertThat(t.get("rag").asText()).isEqualTo("red");
        }
        for (JsonNode t : json(get("/api/v1/tasks?due_before=2023-01-01&limit=500", viewer)).get("tasks")) {
            assertThat(t.get("targetDate").asText()).isLessThan("2023-01-01");
        }
        problem(get("/api/v1/tasks?rag=purple", viewer), 400);
        problem(get("/api/v1/tasks?cursor=-4", viewer), 400);
    }
}
