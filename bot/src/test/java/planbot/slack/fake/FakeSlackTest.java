package planbot.slack.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewTitle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import planbot.testing.MutableClock;

/** The fake enforces what it claims, spoken to through the real Slack SDK over real HTTP. */
class FakeSlackTest {
    static final String TOKEN = "xoxb-fake-test-token";

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
    final FakeSlack fake = FakeSlack.start(TOKEN, clock).channel("C1").user("U1", "Olivia");

    @AfterEach
    void close() {
        fake.close();
    }

    MethodsClient client(String token) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        return Slack.getInstance(config).methods(token);
    }

    @Test
    void aPostWithTheRightTokenGetsATsAndIsRecorded() throws Exception {
        // WHEN a message is posted to a channel that exists
        ChatPostMessageResponse r = client(TOKEN).chatPostMessage(b -> b.channel("C1").text("hello"));

        // THEN it is answered with the channel and a ts, and recorded with its params and token header
        assertThat(r.isOk()).isTrue();
        assertThat(r.getChannel()).isEqualTo("C1");
        assertThat(r.getTs()).isNotBlank();
        FakeSlack.Call call = fake.calls("chat.postMessage").get(0);
        assertThat(call.param("text")).isEqualTo("hello");
        assertThat(call.headers().get("authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(call.at()).isEqualTo(clock.instant());
        assertThat(fake.messages("C1")).hasSize(1);
    }

    @Test
    void aWrongTokenIsInvalidAuth() throws Exception {
        assertThat(client("xoxb-wrong").chatPostMessage(b -> b.channel("C1").text("x")).getError())
                .isEqualTo("invalid_auth");
        assertThat(client("xoxb-wrong").authTest(b -> b).getError()).isEqualTo("invalid_auth");
        assertThat(client(TOKEN).authTest(b -> b).getUserId()).isEqualTo(FakeSlack.BOT_USER_ID);
    }

    @Test
    void unknownAndArchivedChannelsAreRefused() throws Exception {
        fake.channel("C2").archive("C2");
        assertThat(client(TOKEN).chatPostMessage(b -> b.channel("C404").text("x")).getError()).isEqualTo("channel_not_found");
        assertThat(client(TOKEN).chatPostMessage(b -> b.channel("C2").text("x")).getError()).isEqualTo("is_archived");
    }

    @Test
    void blockKitLimitsAreEnforced() throws Exception {
        MethodsClient slack = client(TOKEN);
        List<LayoutBlock> fiftyOne = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.add(DividerBlock.builder().build());
        }
        assertThat(slack.chatPostMessage(b -> b.channel("C1").text("x").blocks(fiftyOne)).getError())
                .isEqualTo("invalid_blocks");
        assertThat(slack.chatPostMessage(b -> b.channel("C1").text("x").blocks(fiftyOne.subList(0, 50))).isOk()).isTrue();

        ButtonElement longLabel = ButtonElement.builder().actionId("a").value("v")
                .text(PlainTextObject.builder().text("x".repeat(76)).build()).build();
        assertThat(slack.chatPostMessage(b -> b.channel("C1").text("x")
                .blocks(List.of(ActionsBlock.builder().elements(List.of(longLabel)).build()))).getError())
                .isEqualTo("invalid_blocks");
        ButtonElement longValue = ButtonElement.builder().actionId("a").value("v".repeat(2001))
                .text(PlainTextObject.builder().text("ok").build()).build();
        assertThat(slack.chatPostMessage(b -> b.channel("C1").text("x")
                .blocks(List.of(ActionsBlock.builder().elements(List.of(longValue)).build()))).getError())
                .isEqualTo("invalid_blocks");
        assertThat(slack.chatPostMessage(b -> b.channel("C1").text("x").blocksAsString("[{not json")).getError())
                .isEqualTo("invalid_blocks");
        assertThat(slack.chatPostMessage(b -> b.channel("C1").text("x".repeat(40_001))).getError())
                .isEqualTo("msg_too_long");
    }

    @Test
    void linkNamesAndParseFullAreViolations() throws Exception {
        assertThat(client(TOKEN).chatPostMessage(b -> b.channel("C1").text("@here").linkNames(true)).getError())
                .isEqualTo("invalid_arguments");
        assertThat(client(TOKEN).chatPostMessage(b -> b.channel("C1").text("@here").parse("full")).getError())
                .isEqualTo("invalid_arguments");
        assertThat(fake.violations()).containsExactly("chat.postMessage sent link_names=1", "chat.postMessage sent parse=full");
    }

    @Test
    void aChannelTakesABurstThenOneMessageASecond() throws Exception {
        MethodsClient slack = client(TOKEN);
        // GIVEN the burst of 3 used up within one second
        for (int i = 0; i < 3; i++) {
            assertThat(slack.chatPostMessage(b -> b.channel("C1").text("x")).isOk()).isTrue();
        }
        // WHEN a fourth comes at once THEN it is HTTP 429 with Retry-After
        assertThatThrownBy(() -> slack.chatPostMessage(b -> b.channel("C1").text("x")))
                .isInstanceOfSatisfying(SlackApiException.class, ex -> {
                    assertThat(ex.getResponse().code()).isEqualTo(429);
                    assertThat(ex.getResponse().header("Retry-After")).isEqualTo("1");
                    assertThat(ex.getError().getError()).isEqualTo("ratelimited");
                });
        // AND a second later one more goes through, but not two
        clock.advance(Duration.ofSeconds(1));
        assertThat(slack.chatPostMessage(b -> b.channel("C1").text("x")).isOk()).isTrue();
        assertThatThrownBy(() -> slack.chatPostMessage(b -> b.channel("C1").text("x")))
                .isInstanceOf(SlackApiException.class);
    }

    @Test
    void misbehaviourIsQueuedPerMethodAndHappensOnce() throws Exception {
        MethodsClient slack = client(TOKEN);
        fake.failNext("chat.postMessage", "not_in_channel").failNextHttp("chat.postMessage", 503)
                .rateLimitNext("chat.postMessage", 7);
        assertThat(slack.chatPostMessage(b -> b.channel("C1").text("x")).getError()).isEqualTo("not_in_channel");
        assertThatThrownBy(() -> slack.chatPostMessage(b -> b.channel("C1").text("x")))
                .isInstanceOfSatisfying(SlackApiException.class, ex -> assertThat(ex.getResponse().code()).isEqualTo(503));
        assertThatThrownBy(() -> slack.chatPostMessage(b -> b.channel("C1").text("x")))
                .isInstanceOfSatisfying(SlackApiException.class,
                        ex -> assertThat(ex.getResponse().header("Retry-After")).isEqualTo("7"));
        assertThat(slack.chatPostMessage(b -> b.channel("C1").text("x")).isOk()).isTrue();
    }

    @Test
    void aRegisteredMethodAnswersInsteadOfTheFakesOwn() throws Exception {
        fake.register("chat.postMessage", c -> FakeSlack.error("team_added_to_org"));
        assertThat(client(TOKEN).chatPostMessage(b -> b.channel("C1").text("x")).getError()).isEqualTo("team_added_to_org");
    }

    @Test
    void aDmIsOpenedForAKnownUserOnly() throws Exception {
        assertThat(client(TOKEN).conversationsOpen(b -> b.users(List.of("U1"))).getChannel().getId())
                .isEqualTo(FakeSlack.dmOf("U1"));
        assertThat(client(TOKEN).chatPostMessage(b -> b.channel(FakeSlack.dmOf("U1")).text("hi")).isOk()).isTrue();
        assertThat(client(TOKEN).conversationsOpen(b -> b.users(List.of("U404"))).getError()).isEqualTo("user_not_found");
        assertThat(client(TOKEN).usersInfo(b -> b.user("U1")).getUser().getRealName()).isEqualTo("Olivia");
    }

    @Test
    void aFileIsCompletedOnlyOnceItsBytesHaveArrived() throws Exception {
        MethodsClient slack = client(TOKEN);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        FilesGetUploadURLExternalResponse url = slack.filesGetUploadURLExternal(b -> b.filename("chart.png").length(png.length));
        assertThat(url.isOk()).isTrue();
        FilesCompleteUploadExternalResponse early = slack.filesCompleteUploadExternal(b -> b.channelId("C1")
                .files(List.of(com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails
                        .builder().id(url.getFileId()).title("Chart").build())));
        assertThat(early.getError()).isEqualTo("file_not_found");

        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.getUploadUrl()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        FilesCompleteUploadExternalResponse done = slack.filesCompleteUploadExternal(b -> b.channelId("C1")
                .files(List.of(com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails
                        .builder().id(url.getFileId()).title("Chart").build())));
        assertThat(done.isOk()).isTrue();
        assertThat(fake.uploads().get(url.getFileId()).bytes()).isEqualTo(png);
    }

    @Test
    void aResponseUrlTakesFivePostsWithinThirtyMinutes() throws Exception {
        String url = fake.responseUrl();
        HttpClient http = HttpClient.newHttpClient();
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            codes.add(http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertThat(codes).containsExactly(200, 200, 200, 200, 200, 404);
        assertThat(fake.violations()).hasSize(1);

        String late = fake.responseUrl();
        clock.advance(Duration.ofMinutes(31));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(late)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("expired_url");
    }

    @Test
    void aTriggerIdExpiresAfterThreeSeconds() throws Exception {
        View modal = View.builder().type("modal").title(ViewTitle.builder().type("plain_text").text("New date").build())
                .blocks(List.of(DividerBlock.builder().build())).build();
        String fresh = fake.triggerId();
        assertThat(client(TOKEN).viewsOpen(b -> b.triggerId(fresh).view(modal)).isOk()).isTrue();
        String stale = fake.triggerId();
        clock.advance(Duration.ofSeconds(4));
        assertThat(client(TOKEN).viewsOpen(b -> b.triggerId(stale).view(modal)).getError()).isEqualTo("expired_trigger_id");
    }
}
