package planbot.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.storage.JdbiPlanRepository;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * {@code GET /api/openapi.json} is a well-formed OpenAPI 3 document that says what the server really does: every route
 * mounted under /api/v1 is documented with its method, and every documented operation answers something other than
 * 404 or 405 over real HTTP.
 */
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([^/}]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options", "trace");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theServedDocumentIsOpenApi3AndMatchesTheMountedRoutes() throws Exception {
        try (TestBot bot = TestBot.withSample(dir)) {
            App app = bot.app();
            String token = app.apiTokens().create(TestBot.TENANT, "checker", Role.MANAGER, "test", Source.CLI).orElseThrow();
            app.startPlatforms(List.of(), 0);
            int port = app.httpPort();
            // WHEN the document is fetched, with no token
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ApiRoutes.OPENAPI_PATH))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode doc = JSON.readTree(served.body());

            // THEN it is an OpenAPI 3 document whose every reference resolves and every path parameter is declared
            assertThat(doc.path("openapi").asText()).startsWith("3.");
            assertThat(doc.path("info").path("title").asText()).isNotBlank();
            assertThat(doc.path("info").path("version").asText()).isNotBlank();
            assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
            references(doc, doc);
            Set<String> operationIds = new HashSet<>();
            Set<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    assertThat(METHODS).contains(op.getKey());
                    String where = op.getKey() + " " + path.getKey();
                    assertThat(operationIds.add(op.getValue().path("operationId").asText())).as("unique operationId: " + where).isTrue();
                    assertThat(op.getValue().path("responses").size()).as(where).isPositive();
                    Set<String> declared = new HashSet<>();
                    op.getValue().path("parameters").forEach(p -> {
                        if (p.path("in").asText().equals("path")) {
                            assertThat(p.path("required").asBoolean()).as(where).isTrue();
                            declared.add(p.path("name").asText());
                        }
                    });
                    Set<String> inTemplate = new HashSet<>();
                    Matcher m = PARAM.matcher(path.getKey());
                    while (m.find()) {
                        inTemplate.add(m.group(1));
                    }
                    assertThat(declared).as(where).isEqualTo(inTemplate);
                    documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }

            // AND it documents exactly the routes the server mounts under /api/v1
            ApiRoutes api = new ApiRoutes(app.apiTokens(), app.commands(), app.tenants(), new JdbiPlanRepository(app.database()),
                    app.tasks(), app.audit(), app.admin(), app.imports(), app.clock(), App.ZONE);
            Set<String> mounted = new TreeSet<>();
            api.endpoints().forEach(e -> mounted.add(e.method() + " " + e.path()));
            assertThat(documented).isEqualTo(mounted);

            // AND every documented operation is answered (with the sample's plan and EN003/01 in its path)
            String plan = PlanEdits.samplePlan().name();
            for (String operation : documented) {
                String method = operation.substring(0, operation.indexOf(' '));
                String path = operation.substring(operation.indexOf(' ') + 1).replace("{plan}", plan)
                        .replace("/actions/{ref}", "/actions/EN003").replace("{ref}", "EN003%2F01");
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token);
                request = method.equals("GET") ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString("{}"));
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(operation + " answered " + r.body()).isNotIn(404, 405).isLessThan(500);
            }
        }
    }

    /** Fails on any {@code $ref} that does not point into the document. */
    private static void references(JsonNode doc, JsonNode node) {
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        List<JsonNode> children = new ArrayList<>();
        node.elements().forEachRemaining(children::add);
        children.forEach(child -> references(doc, child));
    }
}
