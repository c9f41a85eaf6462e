package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.delivery.NoticeBuilder;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.OutboxEntry;
import planbot.storage.Tenant;

/**
 * {@code PLANBOT_LOG_FORMAT=json} on a real {@code planbot serve} JVM: every line it logs is one JSON object naming the
 * node; a line about an outbox row names the row and its tenant; a secret among the settings never appears.
 */
class JsonLogsTest {
    private static final String SECRET = "metrics-secret-7f3a9c";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void givenJsonLogs_whenARowDies_thenEachLineIsJsonWithTheNodeAndTheDeadRowsLineNamesItsTenantAndId() throws Exception {
        // GIVEN an admin notice for a kind of recipient this planbot does not know: it dies, and that is logged at ERROR
        String url = "jdbc:sqlite:" + dir.resolve("planbot.db");
        long rowId;
        try (App app = App.open(url)) {
            Tenant tenant = app.tenants().getOrCreate("west-lancs", Instant.now());
            JdbiOutboxRepository outbox = new JdbiOutboxRepository(app.database());
            outbox.enqueue(List.of(new OutboxEntry(tenant.id(), "nobody:1", "ADMIN", null, "NOBODY", null,
                    NoticeBuilder.adminPayload("x", "a test message", "a test", 1))), Instant.now());
            rowId = app.database().withHandle(h -> h.createQuery("SELECT id FROM outbox WHERE idempotency_key = 'nobody:1'")
                    .mapTo(Long.class).one());
        }

        // WHEN planbot serves with JSON logs (INFO for planbot, as an operator would run it) and is stopped
        Path out = dir.resolve("serve.out");
        Path err = dir.resolve("children.err");
        Process serve = ServeShutdownTest.serve(dir, url, out, Map.of("PLANBOT_LOG_FORMAT", "json",
                "PLANBOT_NODE_ID", "node-json", "PLANBOT_METRICS_TOKEN", SECRET), "-Dorg.slf4j.simpleLogger.log.planbot=info");
        ServeShutdownTest.await(dir, err, text -> text.contains("is dead"), serve);
        serve.destroy();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // THEN every line parses as a JSON object with the node, a level and a message
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(err)) {
            if (line.startsWith("SLF4J(")) {
                continue; // slf4j's own note, once, before any logging is set up: not a log line
            }
            JsonNode node = json.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            assertThat(node.path("node").asText()).as(line).isEqualTo("node-json");
            assertThat(node.path("level").asText()).as(line).isNotEmpty();
            assertThat(node.path("message").asText()).as(line).isNotEmpty();
            lines.add(node);
        }
        assertThat(lines).anySatisfy(l -> assertThat(l.path("message").asText()).startsWith("HTTP server listening"));
        // AND the dead row's line names its outbox id and tenant as fields
        assertThat(lines).filteredOn(l -> l.path("message").asText().contains("is dead")).singleElement().satisfies(l -> {
            assertThat(l.path("level").asText()).isEqualTo("ERROR");
            assertThat(l.path("outbox_id").asText()).isEqualTo(Long.toString(rowId));
            assertThat(l.path("tenant").asText()).isEqualTo("west-lancs");
        });
        // AND a line about no row names none
        assertThat(lines).filteredOn(l -> l.path("message").asText().startsWith("HTTP server listening"))
                .allSatisfy(l -> assertThat(l.has("outbox_id")).isFalse());
        // AND the secret among the settings is in no line
        assertThat(Files.readString(err)).doesNotContain(SECRET);
    }

    @Test
    void givenABadFormat_thenServeStopsNamingTheKey() throws Exception {
        Path out = dir.resolve("serve.out");
        Process serve = ServeShutdownTest.serve(dir, "jdbc:sqlite:" + dir.resolve("bad.db"), out,
                Map.of("PLANBOT_LOG_FORMAT", "xml"));
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).isNotZero();
        assertThat(Files.readString(dir.resolve("children.err"))).contains("PLANBOT_LOG_FORMAT must be text or json (got 'xml')");
    }
}
