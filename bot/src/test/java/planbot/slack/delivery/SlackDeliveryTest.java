package planbot.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.delivery.DeliveryConfig;
import planbot.delivery.DeliveryFixture;
import planbot.delivery.DigestPayload;
import planbot.delivery.OutboxDispatcher;
import planbot.domain.Task;
import planbot.scheduler.digest.Subscription;
import planbot.slack.fake.FakeSlack;
import planbot.slack.render.NoticeBlocks;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChatIdentity;
import planbot.storage.JdbiChannelRepository;
import planbot.storage.OutboxEntry;
import planbot.storage.OutboxMessage;

/**
 * Slack delivery end to end: the real sweep's outbox in a real SQLite file, the real {@link OutboxDispatcher},
 * {@link planbot.delivery.ChatRouting} over the stored links and channels, and {@link SlackMessenger} posting through the SDK to a
 * {@link FakeSlack} that keeps Slack's rules, all on one clock only the test moves.
 */
class SlackDeliveryTest {
    static final String TOKEN = "xoxb-1111-2222-secret-bot-token";
    static final String OLIVIA = "U0OLIVIA";
    static final String DM = FakeSlack.dmOf(OLIVIA);

    @TempDir
    Path dir;

    DeliveryFixture f;
    FakeSlack fake;
    JdbiChannelRepository channels;

    /** The fixture with these tasks; Olivia linked to a Slack user; plan, manager and admin channels set. */
    void open(List<Task> tasks) {
        f = DeliveryFixture.open(dir, tasks);
        fake = FakeSlack.start(TOKEN, f.clock).channel("CPLAN", "CMGR", "CADMIN", "CDIGEST").user(OLIVIA, "Olivia");
        f.stores.people().link(f.tenant, "Olivia", new ChatIdentity("slack", FakeSlack.TEAM_ID, OLIVIA));
        channels = new JdbiChannelRepository(f.db);
        channels.set(f.tenant, "slack", ChannelPurpose.PLAN, "CPLAN", f.clock.instant());
        channels.set(f.tenant, "slack", ChannelPurpose.MANAGER, "CMGR", f.clock.instant());
        channels.set(f.tenant, "slack", ChannelPurpose.ADMIN, "CADMIN", f.clock.instant());
    }

    OutboxDispatcher dispatcher(String token) {
        SlackMessenger slack = new SlackMessenger(new SlackPoster(fake.apiUrl(), token, Duration.ofSeconds(5)), new NoticeBlocks());
        return f.dispatcher(DeliveryConfig.defaults(), List.of(slack), new planbot.delivery.ChatRouting(f.stores.people(), channels, List.of("slack")));
    }

    @AfterEach
    void close() {
        if (fake != null) {
            fake.close();
        }
        if (f != null) {
            f.close();
        }
    }

    /** Runs passes, a second of the clock apart, until nothing is left to send (or a bound is hit). */
    void deliverAll(OutboxDispatcher dispatcher) {
        for (int i = 0; i < 120 && f.rows().stream().anyMatch(r -> r.state() != OutboxMessage.State.SENT
                && r.state() != OutboxMessage.State.DEAD); i++) {
            dispatcher.runOnce();
            f.clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void twentyRemindersDueAtOnceInOneChannelArePacedAndEachDeliveredOnceDespiteRateLimits() {
        // GIVEN 20 tasks due today for Olivia, whose DM takes one message a second with no burst, and which Slack
        // rate-limits twice more on top
        // (each decided at a moment of its own: one sweep's reminders for Olivia would be one message)
        open(DeliveryFixture.dueToday(20, "Olivia"));
        assertThat(f.sweep().decided()).hasSize(20);
        f.eachRowItsOwnMoment();
        fake.rateLimit(Duration.ofSeconds(1), 1).rateLimitNext("chat.postMessage", 3).rateLimitNext("chat.postMessage", 2);

        // WHEN the dispatcher works through the outbox
        deliverAll(dispatcher(TOKEN));

        // THEN every reminder is SENT with its Slack id, and Olivia's DM holds exactly one message per task
        assertThat(f.rows()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(OutboxMessage.State.SENT);
            assertThat(r.platformMessageId()).startsWith(DM + ":");
        });
        List<ObjectNode> posted = fake.messages(DM);
        assertThat(posted).hasSize(20);
        Set<String> refs = new HashSet<>();
        for (ObjectNode m : posted) {
            String text = m.get("text").asText();
            refs.add(text.substring(text.indexOf("EN001/"), text.indexOf("EN001/") + 8));
        }
        assertThat(refs).hasSize(20);
        // AND they are paced, at least a second apart on the fake's clock
        List<Long> seconds = new ArrayList<>();
        for (ObjectNode m : posted) {
            seconds.add(Long.parseLong(m.get("ts").asText().split("\\.")[0]));
        }
        for (int i = 1; i < seconds.size(); i++) {
            assertThat(seconds.get(i) - seconds.get(i - 1)).as("gap before message " + (i + 1)).isGreaterThanOrEqualTo(1);
        }
        // AND the two rate limits were honoured: the rows waited and were tried again, never dropped
        assertThat(fake.calls("chat.postMessage")).hasSize(22);
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void thirtyRemindersForOnePersonAreOneMessageWithinSlacksLimitsEndingWithHowManyMore() {
        // GIVEN 30 tasks due today for Olivia, with descriptions long enough to test the section limit
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            tasks.add(DeliveryFixture.task(i, "Consult on the draft policy ".repeat(20 + i), DeliveryFixture.DAY, "Olivia"));
        }
        open(tasks);
        assertThat(f.sweep().decided()).hasSize(30);

        // WHEN the dispatcher works through the outbox
        deliverAll(dispatcher(TOKEN));

        // THEN Olivia's DM holds one message, which Slack took: 23 tasks, each with its buttons, and "and 7 more"
        List<ObjectNode> posted = fake.messages(DM);
        assertThat(posted).hasSize(1);
        assertThat(fake.violations()).isEmpty();
        ObjectNode message = posted.get(0);
        assertThat(message.path("blocks").size()).isLessThanOrEqualTo(NoticeBlocks.MAX_BLOCKS - 1);
        assertThat(message.path("blocks").get(0).toString()).contains("30 tasks need you today, Olivia");
        int actions = 0;
        for (var block : message.path("blocks")) {
            actions += block.path("type").asText().equals("actions") ? 1 : 0;
            assertThat(block.path("text").path("text").asText().length()).isLessThanOrEqualTo(NoticeBlocks.MAX_SECTION);
        }
        assertThat(actions).isEqualTo(NoticeBlocks.MAX_IN_GROUP).isEqualTo(23);
        assertThat(message.path("blocks").toString()).contains("and 7 more: `/plan mine`");
        // AND all 30 rows are SENT as that one message
        assertThat(f.rows()).hasSize(30).allSatisfy(r -> assertThat(r.platformMessageId())
                .isEqualTo(DM + ":" + message.get("ts").asText()));
    }

    @Test
    void remindersForOwnersWithoutASlackAccountAreOneMessageInThePlanChannelNamingWhoseTheyAre() {
        // GIVEN two tasks of HoP and one of Sam, neither linked, and one of Olivia, who is
        open(List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "HoP"),
                DeliveryFixture.task(2, "Consult", DeliveryFixture.DAY, "HoP"),
                DeliveryFixture.task(3, "Publish", DeliveryFixture.DAY, "Sam"),
                DeliveryFixture.task(4, "Adopt", DeliveryFixture.DAY, "Olivia")));
        f.sweep();

        // WHEN the dispatcher works through the outbox
        deliverAll(dispatcher(TOKEN));

        // THEN the plan channel holds one message about the three, saying whose they are; Olivia has her own
        List<ObjectNode> plan = fake.messages("CPLAN");
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).get("text").asText()).contains("3 tasks need attention today, for HoP (2), Sam (1)");
        assertThat(plan.get(0).path("blocks").toString()).contains("EN001/01", "EN001/02", "EN001/03").doesNotContain("EN001/04");
        assertThat(fake.messages(DM)).hasSize(1);
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void aChannelThatIsGoneKillsTheRowAndTellsTheAdminChannel() {
        // GIVEN a reminder for HoP, who has no Slack account, and a plan channel the bot cannot see
        open(List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "HoP")));
        channels.set(f.tenant, "slack", ChannelPurpose.PLAN, "CGONE", f.clock.instant());
        f.sweep();
        String key = f.rows().get(0).key();

        // WHEN it is dispatched
        deliverAll(dispatcher(TOKEN));

        // THEN the row is DEAD with a reason an admin can act on
        OutboxMessage dead = f.row(key);
        assertThat(dead.state()).isEqualTo(OutboxMessage.State.DEAD);
        assertThat(dead.lastError()).contains("channel_not_found").contains("/plan channel");
        // AND the admin channel was told, once
        List<ObjectNode> admin = fake.messages("CADMIN");
        assertThat(admin).hasSize(1);
        assertThat(admin.get(0).get("text").asText()).contains("could not deliver").contains("EN001/01")
                .contains("channel_not_found");
    }

    @Test
    void aReminderForSomeoneWithoutASlackAccountGoesToThePlanChannelNamingThem() {
        // GIVEN a reminder for HoP, who has not linked a Slack account
        open(List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "HoP")));
        f.sweep();

        // WHEN it is dispatched
        deliverAll(dispatcher(TOKEN));

        // THEN it is in the plan channel, saying who it is for
        List<ObjectNode> posted = fake.messages("CPLAN");
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).get("text").asText()).startsWith("Reminder for HoP: EN001/01 is due today");
        assertThat(posted.get(0).get("blocks").get(0).toString()).contains("Reminder for HoP");
    }

    @Test
    void aServerErrorThenSuccessDeliversOnce() {
        // GIVEN a reminder for Olivia and a Slack that fails the first post with HTTP 503
        open(List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia")));
        f.sweep();
        String key = f.rows().get(0).key();
        fake.failNextHttp("chat.postMessage", 503);
        OutboxDispatcher dispatcher = dispatcher(TOKEN);

        // WHEN it is dispatched, and again after the backoff
        dispatcher.runOnce();
        OutboxMessage failed = f.row(key);
        assertThat(failed.state()).isEqualTo(OutboxMessage.State.NEW);
        assertThat(failed.lastError()).contains("HTTP 503");
        f.clock.advance(Duration.ofSeconds(30));
        dispatcher.runOnce();

        // THEN it is SENT, and Olivia has exactly one message
        assertThat(f.row(key).state()).isEqualTo(OutboxMessage.State.SENT);
        assertThat(fake.messages(DM)).hasSize(1);
    }

    @Test
    void aTitleThatTriesToPingEveryoneIsPostedInert() {
        // GIVEN a task whose description tries to ping the channel
        open(List.of(DeliveryFixture.task(1, "<!channel> @here <@U123> &", DeliveryFixture.DAY, "Olivia")));
        f.sweep();

        // WHEN it is dispatched
        deliverAll(dispatcher(TOKEN));

        // THEN what Slack received holds only entities, and names are not linked
        FakeSlack.Call post = fake.calls("chat.postMessage").get(0);
        assertThat(post.param("blocks")).contains("&lt;!channel&gt; @here &lt;@U123&gt; &amp;").doesNotContain("<!channel>")
                .doesNotContain("<@U123>");
        assertThat(post.has("parse")).isFalse();
        assertThat(post.param("link_names")).isIn("", "0"); // the SDK always sends its primitive false
        assertThat(post.param("unfurl_links")).isIn("", "0", "false");
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void aDigestIsPostedThenItsChartUploadedIntoItsThread() {
        // GIVEN this week's digest for a Slack channel
        open(List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY.minusDays(3), "Olivia")));
        enqueueDigest("slack:CDIGEST");

        // WHEN it is dispatched
        deliverAll(dispatcher(TOKEN));

        // THEN the digest was posted, then the chart announced, sent and completed into the digest's thread
        assertThat(fake.methodsCalled()).containsExactly("chat.postMessage", "files.getUploadURLExternal", "upload",
                "files.completeUploadExternal");
        String ts = fake.messages("CDIGEST").get(0).get("ts").asText();
        FakeSlack.Call complete = fake.calls("files.completeUploadExternal").get(0);
        assertThat(complete.param("channel_id")).isEqualTo("CDIGEST");
        assertThat(complete.param("thread_ts")).isEqualTo(ts);
        FakeSlack.Upload chart = fake.uploads().values().iterator().next();
        assertThat(chart.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(f.rows("DIGEST").get(0).platformMessageId()).isEqualTo("CDIGEST:" + ts);
    }

    @Test
    void aFailedChartUploadDoesNotPostTheDigestAgain() {
        // GIVEN a digest, and a Slack that fails to complete the chart's upload
        open(List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY.minusDays(3), "Olivia")));
        enqueueDigest("slack:CDIGEST");
        fake.failNext("files.completeUploadExternal", "internal_error");

        // WHEN it is dispatched, and the dispatcher keeps going for a while
        deliverAll(dispatcher(TOKEN));
        f.clock.advance(Duration.ofHours(2));
        dispatcher(TOKEN).runOnce();

        // THEN the digest is SENT and was posted once: the chart is lost for the week, the text is not repeated
        assertThat(f.rows("DIGEST").get(0).state()).isEqualTo(OutboxMessage.State.SENT);
        assertThat(fake.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void anInvalidTokenIsPermanentAndTheTokenAppearsInNoLogAndNoError() {
        // GIVEN a reminder, and a bot token Slack does not accept
        open(List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "Olivia")));
        f.sweep();
        String key = f.rows().get(0).key();
        String wrong = "xoxb-9999-8888-revoked-secret";
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            // WHEN it is dispatched
            deliverAll(dispatcher(wrong));
        } finally {
            System.setErr(err);
        }

        // THEN the row is DEAD at once, saying what to fix
        OutboxMessage dead = f.row(key);
        assertThat(dead.state()).isEqualTo(OutboxMessage.State.DEAD);
        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.lastError()).contains("invalid_auth").contains("SLACK_BOT_TOKEN").doesNotContain(wrong);
        // AND the token is nowhere: not in the log, not in any row's error
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("invalid_auth").doesNotContain(wrong).doesNotContain("9999-8888");
        for (OutboxMessage r : f.rows()) {
            assertThat(String.valueOf(r.lastError())).doesNotContain(wrong);
        }
    }

    private void enqueueDigest(String channel) {
        Instant monday = f.clock.instant();
        f.outbox.enqueue(List.of(new OutboxEntry(f.tenant.id(), "dig:test-council:" + channel + ":2023-W20", "DIGEST", null,
                "CHANNEL", channel, DigestPayload.of(Subscription.weekly(DeliveryFixture.TENANT, channel, null, null), monday,
                        null).toJson())), monday);
    }
}
