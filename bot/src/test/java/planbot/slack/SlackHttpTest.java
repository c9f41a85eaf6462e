package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.Role;
import planbot.testing.LogCapture;
import planbot.testing.PlanEdits;

/**
 * The HTTP edge over real HTTP: only correctly signed, fresh, small requests reach Bolt; everything else is
 * refused before it has any effect (nothing stored, nothing sent to Slack).
 */
class SlackHttpTest {
    @TempDir
    Path dir;
    SlackFixture f;

    @BeforeEach
    void start() throws Exception {
        f = SlackFixture.start(dir, PlanEdits.sample().owner("EN003/01", "Olivia").plan()).linked("Olivia", Role.OFFICER, "UOLIVIA");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theDocumentedExampleRequestPassesTheSignatureCheck() throws Exception {
        // GIVEN an edge with Slack's documented signing secret, its clock at the example's timestamp
        try (SlackFixture documented = SlackFixture.withSecret(dir.resolve("doc"), SlackSignatureTest.SECRET)) {
            documented.bot.clock().set(Instant.ofEpochSecond(Long.parseLong(SlackSignatureTest.TS)));
            // WHEN the documented request arrives with the documented signature
            HttpResponse<String> r = documented.post(new String(SlackSignatureTest.BODY, StandardCharsets.UTF_8),
                    SlackSignatureTest.TS, SlackSignatureTest.SIGNATURE);
            // THEN it gets past the check to Bolt (which has no /webhook-collect handler: 404, not 401)
            assertThat(r.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void staleFutureForgedAndUnsignedRequestsAre401WithNoEffect() {
        // GIVEN a workspace already bound and a baseline of every table and every call to Slack
        assertThat(f.post(f.slashCommand("UOLIVIA", "help")).statusCode()).isEqualTo(200);
        Map<String, List<Map<String, Object>>> before = f.bot.dump();
        int callsBefore = f.slack.calls().size();
        String update = f.slashCommand("UOLIVIA", "update EN003/01 completed");
        byte[] bytes = update.getBytes(StandardCharsets.UTF_8);
        long now = f.bot.now().getEpochSecond();
        String stale = String.valueOf(now - 301);
        String future = String.valueOf(now + 301);
        String fresh = String.valueOf(now);
        // WHEN a change is sent stale, from the future, forged (other secret, tampered body), unsigned or with a bad timestamp
        List<HttpResponse<String>> answers = List.of(
                f.post(update, stale, f.signer.sign(stale, bytes)),
                f.post(update, future, f.signer.sign(future, bytes)),
                f.post(update, fresh, new SlackSignature("other-secret", f.bot.clock()).sign(fresh, bytes)),
                f.post(update.replace("UOLIVIA", "UADMIN"), fresh, f.signer.sign(fresh, bytes)),
                f.post(update, null, null),
                f.post(update, "soon", f.signer.sign(fresh, bytes)));
        // THEN each is refused with 401, nothing was stored and nothing was sent to Slack
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(401);
        assertThat(answers).extracting(HttpResponse::body).doesNotContain(SlackFixture.SECRET);
        assertThat(f.bot.dump()).isEqualTo(before);
        assertThat(f.slack.calls()).hasSize(callsBefore);
        assertThat(f.bot.task("EN003/01").status().word()).isNotEqualTo("Completed");
    }

    @Test
    void anOversizedBodyIs413BeforeAnyParsing() {
        // GIVEN an unsigned body over 64 KB
        String huge = f.slashCommand("UOLIVIA", "note EN003/01 " + "x".repeat(SlackHttp.MAX_BODY_BYTES));
        // WHEN / THEN it is refused as too large (413, not 401: the size is checked before the signature is computed)
        assertThat(f.post(huge, null, null).statusCode()).isEqualTo(413);
        assertThat(f.bot.audit("EN003/01")).isEmpty();
    }

    @Test
    void aSignedButMalformedRequestIs4xxLoggedOnceAtWarnWithNoStackTraceAndNoEffect() {
        // GIVEN a bound workspace and a baseline of every table
        assertThat(f.post(f.slashCommand("UOLIVIA", "help")).statusCode()).isEqualTo(200);
        Map<String, List<Map<String, Object>>> before = f.bot.dump();
        String update = f.slashCommand("UOLIVIA", "update EN003/01 completed");
        try (LogCapture log = LogCapture.start()) {
            // WHEN correctly signed requests arrive that Slack would never send: a bad %-escape, a payload that is
            // not a JSON object, a form declared as JSON
            List<HttpResponse<String>> answers = List.of(f.post(update + "%zz"), f.post("payload=%5B%5D"),
                    f.post(update, "application/json"));
            // THEN each is refused with a 4xx, no effect, and one short WARN line apiece with no stack trace
            assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(400, 400, 400);
            assertThat(log.at("WARN")).containsExactly("SlackHttp - refused a signed request: form has a bad %-escape",
                    "SlackHttp - refused a signed request: interaction payload is not one JSON object",
                    "SlackHttp - refused a signed request: body is not one JSON object");
            assertThat(log.at("ERROR")).isEmpty();
            assertThat(log.stackTraces()).isZero();
        }
        assertThat(f.bot.dump()).isEqualTo(before);
        assertThat(f.bot.task("EN003/01").status().word()).isNotEqualTo("Completed");
    }

    @Test
    void anEventOfATypePlanbotDoesNotHandleIsAcknowledgedSoSlackDoesNotRetryIt() {
        String event = "{\"type\":\"event_callback\",\"team_id\":\"" + SlackFixture.TEAM + "\",\"event_id\":\"Ev1\","
                + "\"event\":{\"type\":\"reaction_added\",\"user\":\"UOLIVIA\"}}";
        assertThat(f.post(event).statusCode()).isEqualTo(200);
    }

    @Test
    void urlVerificationEchoesTheChallenge() {
        // GIVEN Slack checking the request URL of the Events API
        String body = "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
        // WHEN it posts the signed challenge
        HttpResponse<String> r = f.post(body);
        // THEN the challenge comes back
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void healthOnTheAppsServerReportsTheDatabaseAndSlack() {
        HttpResponse<String> r = f.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\",\"database\":{\"ok\":true,\"detail\":\"sqlite\"},"
                + "\"slack\":{\"ok\":true,\"detail\":\"over HTTP at /slack/events\"}}");
    }

    @Test
    void theBotTokenIsCheckedWithAuthTestAtStart() {
        // THEN the edge asked the fake (not slack.com) who the token is before serving anything
        assertThat(f.slack.methodsCalled()).startsWith("auth.test");
        SlackFixture.await(Duration.ofSeconds(1), "no violations", () -> f.slack.violations().isEmpty() ? true : null);
    }
}
