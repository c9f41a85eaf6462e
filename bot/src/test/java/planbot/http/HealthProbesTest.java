package planbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.config.NodeConfig;
import planbot.platform.PlatformHealth;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * A load balancer's two probes over real HTTP: {@code /health/live} says the process answers and asks nothing else;
 * {@code /health/ready} says the node should get traffic, and stops saying so as soon as the node begins to stop.
 */
class HealthProbesTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenAServingNode_thenLiveAndReadyAre200AndNameTheNode() throws Exception {
        try (TestBot bot = TestBot.start(dir).importPlan(PlanEdits.sample().plan())) {
            // GIVEN a node with an id, serving
            bot.app().useNode(new NodeConfig("node-a"));
            bot.app().serve(List.of(), 0, new PrintWriter(new StringWriter()));
            int port = bot.app().httpPort();
            // WHEN the probes are asked
            HttpResponse<String> live = get(port, "/health/live");
            HttpResponse<String> ready = get(port, "/health/ready");
            // THEN both say ok with the node; readiness shows the parts /health shows
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(live.body()).isEqualTo("{\"status\":\"ok\",\"node\":\"node-a\"}");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"ok\",\"node\":\"node-a\",\"database\":{\"ok\":true,\"detail\":\"sqlite\"},"
                    + "\"scheduler\":{\"ok\":true,\"detail\":\"running\"}}");
            assertThat(json.readTree(get(port, "/health").body()).path("node").asText()).isEqualTo("node-a");
        }
    }

    @Test
    void givenTheDatabaseGone_thenReadyIs503AndLiveStill200() throws Exception {
        try (TestBot bot = TestBot.start(dir)) {
            bot.app().startPlatforms(List.of(), 0);
            int port = bot.app().httpPort();
            // WHEN the database stops answering
            bot.app().database().close();
            // THEN readiness says which part is down, and liveness, which asks no database, still answers
            HttpResponse<String> ready = get(port, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode body = json.readTree(ready.body());
            assertThat(body.path("status").asText()).isEqualTo("unavailable");
            assertThat(body.path("database").path("ok").asBoolean(true)).isFalse();
            assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void givenAPlatformDown_thenReadyIs503NamingIt() throws Exception {
        try (TestBot bot = TestBot.start(dir)) {
            AppServerTest.StubPlatform stub = new AppServerTest.StubPlatform(false, "/stub/events");
            bot.app().startPlatforms(List.of(stub), 0);
            int port = bot.app().httpPort();
            assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
            // WHEN the platform goes down
            stub.well.set(false);
            // THEN readiness is 503 and says which
            HttpResponse<String> ready = get(port, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"discord\":{\"ok\":false,\"detail\":\"socket closed\"}");
        }
    }

    @Test
    void givenTheServerDraining_thenReadyIs503WhileLiveAndOtherRoutesStillAnswer() throws Exception {
        try (AppServer server = new AppServer(0, () -> new Health(Map.of("database", PlatformHealth.up("sqlite"))),
                () -> new Health(Map.of("database", PlatformHealth.up("sqlite"))), null, "node-b")) {
            server.get("/work", ctx -> ctx.result("done"));
            server.start();
            assertThat(get(server.port(), "/health/ready").statusCode()).isEqualTo(200);
            // WHEN the node begins to stop
            server.drain();
            // THEN readiness turns 503 at once, saying why; a request in flight elsewhere is still served
            HttpResponse<String> ready = get(server.port(), "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).isEqualTo("{\"status\":\"unavailable\",\"node\":\"node-b\","
                    + "\"shutdown\":{\"ok\":false,\"detail\":\"this node is stopping\"}}");
            assertThat(get(server.port(), "/health/live").statusCode()).isEqualTo(200);
            assertThat(get(server.port(), "/work").body()).isEqualTo("done");
        }
    }

    @Test
    void givenARequestInFlight_whenTheServerCloses_thenItFinishesAndItsClientGetsTheAnswer() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AppServer server = new AppServer(0, () -> new Health(Map.of()));
        server.get("/slow", ctx -> {
            entered.countDown();
            release.await();
            ctx.result("finished");
        });
        server.start();
        int port = server.port();
        // GIVEN a request being handled
        java.util.concurrent.CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // WHEN the server is closed meanwhile, and the request then finishes
        Thread closer = new Thread(server::close);
        closer.start();
        Thread.sleep(300);
        release.countDown();
        closer.join(15_000);
        // THEN its client gets the whole answer, and the server has stopped
        assertThat(closer.isAlive()).isFalse();
        HttpResponse<String> r = answer.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("finished");
        assertThat(answer).isDone();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(port, "/health/live")).isInstanceOf(java.io.IOException.class);
    }
}
