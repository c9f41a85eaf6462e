package planbot.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import planbot.discord.DiscordSignature;
import planbot.discord.fake.FakeDiscord.Channel;
import planbot.discord.fake.FakeDiscord.Forgery;
import planbot.discord.fake.FakeDiscord.ModalLayout;
import planbot.discord.fake.FakeDiscord.User;
import planbot.testing.MutableClock;

/** The fake refuses what Discord refuses, spoken to over raw HTTP (not through planbot's client). */
class FakeDiscordTest {
    static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    final FakeDiscord fake = FakeDiscord.start(clock);
    final HttpClient http = HttpClient.newHttpClient();
    final User sam = fake.user("Sam Okafor");
    final Channel plans = fake.channel("plans");

    @AfterEach
    void close() {
        fake.close();
    }

    // ---- raw HTTP

    HttpResponse<String> call(String method, String path, String authorization, JsonNode body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fake.apiBaseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> bot(String method, String path, JsonNode body) throws Exception {
        return call(method, path, "Bot " + FakeDiscord.TOKEN, body);
    }

    HttpResponse<String> post(ObjectNode message) throws Exception {
        return bot("POST", "/channels/" + plans.id() + "/messages", message);
    }

    static ObjectNode message(String content) {
        ObjectNode m = JSON.createObjectNode().put("content", content);
        m.putObject("allowed_mentions").putArray("parse");
        return m;
    }

    static ObjectNode withEmbed(Consumer<ObjectNode> embed) {
        ObjectNode m = message("x");
        embed.accept(m.putArray("embeds").addObject());
        return m;
    }

    static ObjectNode button(String customId, String label) {
        return JSON.createObjectNode().put("type", 2).put("style", 1).put("custom_id", customId).put("label", label);
    }

    static ObjectNode withRows(int rows, int buttonsPerRow) {
        ObjectNode m = message("x");
        ArrayNode components = m.putArray("components");
        for (int r = 0; r < rows; r++) {
            ArrayNode row = components.addObject().put("type", 1).putArray("components");
            for (int b = 0; b < buttonsPerRow; b++) {
                row.add(button("r" + r + "b" + b, "Done"));
            }
        }
        return m;
    }

    static ObjectNode select(int options) {
        ObjectNode s = JSON.createObjectNode().put("type", 3).put("custom_id", "pick");
        ArrayNode o = s.putArray("options");
        for (int i = 0; i < options; i++) {
            o.addObject().put("label", "ENF00" + i).put("value", "v" + i);
        }
        return s;
    }

    /** The answer is 400 50035 naming {@code field} in Discord's nested errors. */
    static void assertInvalid(HttpResponse<String> r, String... field) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("code").asInt()).isEqualTo(50035);
        JsonNode at = body.path("errors");
        for (String f : field) {
            at = at.path(f);
        }
        assertThat(at.path("_errors").isArray()).as(r.body()).isTrue();
    }

    static int code(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("code").asInt();
    }

    ObjectNode response(int type, ObjectNode data) {
        ObjectNode r = JSON.createObjectNode().put("type", type);
        if (data != null) {
            r.set("data", data);
        }
        return r;
    }

    HttpResponse<String> callback(ObjectNode interaction, ObjectNode response) throws Exception {
        return call("POST", "/interactions/" + interaction.get("id").asText() + "/" + interaction.get("token").asText()
                + "/callback", null, response);
    }

    // ---- tokens

    @Test
    void botRoutesNeedTheBotToken() throws Exception {
        HttpResponse<String> none = call("GET", "/users/@me", null, null);
        HttpResponse<String> bearer = call("GET", "/users/@me", "Bearer " + FakeDiscord.TOKEN, null);
        HttpResponse<String> bare = call("GET", "/users/@me", FakeDiscord.TOKEN, null);
        HttpResponse<String> ok = bot("GET", "/users/@me", null);

        for (HttpResponse<String> r : java.util.List.of(none, bearer, bare)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(code(r)).isZero();
        }
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("bot").asBoolean()).isTrue();
    }

    @Test
    void theGatewayUrlIsWhatTheTestSets() throws Exception {
        fake.gatewayUrl("ws://127.0.0.1:4567");
        assertThat(JSON.readTree(bot("GET", "/gateway/bot", null).body()).path("url").asText()).isEqualTo("ws://127.0.0.1:4567");
        assertThat(JSON.readTree(bot("GET", "/gateway", null).body()).path("url").asText()).isEqualTo("ws://127.0.0.1:4567");
        assertThat(JSON.readTree(bot("GET", "/applications/@me", null).body()).path("id").asText()).isEqualTo(FakeDiscord.APPLICATION_ID);
    }

    // ---- channels and people

    @Test
    void dmsClosedUnknownUsersAndChannelsAnswerWithDiscordsCodes() throws Exception {
        User closed = fake.user("Closed Person");
        fake.dmsClosed(closed);
        JsonNode dm = JSON.readTree(bot("POST", "/users/@me/channels", JSON.createObjectNode().put("recipient_id", closed.id())).body());
        HttpResponse<String> toClosed = bot("POST", "/channels/" + dm.path("id").asText() + "/messages", message("hi"));
        HttpResponse<String> unknownUser = bot("POST", "/users/@me/channels", JSON.createObjectNode().put("recipient_id", "42"));
        HttpResponse<String> unknownChannel = bot("POST", "/channels/42/messages", message("hi"));
        Channel hidden = fake.channel("hidden");
        fake.noAccess(hidden);
        Channel readOnly = fake.channel("read-only");
        fake.missingPermissions(readOnly);

        assertThat(dm.path("type").asInt()).isEqualTo(1);
        assertThat(toClosed.statusCode()).isEqualTo(403);
        assertThat(code(toClosed)).isEqualTo(50007);
        assertThat(unknownUser.statusCode()).isEqualTo(404);
        assertThat(code(unknownUser)).isEqualTo(10013);
        assertThat(unknownChannel.statusCode()).isEqualTo(404);
        assertThat(code(unknownChannel)).isEqualTo(10003);
        assertThat(code(bot("POST", "/channels/" + hidden.id() + "/messages", message("hi")))).isEqualTo(50001);
        assertThat(code(bot("POST", "/channels/" + readOnly.id() + "/messages", message("hi")))).isEqualTo(50013);
        assertThat(code(bot("PATCH", "/channels/" + plans.id() + "/messages/42", message("hi")))).isEqualTo(10008);
        assertThat(fake.messages(dm.path("id").asText())).isEmpty();
    }

    // ---- message limits

    @Test
    void aMessageAtEveryLimitIsAccepted() throws Exception {
        ObjectNode m = message("c".repeat(2000));
        ArrayNode embeds = m.putArray("embeds");
        ObjectNode embed = embeds.addObject().put("title", "t".repeat(256)).put("description", "d".repeat(4096));
        embed.putObject("footer").put("text", "f".repeat(600));
        ArrayNode fields = embed.putArray("fields");
        for (int i = 0; i < 25; i++) {
            fields.addObject().put("name", "n" + i).put("value", "v");
        }
        for (int e = 1; e < 10; e++) {
            embeds.addObject().put("title", "e");
        }
        ObjectNode withComponents = withRows(4, 5);
        ((ArrayNode) withComponents.get("components")).addObject().put("type", 1).putArray("components").add(select(25));
        m.set("components", withComponents.get("components"));

        HttpResponse<String> r = post(m);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void contentOver2000IsRefused() throws Exception {
        assertInvalid(post(message("c".repeat(2001))), "content");
        assertThat(fake.messages(plans.id())).isEmpty();
        assertThat(fake.violations()).singleElement().asString().startsWith("content");
    }

    @Test
    void embedLimitsAreEnforced() throws Exception {
        assertInvalid(post(withEmbed(e -> e.put("title", "t".repeat(257)))), "embeds", "0", "title");
        assertInvalid(post(withEmbed(e -> e.put("description", "d".repeat(4097)))), "embeds", "0", "description");
        assertInvalid(post(withEmbed(e -> e.putObject("footer").put("text", "f".repeat(2049)))), "embeds", "0", "footer", "text");
        assertInvalid(post(withEmbed(e -> e.putArray("fields").addObject().put("name", "n").put("value", "v".repeat(1025)))),
                "embeds", "0", "fields", "0", "value");
        assertInvalid(post(withEmbed(e -> e.putArray("fields").addObject().put("name", "n".repeat(257)).put("value", "v"))),
                "embeds", "0", "fields", "0", "name");
        assertInvalid(post(withEmbed(e -> {
            ArrayNode f = e.putArray("fields");
            for (int i = 0; i < 26; i++) {
                f.addObject().put("name", "n").put("value", "v");
            }
        })), "embeds", "0", "fields");
        ObjectNode eleven = message("x");
        for (int i = 0; i < 11; i++) {
            eleven.withArray("embeds").addObject().put("title", "e");
        }
        assertInvalid(post(eleven), "embeds");
        ObjectNode tooMuchInAll = message("x");
        for (int i = 0; i < 2; i++) {
            tooMuchInAll.withArray("embeds").addObject().put("description", "d".repeat(4000));
        }
        assertInvalid(post(tooMuchInAll), "embeds");
    }

    @Test
    void componentLimitsAreEnforced() throws Exception {
        assertInvalid(post(withRows(6, 1)), "components");
        assertInvalid(post(withRows(1, 6)), "components", "0", "components");
        ObjectNode longId = message("x");
        longId.putArray("components").addObject().put("type", 1).putArray("components").add(button("i".repeat(101), "Done"));
        assertInvalid(post(longId), "components", "0", "components", "0", "custom_id");
        ObjectNode longLabel = message("x");
        longLabel.putArray("components").addObject().put("type", 1).putArray("components").add(button("done", "l".repeat(81)));
        assertInvalid(post(longLabel), "components", "0", "components", "0", "label");
        ObjectNode selectWithButton = message("x");
        selectWithButton.putArray("components").addObject().put("type", 1).putArray("components").add(select(3)).add(button("b", "B"));
        assertInvalid(post(selectWithButton), "components", "0", "components", "0");
        ObjectNode bigSelect = message("x");
        bigSelect.putArray("components").addObject().put("type", 1).putArray("components").add(select(26));
        assertInvalid(post(bigSelect), "components", "0", "components", "0", "options");
        ObjectNode bareButton = message("x");
        bareButton.putArray("components").add(button("b", "B"));
        assertInvalid(post(bareButton), "components", "0", "type");
        ObjectNode duplicate = message("x");
        duplicate.putArray("components").addObject().put("type", 1).putArray("components").add(button("b", "B")).add(button("b", "C"));
        assertInvalid(post(duplicate), "components", "0", "components", "1", "custom_id");
    }

    @Test
    void everyMessageMustSayNothingPings() throws Exception {
        ObjectNode missing = JSON.createObjectNode().put("content", "@everyone look");
        ObjectNode everyone = message("x");
        everyone.putObject("allowed_mentions").putArray("parse").add("everyone");
        ObjectNode usersListed = message("x");
        usersListed.putObject("allowed_mentions").putArray("users").add(sam.id());

        assertInvalid(post(missing), "allowed_mentions");
        assertInvalid(post(everyone), "allowed_mentions", "parse");
        assertThat(post(usersListed).statusCode()).isEqualTo(200);
    }

    @Test
    void anEmptyMessageIsRefused() throws Exception {
        HttpResponse<String> r = post(message(""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo(50006);
    }

    @Test
    void aMultipartUploadKeepsTheFileAndThePayload() throws Exception {
        String boundary = "b0undary";
        byte[] file = {1, 2, 3, (byte) 0xfe};
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json\r\n\r\n"
                + message("Digest – week 9").toString() + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"chart.png\"\r\nContent-Type: image/png\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + file.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(file, 0, body, start.length, file.length);
        System.arraycopy(end, 0, body, start.length + file.length, end.length);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(fake.apiBaseUrl() + "/channels/" + plans.id() + "/messages"))
                .header("Authorization", "Bot " + FakeDiscord.TOKEN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode posted = JSON.readTree(r.body());
        assertThat(posted.path("content").asText()).isEqualTo("Digest – week 9");
        assertThat(fake.uploads(posted.path("id").asText())).singleElement().satisfies(u -> {
            assertThat(u.fileName()).isEqualTo("chart.png");
            assertThat(u.bytes()).isEqualTo(file);
        });
    }

    // ---- rate limits

    @Test
    void aRouteLimitAnswers429WithAFloatRetryAfterAndHeaders() throws Exception {
        fake.rateLimit("POST", "/channels/" + plans.id() + "/messages", 2, Duration.ofSeconds(2));
        HttpResponse<String> first = post(message("1"));
        post(message("2"));
        clock.advance(Duration.ofMillis(500));
        HttpResponse<String> third = post(message("3"));
        clock.advance(Duration.ofMillis(1500));
        HttpResponse<String> later = post(message("4"));

        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).contains("1");
        assertThat(first.headers().firstValue("X-RateLimit-Bucket")).isPresent();
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(third.body()).path("retry_after").asDouble()).isEqualTo(1.5);
        assertThat(JSON.readTree(third.body()).path("global").asBoolean()).isFalse();
        assertThat(third.headers().firstValue("Retry-After")).contains("2");
        assertThat(third.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(fake.messages(plans.id())).hasSize(3);
    }

    @Test
    void aGlobalLimitSaysSoInBodyAndHeaders() throws Exception {
        fake.rateLimitNext(0.25, true);
        HttpResponse<String> r = post(message("1"));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(r.body()).path("global").asBoolean()).isTrue();
        assertThat(r.headers().firstValue("X-RateLimit-Global")).contains("true");
        assertThat(r.headers().firstValue("X-RateLimit-Scope")).contains("global");
    }

    // ---- commands

    ObjectNode command(Consumer<ObjectNode> ref) {
        ObjectNode plan = JSON.createObjectNode().put("name", "plan").put("description", "The plan").put("type", 1);
        ObjectNode status = plan.putArray("options").addObject().put("name", "status").put("description", "Status").put("type", 1);
        ObjectNode option = status.putArray("options").addObject().put("name", "ref").put("description", "The task")
                .put("type", 3).put("required", true).put("autocomplete", true);
        ref.accept(option);
        return plan;
    }

    HttpResponse<String> overwrite(ObjectNode... commands) throws Exception {
        ArrayNode list = JSON.createArrayNode();
        for (ObjectNode c : commands) {
            list.add(c);
        }
        return bot("PUT", "/applications/" + FakeDiscord.APPLICATION_ID + "/commands", list);
    }

    @Test
    void aValidOverwriteIsStoredWithIds() throws Exception {
        HttpResponse<String> r = overwrite(command(o -> { }));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fake.commands()).singleElement().satisfies(c -> assertThat(c.path("id").asText()).isNotEmpty());
        assertThat(fake.slashCommand(sam, plans, "status", Map.of("ref", "E")).path("data").path("id").asText())
                .isEqualTo(fake.commands().get(0).path("id").asText());
    }

    @Test
    void commandsBreakingDiscordsRulesAreRefused() throws Exception {
        assertInvalid(overwrite(command(o -> { }).put("name", "Plan")), "0", "name");
        assertInvalid(overwrite(command(o -> { }).put("description", "d".repeat(101))), "0", "description");
        assertInvalid(overwrite(command(o -> o.put("type", 5))), "0", "options", "0", "options", "0", "autocomplete");
        assertInvalid(overwrite(command(o -> o.putArray("choices").addObject().put("name", "a").put("value", "a"))),
                "0", "options", "0", "options", "0", "autocomplete");
        ObjectNode many = command(o -> { });
        ArrayNode options = (ArrayNode) many.get("options");
        for (int i = 0; i < 25; i++) {
            options.addObject().put("name", "sub" + i).put("description", "d").put("type", 1);
        }
        assertInvalid(overwrite(many), "0", "options");
        assertThat(fake.commands()).isEmpty();
    }

    // ---- interactions

    @Test
    void anInteractionTakesOneResponseWithinThreeSeconds() throws Exception {
        ObjectNode late = fake.slashCommand(sam, plans, "status", Map.of("ref", "ENF003"));
        clock.advance(Duration.ofMillis(3001));
        ObjectNode prompt = fake.slashCommand(sam, plans, "status", Map.of("ref", "ENF003"));

        HttpResponse<String> tooLate = callback(late, response(5, null));
        HttpResponse<String> first = callback(prompt, response(4, message("ENF003 on target")));
        HttpResponse<String> second = callback(prompt, response(4, message("again")));
        HttpResponse<String> forged = call("POST", "/interactions/" + prompt.get("id").asText() + "/not-its-token/callback", null,
                response(5, null));

        assertThat(tooLate.statusCode()).isEqualTo(404);
        assertThat(code(tooLate)).isEqualTo(10062);
        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(code(second)).isEqualTo(40060);
        assertThat(code(forged)).isEqualTo(10062);
        assertThat(fake.violations()).hasSize(2);
        assertThat(fake.original(prompt.get("id").asText())).get()
                .satisfies(o -> assertThat(o.path("content").asText()).isEqualTo("ENF003 on target"));
    }

    @Test
    void responsesAreCheckedLikeMessages() throws Exception {
        ObjectNode noMentions = JSON.createObjectNode().put("content", "hi");
        assertInvalid(callback(fake.slashCommand(sam, plans, "status", Map.of()), response(4, noMentions)), "data", "allowed_mentions");
        assertInvalid(callback(fake.slashCommand(sam, plans, "status", Map.of()), response(8, JSON.createObjectNode())), "type");
        assertInvalid(callback(fake.slashCommand(sam, plans, "status", Map.of()), response(7, message("x"))), "type");
    }

    @Test
    void autocompleteTakesAtMost25Choices() throws Exception {
        ObjectNode ok = JSON.createObjectNode();
        ObjectNode tooMany = JSON.createObjectNode();
        for (int i = 0; i < 26; i++) {
            if (i < 25) {
                ok.withArray("choices").addObject().put("name", "ENF0" + i).put("value", "ENF0" + i);
            }
            tooMany.withArray("choices").addObject().put("name", "ENF0" + i).put("value", "ENF0" + i);
        }
        ObjectNode a = fake.autocomplete(sam, plans, "status", "ref", "ENF", Map.of());

        assertInvalid(callback(fake.autocomplete(sam, plans, "status", "ref", "ENF", Map.of()), response(8, tooMany)), "data", "choices");
        assertInvalid(callback(fake.autocomplete(sam, plans, "status", "ref", "ENF", Map.of()), response(4, message("x"))), "type");
        assertThat(callback(a, response(8, ok)).statusCode()).isEqualTo(204);
        assertThat(fake.response(a.get("id").asText())).get().satisfies(r -> assertThat(r.path("data").path("choices")).hasSize(25));
    }

    ObjectNode modal(int rows, String label, boolean labelComponents) {
        ObjectNode data = JSON.createObjectNode().put("custom_id", "newdate").put("title", "New date");
        ArrayNode components = data.putArray("components");
        for (int i = 0; i < rows; i++) {
            ObjectNode input = JSON.createObjectNode().put("type", 4).put("custom_id", "f" + i).put("style", 1);
            if (labelComponents) {
                components.addObject().put("type", 18).put("label", label).set("component", input);
            } else {
                input.put("label", label);
                components.addObject().put("type", 1).putArray("components").add(input);
            }
        }
        return data;
    }

    @Test
    void aModalIsCheckedInBothLayouts() throws Exception {
        String okLabel = "l".repeat(45);
        String longLabel = "l".repeat(46);
        assertThat(callback(fake.slashCommand(sam, plans, "date", Map.of()), response(9, modal(5, okLabel, false))).statusCode()).isEqualTo(204);
        assertThat(callback(fake.slashCommand(sam, plans, "date", Map.of()), response(9, modal(5, okLabel, true))).statusCode()).isEqualTo(204);
        assertInvalid(callback(fake.slashCommand(sam, plans, "date", Map.of()), response(9, modal(6, okLabel, false))), "data", "components");
        assertInvalid(callback(fake.slashCommand(sam, plans, "date", Map.of()), response(9, modal(1, longLabel, false))),
                "data", "components", "0", "components", "0", "label");
        assertInvalid(callback(fake.slashCommand(sam, plans, "date", Map.of()), response(9, modal(1, longLabel, true))),
                "data", "components", "0", "label");
        ObjectNode submit = fake.modalSubmit(sam, plans, null, "newdate", Map.of("f0", "12/03/2026"), ModalLayout.LABELS);
        assertInvalid(callback(submit, response(9, modal(1, okLabel, true))), "type");
    }

    @Test
    void aDeferredAnswerIsEditedAndFollowedUpWithin15Minutes() throws Exception {
        ObjectNode i = fake.slashCommand(sam, plans, "status", Map.of("ref", "ENF003"));
        String webhook = "/webhooks/" + FakeDiscord.APPLICATION_ID + "/" + i.get("token").asText();
        HttpResponse<String> beforeAck = call("PATCH", webhook + "/messages/@original", null, message("early"));
        callback(i, response(5, null));
        HttpResponse<String> edit = call("PATCH", webhook + "/messages/@original", null, message("ENF003: on target"));
        HttpResponse<String> followUp = call("POST", webhook, null, message("more"));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        HttpResponse<String> expired = call("POST", webhook, null, message("too late"));
        HttpResponse<String> unknown = call("POST", "/webhooks/" + FakeDiscord.APPLICATION_ID + "/someone-elses-token", null, message("x"));

        assertThat(code(beforeAck)).isEqualTo(10008);
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(followUp.statusCode()).isEqualTo(200);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(code(expired)).isEqualTo(50027);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(fake.original(i.get("id").asText())).get().satisfies(o -> {
            assertThat(o.path("content").asText()).isEqualTo("ENF003: on target");
            assertThat(o.path("interaction_pending").asBoolean()).isFalse();
        });
        assertThat(fake.followUps(i.get("id").asText())).hasSize(1);
    }

    @Test
    void aButtonClickUpdatesTheMessageItCameFrom() throws Exception {
        ObjectNode reminder = withRows(1, 2);
        String messageId = JSON.readTree(post(reminder).body()).path("id").asText();
        ObjectNode click = fake.buttonClick(sam, plans, messageId, "r0b0");

        HttpResponse<String> r = callback(click, response(7, message("Done — thank you")));

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(click.path("message").path("id").asText()).isEqualTo(messageId);
        assertThat(click.path("data").path("custom_id").asText()).isEqualTo("r0b0");
        assertThat(fake.messages(plans.id()).get(0).path("content").asText()).isEqualTo("Done — thank you");
    }

    // ---- what Discord sends

    @Test
    void interactionsHaveDiscordsShapes() {
        Channel dm = fake.dm(sam);
        ObjectNode command = fake.slashCommand(sam, plans, "status", Map.of("ref", "ENF003"));
        ObjectNode inDm = fake.slashCommand(sam, dm, "mine", Map.of());
        ObjectNode complete = fake.autocomplete(sam, plans, "status", "ref", "EN", Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date", "14/03/2026");
        values.put("reason", "supplier late");
        ObjectNode rows = fake.modalSubmit(sam, dm, null, "newdate", values, ModalLayout.ACTION_ROWS);
        ObjectNode labels = fake.modalSubmit(sam, dm, null, "newdate", values, ModalLayout.LABELS);

        assertThat(command.path("type").asInt()).isEqualTo(2);
        assertThat(command.path("member").path("user").path("id").asText()).isEqualTo(sam.id());
        assertThat(command.has("user")).isFalse();
        assertThat(command.path("guild_id").asText()).isEqualTo(FakeDiscord.GUILD_ID);
        JsonNode sub = command.path("data").path("options").get(0);
        assertThat(sub.path("name").asText()).isEqualTo("status");
        assertThat(sub.path("type").asInt()).isEqualTo(1);
        assertThat(sub.path("options").get(0).path("value").asText()).isEqualTo("ENF003");
        assertThat(inDm.path("user").path("id").asText()).isEqualTo(sam.id());
        assertThat(inDm.has("member")).isFalse();
        assertThat(inDm.has("guild_id")).isFalse();
        assertThat(complete.path("type").asInt()).isEqualTo(4);
        assertThat(complete.path("data").path("options").get(0).path("options").get(0).path("focused").asBoolean()).isTrue();
        assertThat(rows.path("data").path("components").get(1).path("components").get(0).path("value").asText()).isEqualTo("supplier late");
        assertThat(labels.path("data").path("components").get(1).path("type").asInt()).isEqualTo(18);
        assertThat(labels.path("data").path("components").get(1).path("component").path("value").asText()).isEqualTo("supplier late");
        assertThat(fake.ping().path("type").asInt()).isEqualTo(1);
    }

    @Test
    void deliveriesAreSignedAsDiscordSignsAndForgeriesAreNot() throws Exception {
        DiscordSignature verifier = new DiscordSignature(fake.publicKeyHex(), clock);
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/discord/interactions", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean ok = verifier.verify(exchange.getRequestHeaders().getFirst("X-Signature-Ed25519"),
                    exchange.getRequestHeaders().getFirst("X-Signature-Timestamp"), body);
            byte[] answer = (ok ? "{\"type\":1}" : "invalid request signature").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 401, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        endpoint.start();
        try {
            assertThat(fake.deliver(uri(endpoint), fake.ping()).status()).isEqualTo(200);
            for (Forgery f : new Forgery[] {Forgery.MUTATED_BODY, Forgery.STALE_TIMESTAMP, Forgery.WRONG_KEY, Forgery.NO_HEADERS}) {
                assertThat(fake.deliver(uri(endpoint), fake.ping(), f).status()).as(f.name()).isEqualTo(401);
            }
        } finally {
            endpoint.stop(0);
        }
    }

    /** A stand-in for planbot's HTTP endpoint: answers every POST with {@code answer}, after {@code delay}. */
    HttpServer endpoint(String answer, Runnable delay) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/discord/interactions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            delay.run();
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    static URI uri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/discord/interactions");
    }

    @Test
    void inHttpModeTheAnswerToADeliveryIsTheInitialResponse() throws Exception {
        HttpServer deferring = endpoint("{\"type\":5}", () -> { });
        try {
            ObjectNode i = fake.slashCommand(sam, plans, "status", Map.of("ref", "ENF003"));
            fake.deliver(uri(deferring), i);
            HttpResponse<String> edit = call("PATCH", "/webhooks/" + FakeDiscord.APPLICATION_ID + "/" + i.get("token").asText()
                    + "/messages/@original", null, message("ENF003: on target"));

            assertThat(fake.response(i.get("id").asText())).get().satisfies(r -> assertThat(r.path("type").asInt()).isEqualTo(5));
            assertThat(edit.statusCode()).isEqualTo(200);
            assertThat(fake.violations()).isEmpty();
            assertThat(callback(i, response(5, null)).statusCode()).isEqualTo(400);
            assertThat(fake.violations()).containsExactly("a second initial response to one interaction");
        } finally {
            deferring.stop(0);
        }
    }

    @Test
    void inHttpModeALateOrMalformedAnswerIsAViolation() throws Exception {
        HttpServer slow = endpoint("{\"type\":5}", () -> clock.advance(Duration.ofSeconds(4)));
        HttpServer careless = endpoint("{\"type\":4,\"data\":{\"content\":\"@everyone\"}}", () -> { });
        try {
            ObjectNode late = fake.slashCommand(sam, plans, "status", Map.of("ref", "ENF003"));
            fake.deliver(uri(slow), late);
            fake.deliver(uri(careless), fake.slashCommand(sam, plans, "status", Map.of("ref", "ENF003")));

            assertThat(fake.response(late.get("id").asText())).isEmpty();
            assertThat(fake.violations()).hasSize(2);
            assertThat(fake.violations().get(0)).contains("after the interaction");
            assertThat(fake.violations().get(1)).startsWith("data.allowed_mentions");
        } finally {
            slow.stop(0);
            careless.stop(0);
        }
    }

    @Test
    void settingsPointPlanbotAtTheFake() {
        assertThat(fake.settings()).containsEntry("DISCORD_API_BASE_URL", fake.apiBaseUrl())
                .containsEntry("DISCORD_APPLICATION_ID", FakeDiscord.APPLICATION_ID)
                .containsEntry("DISCORD_TOKEN", FakeDiscord.TOKEN)
                .containsEntry("DISCORD_PUBLIC_KEY", fake.publicKeyHex());
        assertThat(fake.publicKeyHex()).hasSize(64).isNotEqualTo(fake.otherPublicKeyHex());
    }
}
