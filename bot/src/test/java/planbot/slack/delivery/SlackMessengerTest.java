package planbot.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import planbot.delivery.DigestNotice;
import planbot.delivery.Button;
import planbot.delivery.Recipient;
import planbot.delivery.ReminderNotice;
import planbot.delivery.SendResult;
import planbot.domain.PlanDate;
import planbot.scheduler.reminder.ReminderKind;
import planbot.slack.fake.FakeSlack;
import planbot.slack.render.NoticeBlocks;
import planbot.slack.render.NoticeBlocksTest;
import planbot.testing.MutableClock;

/** How each of Slack's answers becomes a {@link SendResult}, one send at a time, against the fake. */
class SlackMessengerTest {
    static final String TOKEN = "xoxb-messenger-test-token";

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
    final FakeSlack fake = FakeSlack.start(TOKEN, clock).channel("C1").user("U1", "Olivia");
    final SlackPoster poster = new SlackPoster(fake.apiUrl(), TOKEN, Duration.ofMillis(700));
    final SlackMessenger slack = new SlackMessenger(poster, new NoticeBlocks());

    @AfterEach
    void close() {
        fake.close();
    }

    static ReminderNotice reminder() {
        return new ReminderNotice(5, "rem:1:2:OVERDUE:2026-01-01", ReminderKind.OVERDUE, "EN003/01", "Draft",
                "ENFORCEMENT 003", PlanDate.of(LocalDate.of(2026, 1, 1)), LocalDate.of(2026, 1, 1), 4, "Olivia", "Olivia", null,
                null, Button.forReminder(7), "t", 2);
    }

    SendResult sendTo(String address) {
        return slack.send(reminder(), new Recipient("slack", address, "Olivia"));
    }

    @Test
    void aPostToAChannelIsSentAsChannelAndTs() {
        SendResult r = sendTo("C1");
        String ts = fake.messages("C1").get(0).get("ts").asText();
        assertThat(r).isEqualTo(new SendResult.Sent("C1:" + ts));
        assertThat(slack.platform()).isEqualTo("slack");
        assertThat(slack.pace()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aUserIsWrittenToInTheirDmOpenedOnce() {
        // WHEN two notices go to the same user
        SendResult first = sendTo("U1");
        clock.advance(Duration.ofSeconds(1));
        sendTo("U1");

        // THEN both are in their DM, which was opened once
        assertThat(((SendResult.Sent) first).platformMessageId()).startsWith(FakeSlack.dmOf("U1") + ":");
        assertThat(fake.messages(FakeSlack.dmOf("U1"))).hasSize(2);
        assertThat(fake.calls("conversations.open")).hasSize(1);
    }

    @Test
    void aRateLimitIsRetryLaterAfterSlacksRetryAfter() {
        fake.rateLimitNext("chat.postMessage", 7);
        assertThat(sendTo("C1")).isInstanceOfSatisfying(SendResult.RetryLater.class,
                r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        fake.failNext("chat.postMessage", "ratelimited");
        assertThat(sendTo("C1")).isInstanceOf(SendResult.RetryLater.class);
    }

    @Test
    void serverErrorsAndTimeoutsAreRetryLaterWithoutAWait() {
        fake.failNextHttp("chat.postMessage", 502);
        assertThat(sendTo("C1")).isInstanceOfSatisfying(SendResult.RetryLater.class, r -> {
            assertThat(r.retryAfter()).isNull();
            assertThat(r.reason()).contains("HTTP 502");
        });
        fake.delayNext("chat.postMessage", Duration.ofMillis(1500));
        assertThat(sendTo("C1")).isInstanceOfSatisfying(SendResult.RetryLater.class,
                r -> assertThat(r.reason()).contains("could not reach Slack"));
        fake.failNext("chat.postMessage", "internal_error");
        assertThat(sendTo("C1")).isInstanceOf(SendResult.RetryLater.class);
    }

    @Test
    void whatSlackRefusesForGoodIsPermanentInWordsAnAdminCanActOn() {
        fake.failNext("chat.postMessage", "not_in_channel");
        assertThat(sendTo("C1")).isEqualTo(new SendResult.Permanent(
                "the bot is not a member of the Slack channel (not_in_channel): invite it with /invite @planbot"));
        for (String error : List.of("account_inactive", "token_revoked", "msg_too_long", "invalid_blocks", "is_archived",
                "some_new_error")) {
            fake.failNext("chat.postMessage", error);
            assertThat(sendTo("C1")).as(error).isInstanceOfSatisfying(SendResult.Permanent.class,
                    r -> assertThat(r.reason()).contains(error));
        }
        assertThat(sendTo("C404")).isInstanceOfSatisfying(SendResult.Permanent.class,
                r -> assertThat(r.reason()).contains("channel_not_found"));
        assertThat(sendTo("U404")).isInstanceOfSatisfying(SendResult.Permanent.class,
                r -> assertThat(r.reason()).contains("user_not_found"));
    }

    @Test
    void aNoticeWhoseFirstMessageIsPostedIsSentEvenIfTheRestCannotFollow() {
        // GIVEN a digest too big for one message, and a channel that takes no burst
        fake.rateLimit(Duration.ofSeconds(1), 1);
        DigestNotice big = NoticeBlocksTest.notice(NoticeBlocksTest.digest(3000, 0, 0, 0));

        // WHEN it is sent: the first part is posted, the second is rate limited
        SendResult r = slack.send(big, new Recipient("slack", "C1", "slack:C1"));

        // THEN it counts as sent (sending again would post the first part twice), and nothing else was posted
        String ts = fake.messages("C1").get(0).get("ts").asText();
        assertThat(r).isEqualTo(new SendResult.Sent("C1:" + ts));
        assertThat(fake.messages("C1")).hasSize(1);
        assertThat(fake.calls("chat.postMessage")).hasSize(2);
        assertThat(fake.calls("chat.postMessage").get(1).param("thread_ts")).isEqualTo(ts);
    }

    @Test
    void theInboundSideCanReplaceAReminderInPlace() throws SlackFailure {
        // GIVEN a posted reminder
        String id = ((SendResult.Sent) sendTo("C1")).platformMessageId();
        String ts = id.substring(id.indexOf(':') + 1);

        // WHEN it is replaced by its answered form
        poster.update("C1", ts, new planbot.slack.render.SlackMessage("Done, thanks", List.of()));

        // THEN the message in the channel says so
        assertThat(fake.messages("C1").get(0).get("text").asText()).isEqualTo("Done, thanks");
        assertThat(fake.calls("chat.update")).hasSize(1);
    }
}
