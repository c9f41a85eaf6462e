package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import planbot.slack.SlackSignature.Verdict;

/** The request signature check against Slack's documented example, and every way a request can be wrong. */
class SlackSignatureTest {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TS = "1531420618";
    static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignature at(long epochSecond) {
        return new SlackSignature(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void theDocumentedExampleIsValid() {
        // GIVEN the clock at the example's timestamp
        SlackSignature check = at(Long.parseLong(TS));
        // WHEN / THEN the documented signature matches, and signing gives it back
        assertThat(check.verify(TS, SIGNATURE, BODY)).isEqualTo(Verdict.VALID);
        assertThat(check.sign(TS, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void oneCheckUsedOnManyThreadsAtOnceJudgesEveryRequestRight() throws Exception {
        // GIVEN one check shared by 8 threads (as Jetty's threads share the edge's), each keeping a Mac of its own
        SlackSignature check = at(Long.parseLong(TS));
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("roadrunner", "coyote").getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Verdict>> genuine = new java.util.ArrayList<>();
            java.util.List<java.util.concurrent.Future<Verdict>> forged = new java.util.ArrayList<>();
            // WHEN genuine and tampered requests are checked over and over, interleaved
            for (int i = 0; i < 2000; i++) {
                genuine.add(pool.submit(() -> check.verify(TS, SIGNATURE, BODY)));
                forged.add(pool.submit(() -> check.verify(TS, SIGNATURE, tampered)));
            }
            // THEN every genuine one is valid and every tampered one forged: no state leaks between uses or threads
            for (int i = 0; i < genuine.size(); i++) {
                assertThat(genuine.get(i).get()).isEqualTo(Verdict.VALID);
                assertThat(forged.get(i).get()).isEqualTo(Verdict.FORGED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTimestampUpToFiveMinutesAwayEitherWayIsAccepted() {
        assertThat(at(Long.parseLong(TS) + 300).verify(TS, SIGNATURE, BODY)).isEqualTo(Verdict.VALID);
        assertThat(at(Long.parseLong(TS) - 300).verify(TS, SIGNATURE, BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aStaleRequestIsRefusedThoughCorrectlySigned() {
        // GIVEN the clock five minutes and one second after the request was signed
        // WHEN / THEN it is refused as stale (a replay)
        assertThat(at(Long.parseLong(TS) + 301).verify(TS, SIGNATURE, BODY)).isEqualTo(Verdict.STALE);
    }

    @Test
    void aRequestFromTheFutureIsRefused() {
        assertThat(at(Long.parseLong(TS) - 301).verify(TS, SIGNATURE, BODY)).isEqualTo(Verdict.STALE);
    }

    @Test
    void aForgedSignatureIsRefused() {
        SlackSignature check = at(Long.parseLong(TS));
        // a different body under the same signature
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("text=", "text=delete")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(check.verify(TS, SIGNATURE, tampered)).isEqualTo(Verdict.FORGED);
        // a signature made with another secret
        String other = new SlackSignature("not-the-secret", Clock.systemUTC()).sign(TS, BODY);
        assertThat(check.verify(TS, other, BODY)).isEqualTo(Verdict.FORGED);
        // a timestamp moved without re-signing
        assertThat(check.verify(String.valueOf(Long.parseLong(TS) + 1), SIGNATURE, BODY)).isEqualTo(Verdict.FORGED);
        // garbage
        assertThat(check.verify(TS, "v0=00", BODY)).isEqualTo(Verdict.FORGED);
    }

    @Test
    void missingHeadersAreRefused() {
        SlackSignature check = at(Long.parseLong(TS));
        assertThat(check.verify(null, SIGNATURE, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(check.verify(TS, null, BODY)).isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(check.verify("", "", BODY)).isEqualTo(Verdict.MISSING_HEADERS);
    }

    @Test
    void aNonNumericTimestampIsRefused() {
        SlackSignature check = at(Long.parseLong(TS));
        assertThat(check.verify("yesterday", SIGNATURE, BODY)).isEqualTo(Verdict.BAD_TIMESTAMP);
        assertThat(check.verify("1e9", SIGNATURE, BODY)).isEqualTo(Verdict.BAD_TIMESTAMP);
        // an extreme number must not overflow into "fresh"
        assertThat(check.verify(String.valueOf(Long.MIN_VALUE), SIGNATURE, BODY)).isEqualTo(Verdict.STALE);
    }
}
