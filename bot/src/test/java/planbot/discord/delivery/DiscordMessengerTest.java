package planbot.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.delivery.AdminNotice;
import planbot.delivery.Button;
import planbot.delivery.DigestNotice;
import planbot.delivery.Notice;
import planbot.delivery.Recipient;
import planbot.delivery.ReminderGroup;
import planbot.delivery.ReminderNotice;
import planbot.delivery.SendResult;
import planbot.discord.fake.FakeDiscord;
import planbot.discord.fake.FakeDiscord.Channel;
import planbot.discord.fake.FakeDiscord.User;
import planbot.discord.render.NoticeMessages;
import planbot.discord.rest.DiscordRest;
import planbot.domain.PlanDate;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestChart;
import planbot.scheduler.digest.DigestScope;
import planbot.scheduler.reminder.ReminderKind;
import planbot.storage.ChannelPurpose;
import planbot.storage.JdbiChannelRepository;
import planbot.storage.JdbiTenantRepository;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.testing.LogCapture;
import planbot.testing.TestBot;

/**
 * The outbox's messenger for Discord against FakeDiscord (real HTTP, the bot token checked, Discord's limits and error
 * codes), over a real SQLite database for the plan channel and the admin's notice: where a notice goes, how Discord's
 * answers are judged, and what happens when Discord refuses a DM.
 */
class DiscordMessengerTest {
    @TempDir
    Path dir;
    FakeDiscord discord;
    TestBot bot;
    OutboxRepository outbox;
    JdbiChannelRepository channels;
    DiscordMessenger messenger;
    User sam;

    @BeforeEach
    void start() {
        discord = FakeDiscord.start();
        bot = TestBot.withSample(dir);
        outbox = bot.app().platformServices().outbox();
        channels = new JdbiChannelRepository(bot.app().database());
        messenger = messenger(FakeDiscord.TOKEN);
        sam = discord.user("Sam Jones");
    }

    @AfterEach
    void stop() {
        assertThat(discord.violations()).as("every message keeps Discord's limits and mentions nobody").isEmpty();
        discord.close();
        bot.close();
    }

    DiscordMessenger messenger(String token) {
        DiscordRest rest = new DiscordRest(URI.create(discord.apiBaseUrl()), Optional.of(token), Duration.ofSeconds(5));
        return new DiscordMessenger(rest, new NoticeMessages(), new JdbiTenantRepository(bot.app().database()), channels,
                outbox, bot.clock());
    }

    static Recipient to(String address, String name) {
        return new Recipient(DiscordMessenger.PLATFORM, address, name);
    }

    static ReminderNotice reminder(long outboxId, long taskId, String ref, String owner) {
        return new ReminderNotice(outboxId, "rem:1:" + taskId + ":OVERDUE:2023-05-15", ReminderKind.OVERDUE, ref,
                "Publish the enforcement plan @everyone <@123>", "ENFORCEMENT 003", PlanDate.of(LocalDate.of(2023, 5, 1)),
                LocalDate.of(2023, 5, 1), 14, owner, owner, "Patsy Dell", null, Button.forReminder(7), TestBot.TENANT,
                taskId);
    }

    static AdminNotice adminNotice(long id) {
        return new AdminNotice(id, "dead:" + id, "rem:1:7:OVERDUE:2023-05-15", "the OVERDUE reminder about EN003/01 for HoP",
                "the person left", 3);
    }

    String messageIdOf(SendResult result) {
        assertThat(result).isInstanceOf(SendResult.Sent.class);
        return ((SendResult.Sent) result).platformMessageId();
    }

    @Test
    void givenAPersonsUserId_whenSendingAReminder_thenItIsPostedInTheirDmAndTheDmChannelIsRememberedForTheNext() {
        String dm = discord.dm(sam).id();

        SendResult first = messenger.send(reminder(1, 7, "EN003/01", "Sam Jones"), to(sam.id(), "Sam Jones"));
        SendResult second = messenger.send(reminder(2, 8, "EN003/02", "Sam Jones"), to(sam.id(), "Sam Jones"));

        List<ObjectNode> posted = discord.messages(dm);
        assertThat(posted).hasSize(2);
        assertThat(messageIdOf(first)).isEqualTo(dm + ":" + posted.get(0).path("id").asText());
        assertThat(messageIdOf(second)).isEqualTo(dm + ":" + posted.get(1).path("id").asText());
        assertThat(posted.get(0).path("content").asText()).contains("Reminder for Sam Jones");
        assertThat(discord.calls("POST", "/users/@me/channels")).as("the DM channel is opened once").hasSize(1);
        assertThat(discord.calls("POST", "/channels/" + sam.id() + "/")).as("a user id is tried as a channel once").hasSize(1);
    }

    @Test
    void givenAChannelId_whenSending_thenItIsPostedThereWithoutOpeningAnyDm() {
        Channel admins = discord.channel("planbot-admin");

        SendResult result = messenger.send(adminNotice(5), to(admins.id(), "the admin"));

        List<ObjectNode> posted = discord.messages(admins.id());
        assertThat(posted).hasSize(1);
        assertThat(messageIdOf(result)).isEqualTo(admins.id() + ":" + posted.get(0).path("id").asText());
        assertThat(discord.calls("POST", "/users/@me/channels")).isEmpty();
    }

    @Test
    void givenTwelveRemindersForOnePerson_whenSendingTheGroup_thenTheyAreOneMessageWithinDiscordsLimits() {
        List<ReminderNotice> reminders = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            reminders.add(reminder(100 + i, 200 + i, String.format("EN%03d/01", i), "Sam Jones"));
        }

        SendResult result = messenger.send(ReminderGroup.of(reminders), to(sam.id(), "Sam Jones"));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        List<ObjectNode> posted = discord.messages(discord.dm(sam).id());
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).path("content").asText()).contains("12 tasks need you today, Sam Jones");
        assertThat(posted.get(0).path("components").size()).isBetween(1, 5);
    }

    @Test
    void givenADigestWithItsChart_whenSending_thenTheChartIsUploadedWithTheFirstMessageAndShownInItsEmbed() {
        Channel managers = discord.channel("managers");
        Digest digest = bot.app().digest(DigestScope.all(TestBot.TENANT), ZonedDateTime.of(TestBot.START, App.ZONE));
        byte[] chart = DigestChart.png(digest);
        DigestNotice notice = new DigestNotice(9, "dig:1:discord:" + managers.id() + ":2023-W20", "discord:" + managers.id(),
                digest, chart);

        SendResult result = messenger.send(notice, to(managers.id(), "the manager channel"));

        List<ObjectNode> posted = discord.messages(managers.id());
        assertThat(posted).isNotEmpty();
        String firstId = posted.get(0).path("id").asText();
        assertThat(messageIdOf(result)).isEqualTo(managers.id() + ":" + firstId);
        List<FakeDiscord.Upload> uploads = discord.uploads(firstId);
        assertThat(uploads).hasSize(1);
        assertThat(uploads.get(0).fileName()).isEqualTo("digest-chart.png");
        assertThat(uploads.get(0).bytes()).isEqualTo(chart);
        assertThat(posted.get(0).path("embeds").toString()).contains("attachment://digest-chart.png");
    }

    @Test
    void givenDiscordRateLimitsThePost_whenSending_thenItIsRetryLaterWithDiscordsRetryAfter() {
        Channel plan = discord.channel("planning");
        discord.rateLimitNext(2.5, false);

        SendResult result = messenger.send(adminNotice(5), to(plan.id(), "the admin"));

        assertThat(result).isInstanceOf(SendResult.RetryLater.class);
        assertThat(((SendResult.RetryLater) result).retryAfter()).isEqualTo(Duration.ofMillis(2500));
        assertThat(discord.messages(plan.id())).isEmpty();
    }

    @Test
    void givenAChannelTheBotCannotSee_whenSending_thenItIsPermanentSayingWhatToFix() {
        Channel hidden = discord.channel("hidden");
        discord.noAccess(hidden);

        SendResult result = messenger.send(adminNotice(5), to(hidden.id(), "the admin"));

        assertThat(result).isInstanceOf(SendResult.Permanent.class);
        assertThat(((SendResult.Permanent) result).reason()).contains("Missing Access");
        assertThat(discord.calls("POST", "/users/@me/channels")).as("an existing channel is not taken for a person").isEmpty();
    }

    @Test
    void givenADeletedChannel_whenSending_thenItIsPermanentAfterCheckingItIsNoPersonEither() {
        Channel gone = discord.channel("gone");
        discord.delete(gone);

        SendResult result = messenger.send(adminNotice(5), to(gone.id(), "the admin"));

        assertThat(result).isInstanceOf(SendResult.Permanent.class);
        assertThat(((SendResult.Permanent) result).reason()).contains("no channel and no person with the id " + gone.id())
                .contains("/plan channel");
    }

    @Test
    void givenAPersonWhoTakesNoDms_whenTheirRemindersAreSentTwice_thenBothGoToThePlanChannelNamingThemAndTheAdminIsToldOnce() throws Exception {
        Channel plan = discord.channel("planning");
        channels.set(bot.tenant(), DiscordMessenger.PLATFORM, ChannelPurpose.PLAN, plan.id(), bot.now());
        discord.dmsClosed(sam);

        SendResult first = messenger.send(reminder(1, 7, "EN003/01", "Sam Jones"), to(sam.id(), "Sam Jones"));
        SendResult second = messenger.send(reminder(2, 8, "EN003/02", "Sam Jones"), to(sam.id(), "Sam Jones"));

        List<ObjectNode> posted = discord.messages(plan.id());
        assertThat(posted).hasSize(2);
        assertThat(messageIdOf(first)).isEqualTo(plan.id() + ":" + posted.get(0).path("id").asText());
        assertThat(messageIdOf(second)).startsWith(plan.id() + ":");
        assertThat(posted.get(0).path("content").asText()).contains("For Sam Jones").contains("Reminder for Sam Jones");
        assertThat(discord.messages(discord.dm(sam).id())).isEmpty();
        List<String> told = outbox.keys(bot.tenant()).stream().filter(k -> k.startsWith(DiscordMessenger.DM_REFUSED_KEY)).toList();
        assertThat(told).containsExactly(DiscordMessenger.DM_REFUSED_KEY + bot.tenant().id() + ":" + sam.id());

        OutboxMessage row = outbox.find(told.get(0)).orElseThrow();
        assertThat(row.entry().recipientKind()).isEqualTo("ADMIN");
        Notice notice = bot.app().platformServices().notices().build(bot.tenant(), row, bot.now());
        assertThat(notice).isInstanceOf(AdminNotice.class);
        assertThat(notice.text()).contains("Sam Jones").contains("plan channel").contains("/plan people link \"Sam Jones\"");
    }

    @Test
    void givenAPersonWhoTakesNoDmsAndNoDiscordPlanChannel_whenSending_thenItIsPermanentNamingTheCommandThatFixesIt() {
        discord.dmsClosed(sam);

        SendResult result = messenger.send(reminder(1, 7, "EN003/01", "Sam Jones"), to(sam.id(), "Sam Jones"));

        assertThat(result).isInstanceOf(SendResult.Permanent.class);
        assertThat(((SendResult.Permanent) result).reason()).contains("Sam Jones").contains("/plan channel plan");
        assertThat(outbox.keys(bot.tenant())).noneMatch(k -> k.startsWith(DiscordMessenger.DM_REFUSED_KEY));
    }

    @Test
    void givenAnAdminNoticeToAnAdminWhoTakesNoDms_whenSending_thenItIsPermanentAndNoPlanChannelPostIsMade() {
        Channel plan = discord.channel("planning");
        channels.set(bot.tenant(), DiscordMessenger.PLATFORM, ChannelPurpose.PLAN, plan.id(), bot.now());
        discord.dmsClosed(sam);

        SendResult result = messenger.send(adminNotice(5), to(sam.id(), "Sam Jones"));

        assertThat(result).isInstanceOf(SendResult.Permanent.class);
        assertThat(discord.messages(plan.id())).isEmpty();
    }

    @Test
    void givenRefusalsAndFailures_whenSending_thenNeitherTheResultsNorTheLogEverHoldTheBotToken() {
        Channel plan = discord.channel("planning");
        List<SendResult> results = new ArrayList<>();
        List<String> lines;
        try (LogCapture log = LogCapture.start()) {
            discord.rateLimitNext(1.0, true);
            results.add(messenger.send(adminNotice(5), to(plan.id(), "the admin")));
            discord.failNext(500, 0);
            results.add(messenger.send(adminNotice(6), to(plan.id(), "the admin")));
            results.add(messenger("MTEwMDAwMDAwMDAwMDAwMDAwMQ.wrong.token-for-tests").send(adminNotice(7), to(plan.id(), "the admin")));
            results.add(messenger.send(adminNotice(8), to("1999999999999999999", "the admin")));
            lines = log.lines();
        }

        assertThat(results).noneMatch(r -> r instanceof SendResult.Sent);
        assertThat(results.toString()).doesNotContain(FakeDiscord.TOKEN).doesNotContain("token-for-tests");
        assertThat(String.join("\n", lines)).doesNotContain(FakeDiscord.TOKEN).doesNotContain("token-for-tests");
    }
}
