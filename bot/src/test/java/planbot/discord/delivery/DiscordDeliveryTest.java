package planbot.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.config.Settings;
import planbot.delivery.DeliveryConfig;
import planbot.delivery.DispatchReport;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.OutboxDispatcher;
import planbot.discord.DiscordPlatform;
import planbot.discord.DiscordSettings;
import planbot.discord.fake.FakeDiscord;
import planbot.discord.fake.FakeDiscord.Channel;
import planbot.discord.fake.FakeDiscord.User;
import planbot.scheduler.digest.DigestSource;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChatIdentity;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * Reminders from the sweep to an owner linked on Discord, through the real outbox dispatcher, the real routing and the
 * Discord platform's messenger, against FakeDiscord: one DM per moment with every row sent under
 * {@code <channelId>:<messageId>}; when Discord refuses her DMs, the plan channel gets them and the admin channel hears
 * of it once.
 */
class DiscordDeliveryTest {
    static final String OLIVIA = "Olivia Officer";

    @TempDir
    Path dir;
    TestBot bot;
    FakeDiscord discord;
    User olivia;
    OutboxRepository outbox;

    @BeforeEach
    void start() {
        bot = TestBot.start(dir).importPlan(PlanEdits.sample()
                .owner("EN003/01", OLIVIA).owner("EN003/02", OLIVIA).owner("EN005/03", OLIVIA).plan());
        discord = FakeDiscord.start();
        olivia = discord.user(OLIVIA);
        bot.app().people().link(bot.tenant(), OLIVIA, new ChatIdentity(DiscordMessenger.PLATFORM, FakeDiscord.GUILD_ID,
                olivia.id()));
        outbox = new JdbiOutboxRepository(bot.app().database());
    }

    @AfterEach
    void stop() {
        assertThat(discord.violations()).isEmpty();
        bot.close();
        discord.close();
    }

    /** The dispatcher as serve builds it, over the Discord platform (built, not started: delivery needs only REST). */
    OutboxDispatcher dispatcher() {
        App app = bot.app();
        DiscordSettings settings = DiscordSettings.from(Settings.load(discord.settings(), dir.resolve("no.env"))).orElseThrow();
        DiscordPlatform platform = new DiscordPlatform(settings, app.platformServices(), app.database());
        return new OutboxDispatcher(app.database(), outbox, app.tenants(), app.audit(),
                new NoticeBuilder(app.tasks(), app.snoozes(), app.policies(), new DigestSource(app.database())),
                app.routing(List.of(platform)), List.of(platform.messenger()), DeliveryConfig.defaults(), bot.clock());
    }

    @Test
    void givenAnOwnerLinkedOnDiscord_whenHerRemindersAreDispatched_thenOneMessageArrivesInHerDm() {
        OutboxDispatcher dispatcher = dispatcher();
        bot.app().remind(TestBot.TENANT, bot.now(), false);

        DispatchReport report = dispatcher.runOnce();

        String dm = discord.dm(olivia).id();
        List<ObjectNode> posted = discord.messages(dm);
        assertThat(posted).as("her reminders of one moment are one message").hasSize(1);
        assertThat(posted.get(0).toString()).contains("EN003/01", "EN003/02", "EN005/03");
        List<OutboxMessage> rows = outbox.findAllByPlatformMessageId(dm + ":" + posted.get(0).path("id").asText());
        assertThat(rows).hasSize(report.sent()).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(r -> r.state() == OutboxMessage.State.SENT);
    }

    @Test
    void givenAnOwnerWhoTakesNoDms_whenDispatchedTwice_thenThePlanChannelHasHerRemindersAndTheAdminChannelOneNotice() {
        Channel plan = discord.channel("planning");
        Channel admin = discord.channel("planbot-admin");
        bot.app().channels().set(bot.tenant(), DiscordMessenger.PLATFORM, ChannelPurpose.PLAN, plan.id(), bot.now());
        bot.app().channels().set(bot.tenant(), DiscordMessenger.PLATFORM, ChannelPurpose.ADMIN, admin.id(), bot.now());
        discord.dmsClosed(olivia);
        OutboxDispatcher dispatcher = dispatcher();
        bot.app().remind(TestBot.TENANT, bot.now(), false);

        DispatchReport first = dispatcher.runOnce();
        DispatchReport second = dispatcher.runOnce();

        assertThat(first.dead()).isZero();
        // the plan channel also gets the reminders of owners the plan names nobody for; hers are one message of their own
        List<ObjectNode> inPlan = discord.messages(plan.id()).stream()
                .filter(m -> m.path("content").asText().contains("For " + OLIVIA)).toList();
        assertThat(inPlan).hasSize(1);
        assertThat(inPlan.get(0).toString()).contains("EN003/01", "EN003/02", "EN005/03");
        assertThat(outbox.findAllByPlatformMessageId(plan.id() + ":" + inPlan.get(0).path("id").asText()))
                .hasSizeGreaterThanOrEqualTo(3).allMatch(r -> r.state() == OutboxMessage.State.SENT);
        assertThat(second.sent()).as("the admin's notice").isEqualTo(1);
        List<ObjectNode> toAdmin = discord.messages(admin.id());
        assertThat(toAdmin).hasSize(1);
        assertThat(toAdmin.get(0).toString()).contains(OLIVIA).contains("plan channel");
        assertThat(discord.messages(discord.dm(olivia).id())).isEmpty();
    }
}
