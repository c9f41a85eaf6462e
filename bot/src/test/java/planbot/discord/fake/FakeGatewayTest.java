package planbot.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake gateway keeps Discord's contract, seen from a plain WebSocket client (the JDA side is DiscordGatewayTest). */
class FakeGatewayTest {
    static final String TOKEN = "bot-token";
    static final String APP = "1100000000000000001";
    static final ObjectMapper JSON = new ObjectMapper();

    FakeGateway gateway;

    @BeforeEach
    void start() {
        gateway = FakeGateway.start(TOKEN, APP);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void saysHelloAcknowledgesHeartbeatsAndAnswersIdentifyWithReady() throws Exception {
        Client c = Client.connect(gateway.url() + "/?v=10&encoding=json");

        JsonNode hello = c.next();
        assertThat(hello.path("op").asInt()).isEqualTo(10);
        assertThat(hello.path("d").path("heartbeat_interval").asInt()).isPositive();

        c.send(JSON.createObjectNode().put("op", 1).putNull("d"));
        assertThat(c.next().path("op").asInt()).isEqualTo(11);

        c.send(identify(TOKEN, 1));
        JsonNode ready = c.next();
        assertThat(ready.path("op").asInt()).isZero();
        assertThat(ready.path("t").asText()).isEqualTo("READY");
        assertThat(ready.path("s").asInt()).isEqualTo(1);
        JsonNode d = ready.path("d");
        assertThat(d.path("v").asInt()).isEqualTo(10);
        assertThat(d.path("user").path("bot").asBoolean()).isTrue();
        assertThat(d.path("session_id").asText()).isNotBlank();
        assertThat(d.path("resume_gateway_url").asText()).startsWith("ws://127.0.0.1:");
        assertThat(d.path("application").path("id").asText()).isEqualTo(APP);
        assertThat(gateway.identifies()).singleElement()
                .satisfies(i -> assertThat(i.path("intents").asInt()).isEqualTo(1));
        assertThat(gateway.heartbeats()).isEqualTo(1);
    }

    @Test
    void dispatchesGoToReadySessionsWithTheNextSequenceNumber() throws Exception {
        Client ready = Client.connect(gateway.url() + "/?v=10&encoding=json");
        ready.next();
        ready.send(identify(TOKEN, 1));
        ready.next();
        Client notYet = Client.connect(gateway.url() + "/?v=10&encoding=json");
        notYet.next();

        ObjectNode data = JSON.createObjectNode().put("id", "1300000000000000001").put("type", 2);
        assertThat(gateway.dispatch("INTERACTION_CREATE", data)).isEqualTo(1);

        JsonNode event = ready.next();
        assertThat(event.path("t").asText()).isEqualTo("INTERACTION_CREATE");
        assertThat(event.path("s").asInt()).isEqualTo(2);
        assertThat(event.path("d")).isEqualTo(data);
        assertThat(notYet.poll()).isNull();
    }

    @Test
    void aSessionItIssuedIsResumedWithItsSequenceAndAnyOtherIsInvalid() throws Exception {
        Client first = Client.connect(gateway.url() + "/?v=10&encoding=json");
        first.next();
        first.send(identify(TOKEN, 1));
        String sessionId = first.next().path("d").path("session_id").asText();
        gateway.requestReconnect();
        assertThat(first.next().path("op").asInt()).isEqualTo(7);

        Client again = Client.connect(gateway.url() + "/?v=10&encoding=json");
        again.next();
        ObjectNode resume = JSON.createObjectNode().put("op", 6);
        resume.putObject("d").put("token", TOKEN).put("session_id", sessionId).put("seq", 1);
        again.send(resume);
        JsonNode resumed = again.next();
        assertThat(resumed.path("t").asText()).isEqualTo("RESUMED");
        assertThat(resumed.path("s").asInt()).isEqualTo(2);
        assertThat(gateway.resumes()).isEqualTo(1);

        Client stranger = Client.connect(gateway.url() + "/?v=10&encoding=json");
        stranger.next();
        ((ObjectNode) resume.get("d")).put("session_id", "not-a-session");
        stranger.send(resume);
        JsonNode invalid = stranger.next();
        assertThat(invalid.path("op").asInt()).isEqualTo(9);
        assertThat(invalid.path("d").asBoolean(true)).isFalse();
    }

    @Test
    void aWrongTokenIsClosedWith4004() throws Exception {
        Client c = Client.connect(gateway.url() + "/?v=10&encoding=json");
        c.next();

        c.send(identify("not-the-token", 1));

        assertThat(c.closeCode()).isEqualTo(4004);
        assertThat(gateway.sessions()).isZero();
    }

    @Test
    void privilegedIntentsAreClosedWith4014UnlessTheApplicationHasThem() throws Exception {
        int messageContent = 1 << 15;
        Client c = Client.connect(gateway.url() + "/?v=10&encoding=json");
        c.next();
        c.send(identify(TOKEN, 1 | messageContent));
        assertThat(c.closeCode()).isEqualTo(4014);

        gateway.allowPrivilegedIntents(messageContent);
        Client allowed = Client.connect(gateway.url() + "/?v=10&encoding=json");
        allowed.next();
        allowed.send(identify(TOKEN, 1 | messageContent));
        assertThat(allowed.next().path("t").asText()).isEqualTo("READY");
    }

    @Test
    void aWrongVersionEncodingOrCompressionIsRefused() throws Exception {
        assertThat(Client.connect(gateway.url() + "/?v=9&encoding=json").closeCode()).isEqualTo(4012);
        assertThat(Client.connect(gateway.url() + "/?v=10&encoding=etf").closeCode()).isEqualTo(4002);
        assertThat(Client.connect(gateway.url() + "/?v=10&encoding=json&compress=zlib-stream").closeCode())
                .isEqualTo(4002);
    }

    @Test
    void payloadsBeforeIdentifyASecondIdentifyAndUnknownOpsAreClosed() throws Exception {
        Client early = Client.connect(gateway.url() + "/?v=10&encoding=json");
        early.next();
        early.send(JSON.createObjectNode().put("op", 3).putObject("d"));
        assertThat(early.closeCode()).isEqualTo(4003);

        Client twice = Client.connect(gateway.url() + "/?v=10&encoding=json");
        twice.next();
        twice.send(identify(TOKEN, 1));
        twice.next();
        twice.send(identify(TOKEN, 1));
        assertThat(twice.closeCode()).isEqualTo(4005);

        Client unknown = Client.connect(gateway.url() + "/?v=10&encoding=json");
        unknown.next();
        unknown.send(identify(TOKEN, 1));
        unknown.next();
        unknown.send(JSON.createObjectNode().put("op", 99));
        assertThat(unknown.closeCode()).isEqualTo(4001);
    }

    static ObjectNode identify(String token, int intents) {
        ObjectNode frame = JSON.createObjectNode().put("op", 2);
        ObjectNode d = frame.putObject("d").put("token", token).put("intents", intents);
        d.putObject("properties").put("os", "linux").put("browser", "test").put("device", "test");
        return frame;
    }

    /** A plain client: frames received in a queue, the close code the server sent. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Client connect(String url) throws Exception {
            Client c = new Client();
            c.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(url), c).get(5, TimeUnit.SECONDS);
            return c;
        }

        void send(JsonNode frame) throws Exception {
            socket.sendText(frame.toString(), true).get(5, TimeUnit.SECONDS);
        }

        JsonNode next() throws InterruptedException {
            JsonNode frame = received.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 5 s").isNotNull();
            return frame;
        }

        JsonNode poll() throws InterruptedException {
            return received.poll(300, TimeUnit.MILLISECONDS);
        }

        int closeCode() throws Exception {
            return closed.get(5, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
