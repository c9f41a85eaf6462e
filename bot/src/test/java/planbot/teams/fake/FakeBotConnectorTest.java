package planbot.teams.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import planbot.config.Settings;
import planbot.teams.TeamsSettings;
import planbot.teams.auth.ConnectorAuth;
import planbot.teams.fake.FakeBotConnector.Token;
import planbot.teams.fake.FakeBotConnector.User;
import planbot.testing.MutableClock;

/** The fake refuses what Teams refuses, spoken to over raw HTTP (not through planbot's client). */
class FakeBotConnectorTest {
    static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final FakeBotConnector fake = FakeBotConnector.start(clock);
    final HttpClient http = HttpClient.newHttpClient();
    final User olivia = fake.user("Olivia Reed", "olivia.reed@council.example.gov.uk");

    @AfterEach
    void close() {
        fake.close();
    }

    // ---- raw HTTP

    HttpResponse<String> tokenRequest(String form, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.tokenUrl())).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String token() throws Exception {
        HttpResponse<String> r = tokenRequest(form(FakeBotConnector.APP_ID, FakeBotConnector.APP_PASSWORD, FakeBotConnector.SCOPE),
                "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    static String form(String clientId, String secret, String scope) {
        return "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret) + "&scope=" + enc(scope);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<String> connector(String method, String path, JsonNode body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.serviceUrl() + path))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String activitiesPath(String conversationId) {
        return "v3/conversations/" + enc(conversationId) + "/activities";
    }

    static String code(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).at("/error/code").asText();
    }

    static ObjectNode cardMessage(Consumer<ObjectNode> card) {
        ObjectNode a = JSON.createObjectNode().put("type", "message").put("text", "fallback");
        ObjectNode content = a.putArray("attachments").addObject().put("contentType", FakeBotConnector.ADAPTIVE_CARD)
                .putObject("content").put("type", "AdaptiveCard").put("version", "1.5");
        content.putArray("body").addObject().put("type", "TextBlock").put("text", "EN003/01");
        card.accept(content);
        return a;
    }

    // ---- tokens

    @Test
    void theTokenEndpointIssuesTokensOnlyForTheRightCredentialsAndScope() throws Exception {
        HttpResponse<String> ok = tokenRequest(form(FakeBotConnector.APP_ID, FakeBotConnector.APP_PASSWORD, FakeBotConnector.SCOPE),
                "application/x-www-form-urlencoded");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("expires_in").asLong()).isEqualTo(3600);

        HttpResponse<String> wrongSecret = tokenRequest(form(FakeBotConnector.APP_ID, "guess", FakeBotConnector.SCOPE),
                "application/x-www-form-urlencoded");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrongSecret.body()).get("error").asText()).isEqualTo("invalid_client");

        HttpResponse<String> wrongScope = tokenRequest(form(FakeBotConnector.APP_ID, FakeBotConnector.APP_PASSWORD,
                "https://graph.microsoft.com/.default"), "application/x-www-form-urlencoded");
        assertThat(JSON.readTree(wrongScope.body()).get("error").asText()).isEqualTo("invalid_scope");

        HttpResponse<String> json = tokenRequest("{\"grant_type\":\"client_credentials\"}", "application/json");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(fake.tokensIssued()).isEqualTo(1);
    }

    @Test
    void theConnectorRefusesCallsWithoutAValidTokenItIssued() throws Exception {
        ObjectNode message = JSON.createObjectNode().put("type", "message").put("text", "hello");
        String path = activitiesPath(fake.personalConversation(olivia));

        assertThat(connector("POST", path, message, null).statusCode()).isEqualTo(401);
        assertThat(connector("POST", path, message, "eyJmade.up.token").statusCode()).isEqualTo(401);

        // a token it issued works until it expires
        String token = token();
        assertThat(connector("POST", path, message, token).statusCode()).isEqualTo(201);
        clock.advance(Duration.ofHours(1));
        assertThat(connector("POST", path, message, token).statusCode()).isEqualTo(401);
        assertThat(fake.activities(fake.personalConversation(olivia))).hasSize(1);
    }

    // ---- activities

    @Test
    void aCardOfEveryKnownElementAndActionIsAccepted() throws Exception {
        ObjectNode a = cardMessage(card -> {
            ArrayNode body = card.withArray("body");
            body.addObject().put("type", "FactSet").putArray("facts").addObject().put("title", "Owner").put("value", "HoP");
            ObjectNode columns = body.addObject().put("type", "ColumnSet");
            columns.putArray("columns").addObject().put("type", "Column").putArray("items").addObject()
                    .put("type", "TextBlock").put("text", "Overdue");
            body.addObject().put("type", "Container").putArray("items").addObject().put("type", "Image")
                    .put("url", "data:image/png;base64,iVBORw0KGgo=");
            body.addObject().put("type", "RichTextBlock").putArray("inlines").addObject().put("type", "TextRun").put("text", "x");
            body.addObject().put("type", "Input.Date").put("id", "date");
            body.addObject().put("type", "Input.Text").put("id", "reason");
            body.addObject().put("type", "ActionSet").putArray("actions").addObject().put("type", "Action.Execute").put("title", "Done");
            ArrayNode actions = card.putArray("actions");
            actions.addObject().put("type", "Action.Submit").put("title", "On target");
            actions.addObject().put("type", "Action.OpenUrl").put("title", "Open").put("url", "https://example.org");
            ObjectNode show = actions.addObject().put("type", "Action.ShowCard").put("title", "New date");
            show.putObject("card").put("type", "AdaptiveCard").putArray("body").addObject().put("type", "Input.Date").put("id", "d");
        });

        HttpResponse<String> r = connector("POST", activitiesPath(fake.personalConversation(olivia)), a, token());

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(r.body()).get("id").asText()).isNotBlank();
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void cardsTeamsCannotRenderAreRefused() throws Exception {
        String token = token();
        String path = activitiesPath(fake.personalConversation(olivia));
        List<ObjectNode> refused = new ArrayList<>();
        refused.add(cardMessage(card -> card.withArray("body").addObject().put("type", "Media")));
        refused.add(cardMessage(card -> card.put("version", "1.6")));
        refused.add(cardMessage(card -> card.put("type", "HeroCard")));
        refused.add(cardMessage(card -> card.putArray("actions").addObject().put("type", "Action.Http")));
        refused.add(cardMessage(card -> card.withArray("body").addObject().put("type", "Input.Date")));
        refused.add(cardMessage(card -> card.remove("body")));

        for (ObjectNode a : refused) {
            HttpResponse<String> r = connector("POST", path, a, token);
            assertThat(r.statusCode()).as(a.toString()).isEqualTo(400);
            assertThat(code(r)).isEqualTo("BadArgument");
        }
        assertThat(fake.violations()).hasSize(refused.size());
        assertThat(fake.activities(fake.personalConversation(olivia))).isEmpty();
    }

    @Test
    void otherActivityTypesEmptyMessagesAndStrayMentionsAreRefused() throws Exception {
        String token = token();
        String path = activitiesPath(fake.personalConversation(olivia));

        assertThat(connector("POST", path, JSON.createObjectNode().put("type", "event").put("text", "x"), token).statusCode())
                .isEqualTo(400);
        assertThat(connector("POST", path, JSON.createObjectNode().put("type", "message"), token).statusCode()).isEqualTo(400);

        // a mention entity whose text is not in the message (planbot must never mention from user text)
        ObjectNode mention = JSON.createObjectNode().put("type", "message").put("text", "Assigned to Sam");
        mention.putArray("entities").addObject().put("type", "mention").put("text", "<at>Sam</at>")
                .putObject("mentioned").put("id", "29:sam");
        assertThat(connector("POST", path, mention, token).statusCode()).isEqualTo(400);
        assertThat(fake.violations()).anySatisfy(v -> assertThat(v).contains("mention entity"));

        // the same mention with its text in the message is fine
        mention.put("text", "Assigned to <at>Sam</at>");
        assertThat(connector("POST", path, mention, token).statusCode()).isEqualTo(201);
    }

    @Test
    void anActivityOver28KbIsRefusedAsTooBig() throws Exception {
        ObjectNode big = cardMessage(card -> card.withArray("body").addObject().put("type", "TextBlock").put("text", "x".repeat(28 * 1024)));

        HttpResponse<String> r = connector("POST", activitiesPath(fake.personalConversation(olivia)), big, token());

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(code(r)).isEqualTo("MessageSizeTooBig");
    }

    @Test
    void eachConversationIsRateLimitedWithRetryAfter() throws Exception {
        fake.rateLimit(3, Duration.ofSeconds(2));
        String token = token();
        ObjectNode message = JSON.createObjectNode().put("type", "message").put("text", "hello");
        String mine = activitiesPath(fake.personalConversation(olivia));

        for (int i = 0; i < 3; i++) {
            assertThat(connector("POST", mine, message, token).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> limited = connector("POST", mine, message, token);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");

        // another conversation is not held up; and once the window passes, the first takes messages again
        User sam = fake.user("Sam Jones", "sam@council.example.gov.uk");
        assertThat(connector("POST", activitiesPath(fake.personalConversation(sam)), message, token).statusCode()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(2));
        assertThat(connector("POST", mine, message, token).statusCode()).isEqualTo(201);
    }

    @Test
    void uninstalledUsersGoneAndUnknownConversationsAreRefused() throws Exception {
        String token = token();
        ObjectNode message = JSON.createObjectNode().put("type", "message").put("text", "hello");
        ObjectNode create = JSON.createObjectNode();
        create.putObject("bot").put("id", FakeBotConnector.BOT_ID);
        create.putArray("members").addObject().put("id", olivia.id());
        create.put("tenantId", FakeBotConnector.TENANT_ID).putObject("channelData").putObject("tenant").put("id", FakeBotConnector.TENANT_ID);

        HttpResponse<String> created = connector("POST", "v3/conversations", create, token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("id").asText()).isEqualTo(fake.personalConversation(olivia));

        fake.uninstall(olivia);
        HttpResponse<String> refused = connector("POST", "v3/conversations", create, token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("BotNotInConversationRoster");

        FakeBotConnector.Channel general = fake.team(olivia);
        fake.gone(general.id());
        assertThat(code(connector("POST", activitiesPath(general.id()), message, token))).isEqualTo("ConversationNotFound");
        assertThat(code(connector("POST", activitiesPath(general.id() + ";messageid=1"), message, token)))
                .isEqualTo("ConversationNotFound");
        assertThat(connector("POST", activitiesPath("a:never-created"), message, token).statusCode()).isEqualTo(404);

        // a conversation for another tenant is a contract breach
        create.put("tenantId", "00000000-0000-0000-0000-000000000000");
        assertThat(connector("POST", "v3/conversations", create, token).statusCode()).isEqualTo(400);
    }

    @Test
    void everyCallIsRecordedWithTheFakesClock() throws Exception {
        String token = token();
        clock.advance(Duration.ofMinutes(3));
        connector("POST", activitiesPath(fake.personalConversation(olivia)), JSON.createObjectNode().put("type", "message")
                .put("text", "hello"), token);

        FakeBotConnector.Call last = fake.calls().get(fake.calls().size() - 1);
        assertThat(last.method()).isEqualTo("POST");
        assertThat(last.path()).endsWith(fake.personalConversation(olivia) + "/activities");
        assertThat(last.at()).isEqualTo(Instant.parse("2026-03-02T09:03:00Z"));
        assertThat(last.status()).isEqualTo(201);
        assertThat(last.json().get("text").asText()).isEqualTo("hello");
    }

    // ---- metadata and keys

    @Test
    void theOpenIdMetadataNamesAJwksWhoseKeyIsEndorsedForTeams() throws Exception {
        JsonNode metadata = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(fake.openIdMetadataUrl())).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode keys = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(metadata.get("jwks_uri").asText())).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("keys");

        assertThat(metadata.get("issuer").asText()).isEqualTo("https://api.botframework.com");
        JsonNode key = keys.get(0);
        assertThat(key.get("kid").asText()).isEqualTo(fake.keyId());
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("endorsements").toString()).contains("msteams");
        assertThat(key.has("d")).as("no private part published").isFalse();
    }

    // ---- what it sends planbot

    @Test
    void activitiesLookLikeRealTeamsTraffic() {
        FakeBotConnector.Channel general = fake.team(olivia);

        ObjectNode glued = fake.mention(olivia, fake.inChannel(general), "status ENF003", true);
        assertThat(glued.get("text").asText()).isEqualTo("<at>planbot dev</at>status ENF003");
        assertThat(glued.at("/entities/0/mentioned/id").asText()).isEqualTo(FakeBotConnector.BOT_ID);
        assertThat(glued.at("/channelData/channel/id").asText()).isEqualTo(general.id());
        assertThat(glued.at("/conversation/tenantId").asText()).isEqualTo(glued.at("/channelData/tenant/id").asText());
        assertThat(glued.at("/from/aadObjectId").asText()).isEqualTo(olivia.aadObjectId());

        ObjectNode reply = fake.mention(olivia, fake.inThread(general, "1700000000123"), "done", false);
        assertThat(reply.at("/conversation/id").asText()).isEqualTo(general.id() + ";messageid=1700000000123");

        ObjectNode click = fake.submit(olivia, fake.inPersonal(olivia), "1700000000999", JSON.createObjectNode().put("b", "done"));
        assertThat(click.get("type").asText()).isEqualTo("message");
        assertThat(click.has("text")).isFalse();
        assertThat(click.at("/value/b").asText()).isEqualTo("done");

        ObjectNode execute = fake.execute(olivia, fake.inPersonal(olivia), "1700000000999", JSON.createObjectNode(), null);
        assertThat(execute.get("name").asText()).isEqualTo("adaptiveCard/action");
        assertThat(execute.at("/value/action").has("verb")).isFalse();

        ObjectNode installed = fake.botAdded(olivia, fake.inChannel(general));
        assertThat(installed.at("/membersAdded/0/id").asText()).isEqualTo(installed.at("/recipient/id").asText());
        ObjectNode joined = fake.memberJoined(fake.user("Sam Jones", "sam@council.example.gov.uk"), general);
        assertThat(joined.at("/membersAdded/0/id").asText()).isNotEqualTo(joined.at("/recipient/id").asText());
        assertThat(fake.installationUpdate(olivia, fake.inPersonal(olivia), "remove").get("action").asText()).isEqualTo("remove");
    }

    @Test
    void deliverPostsTheActivityWithAJwtPlanbotCanVerify() throws Exception {
        // GIVEN a stand-in for planbot's endpoint that verifies as planbot does
        TeamsSettings settings = TeamsSettings.from(Settings.load(fake.settings(), Path.of("no-such.env"))).orElseThrow();
        ConnectorAuth auth = new ConnectorAuth(settings, http, clock);
        List<String> seen = new ArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/api/messages", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode activity = JSON.readTree(body);
            int status;
            try {
                auth.verify(exchange.getRequestHeaders().getFirst("Authorization"), activity.get("serviceUrl").asText(),
                        activity.get("channelId").asText());
                seen.add(activity.get("text").asText());
                status = 200;
            } catch (planbot.teams.auth.NotAuthorized e) {
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/api/messages");
            ObjectNode activity = fake.message(olivia, fake.inPersonal(olivia), "status ENF003");

            // WHEN it is delivered genuinely, and with each forgery
            assertThat(fake.deliver(uri, activity).status()).isEqualTo(200);
            for (Token forgery : List.of(Token.FORGED_SIGNATURE, Token.EXPIRED, Token.WRONG_AUDIENCE, Token.WRONG_ISSUER,
                    Token.SERVICE_URL_MISMATCH, Token.NO_HEADER)) {
                assertThat(fake.deliver(uri, activity, forgery).status()).as(forgery.name()).isEqualTo(401);
            }

            // THEN only the genuine one got through
            assertThat(seen).containsExactly("status ENF003");
        } finally {
            endpoint.stop(0);
        }
    }
}
