package planbot.teams.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.config.Settings;
import planbot.domain.Role;
import planbot.http.AppServer;
import planbot.http.Health;
import planbot.storage.ChatIdentity;
import planbot.storage.JdbiInboundEventRepository;
import planbot.teams.TeamsPlatform;
import planbot.teams.TeamsSettings;
import planbot.teams.render.ReplyCards;
import planbot.testing.TestBot;

/**
 * {@code POST /teams/webhook} over real HTTP on loopback, on the real App with the sample plan: a signed {@code status}
 * is answered with a card inside Teams' 5 s; a forged, unsigned or replayed request has no effect; reminders are
 * explained, not attempted.
 */
class OutgoingWebhookTest {
    static final String TOKEN = WebhookSignatureTest.TOKEN;
    static final String ENTRA_TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String SAM_AAD = "6b3bd4c2-1111-4a5e-9c8e-0f2b6c1d2e3f";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestBot bot;
    OutgoingWebhook webhook;
    AppServer server;
    final WebhookSignature signature = new WebhookSignature(TOKEN);
    final HttpClient http = HttpClient.newHttpClient();

    void start(Executor executor, Duration deadline) {
        bot = TestBot.withSample(dir).person("Sam Jones", Role.ADMIN);
        App app = bot.app();
        webhook = new OutgoingWebhook(signature, app.platformServices().tenancy(), app.commands(),
                new JdbiInboundEventRepository(app.database()), new ReplyCards(App.ZONE), app.clock(), executor, deadline);
        server = new AppServer(0, () -> new Health(Map.of()));
        webhook.routes(server);
        server.start();
    }

    void start() {
        start(null, OutgoingWebhook.DEFAULT_DEADLINE);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (webhook != null) {
            webhook.close();
        }
        if (bot != null) {
            bot.close();
        }
    }

    static byte[] activity(String id, String text) {
        ObjectNode a = JSON.createObjectNode().put("type", "message").put("id", id).put("text", text);
        a.putObject("from").put("id", "29:1abc").put("name", "Sam Jones").put("aadObjectId", SAM_AAD);
        a.putObject("recipient").put("id", "28:webhook").put("name", "planbot");
        a.putObject("conversation").put("id", "19:general@thread.skype;messageid=" + id).put("tenantId", ENTRA_TENANT);
        a.putObject("channelData").putObject("tenant").put("id", ENTRA_TENANT);
        a.putArray("entities").addObject().put("type", "mention").put("text", "<at>planbot</at>")
                .putObject("mentioned").put("id", "28:webhook").put("name", "planbot");
        return a.toString().getBytes(StandardCharsets.UTF_8);
    }

    HttpResponse<String> post(byte[] body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + OutgoingWebhook.PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signed(byte[] body) throws IOException, InterruptedException {
        return post(body, signature.sign(body));
    }

    @Test
    void givenASignedStatus_whenPosted_thenAnAdaptiveCardAnswersWithinFiveSeconds() throws Exception {
        start();

        long started = System.nanoTime();
        HttpResponse<String> response = signed(activity("1001", "<at>planbot</at> status ENF003"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("type").asText()).isEqualTo("message");
        JsonNode attachment = answer.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.path("content").toString()).contains("EN003");
        assertThat(attachment.path("content").findValues("type").stream().map(JsonNode::asText))
                .as("an outgoing webhook's card can only open links").allMatch(t -> !t.startsWith("Action.") || t.equals("Action.OpenUrl"));
    }

    @Test
    void givenAMutatedOrUnsignedBody_whenPosted_thenItIsRefusedWith401AndNothingHappens() throws Exception {
        start();
        byte[] body = activity("1002", "<at>planbot</at> status ENF003");
        String header = signature.sign(body);
        byte[] mutated = new String(body, StandardCharsets.UTF_8).replace("status ENF003", "status ENF004")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(post(mutated, header).statusCode()).isEqualTo(401);
        assertThat(post(body, null).statusCode()).isEqualTo(401);
        assertThat(post(body, "HMAC " + java.util.Base64.getEncoder().encodeToString(new byte[32])).statusCode()).isEqualTo(401);

        // nothing was bound, recorded or answered: the genuine delivery still works afterwards
        assertThat(bot.app().workspaces().list("teams")).isEmpty();
        assertThat(signed(body).statusCode()).isEqualTo(200);
    }

    @Test
    void givenALinkedPersonsNote_whenTheSameSignedActivityIsReplayed_thenItTakesEffectOnce() throws Exception {
        start();
        bot.app().people().link(bot.tenant(), "Sam Jones", new ChatIdentity("teams", ENTRA_TENANT, SAM_AAD));
        byte[] body = activity("1003", "<at>planbot</at> note EN003/01 waiting for legal");
        int before = bot.audit("EN003/01").size();

        HttpResponse<String> first = signed(body);
        HttpResponse<String> replay = signed(body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).path("text").asText()).isEqualTo(OutgoingWebhook.REPEATED);
        assertThat(bot.audit("EN003/01")).hasSize(before + 1);
        assertThat(bot.audit("EN003/01").get(0).actor()).isEqualTo("Sam Jones");
    }

    @Test
    void givenWeb_whenPosted_thenNoLinkIsMadeOrPostedInTheChannel() throws Exception {
        start();
        HttpResponse<String> response = signed(activity("web1", "<at>planbot</at> web"));
        assertThat(JSON.readTree(response.body()).path("text").asText()).isEqualTo(planbot.command.Command.Web.ONLY_PRIVATELY);
        assertThat(response.body()).doesNotContain("/signin/");
        assertThat(bot.dump().get("signin_link")).isEmpty();
    }

    @Test
    void givenACommandAboutReminders_whenPosted_thenItSaysRemindersNeedTheBot() throws Exception {
        start();

        for (String text : List.of("<at>planbot</at> me reminders teams", "<at>planbot</at> reply EN003/01 done")) {
            HttpResponse<String> response = signed(activity("r" + text.length(), text));
            assertThat(JSON.readTree(response.body()).path("text").asText()).isEqualTo(OutgoingWebhook.REMINDERS_NEED_THE_BOT);
        }
        assertThat(bot.audit("EN003/01")).noneMatch(e -> "Sam Jones".equals(e.actor()));
    }

    @Test
    void givenACommandSlowerThanTeamsWaits_whenPosted_thenItAnswersStillWorkingInTime() throws Exception {
        Executor neverRuns = task -> { };
        start(neverRuns, Duration.ofMillis(300));

        long started = System.nanoTime();
        HttpResponse<String> response = signed(activity("1005", "<at>planbot</at> status ENF003"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(JSON.readTree(response.body()).path("text").asText()).isEqualTo(OutgoingWebhook.STILL_WORKING);
    }

    @Test
    void givenTheWebhooksMentionGluedToTheCommandOrWrappedInMarkup_whenRead_thenOnlyTheCommandRemains() {
        assertThat(OutgoingWebhook.commandText(message("<at>planbot dev</at>status ENF003"))).isEqualTo("status ENF003");
        assertThat(OutgoingWebhook.commandText(message("<p><at>Plan Bot</at>&nbsp;status ENF003"))).isEqualTo("status ENF003");
        assertThat(OutgoingWebhook.commandText(message("  <at>planbot</at>   mine"))).isEqualTo("mine");
    }

    static OutgoingWebhook.Message message(String text) {
        return new OutgoingWebhook.Message("1", ENTRA_TENANT, SAM_AAD, "Sam", "28:webhook", text, JSON.createArrayNode());
    }

    @Test
    void givenOnlyTheWebhookSecret_whenTeamsStartsInTheApp_thenItSaysSoAndTheWebhookAnswersOnTheAppsServer() throws Exception {
        bot = TestBot.withSample(dir);
        TeamsSettings settings = TeamsSettings.from(Settings.load(Map.of("TEAMS_WEBHOOK_SECRET", TOKEN),
                dir.resolve("no.env"))).orElseThrow();
        TeamsPlatform teams = new TeamsPlatform(settings, bot.app().platformServices(), bot.app().database());

        List<String> started = bot.app().startPlatforms(List.of(teams), 0);

        assertThat(started).anyMatch(line -> line.contains("Teams outgoing webhook"));
        byte[] body = activity("2001", "<at>planbot</at> status ENF003");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + bot.app().httpPort() + OutgoingWebhook.PATH)).header("Authorization", signature.sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("attachments").get(0).path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
    }
}
