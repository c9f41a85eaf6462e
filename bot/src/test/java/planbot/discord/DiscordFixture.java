package planbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import planbot.App;
import planbot.config.Settings;
import planbot.discord.delivery.DiscordMessenger;
import planbot.discord.fake.FakeDiscord;
import planbot.discord.rest.DiscordFailure;
import planbot.discord.rest.DiscordRest;
import planbot.storage.ChatIdentity;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * planbot's Discord HTTP interactions as Discord sees them, for tests: the sample plan in a {@link TestBot} (real App,
 * SQLite file, clock at Monday 15 May 2023 09:00), a {@link FakeDiscord} on that clock (it signs what it delivers and
 * checks every REST call), and the real {@link DiscordPlatform} in HTTP mode at {@code /discord/interactions} on a random
 * port (no bot token: the gateway is discord-gateway's to test).
 *
 * <p>People: Olivia (officer, Discord user {@link #olivia}, linked in the fake's guild) owns EN003/01, EN003/02 and the
 * overdue EN005/03; Oscar (officer, not linked) owns EN003/03; {@link #guest} is linked to nobody. A reminder is "sent"
 * the way the dispatcher records one: claimed from the outbox and marked sent with
 * {@link DiscordMessenger#messageId}{@code (Olivia's DM, a message id)}. One per test; close it.
 */
final class DiscordFixture implements AutoCloseable {
    static final String OLIVIA = "Olivia Officer";
    static final String OSCAR = "Oscar Other";
    static final Duration WAIT = Duration.ofSeconds(10);

    final TestBot bot;
    final FakeDiscord discord;
    final DiscordPlatform platform;
    final OutboxRepository outbox;
    final FakeDiscord.User olivia;
    final FakeDiscord.User guest;
    final FakeDiscord.Channel planChannel;
    /** The dispatcher's side: posts as the bot (the platform under test has no token: HTTP interactions only). */
    private final DiscordRest asBot;

    private DiscordFixture(TestBot bot) throws Exception {
        this.bot = bot;
        this.discord = FakeDiscord.start(bot.clock());
        App app = bot.app();
        this.olivia = discord.user(OLIVIA);
        this.guest = discord.user("Gus Guest");
        this.planChannel = discord.channel("planning");
        this.outbox = new JdbiOutboxRepository(app.database());
        this.asBot = new DiscordRest(URI.create(discord.apiBaseUrl()), Optional.of(FakeDiscord.TOKEN), Duration.ofSeconds(5));
        Map<String, String> httpOnly = new HashMap<>(discord.settings());
        httpOnly.remove(DiscordSettings.TOKEN);
        DiscordSettings settings = DiscordSettings.from(Settings.load(httpOnly, Path.of("no.env"))).orElseThrow();
        this.platform = new DiscordPlatform(settings, app.platformServices(), app.database());
        app.startPlatforms(List.of(platform), 0);
    }

    /** The sample plan, Olivia linked in the fake's guild; the guild not bound yet (the first interaction binds it). */
    static DiscordFixture start(Path dir) throws Exception {
        TestBot bot = TestBot.start(dir).importPlan(PlanEdits.sample()
                .owner("EN003/01", OLIVIA).owner("EN003/02", OLIVIA).owner("EN005/03", OLIVIA).owner("EN003/03", OSCAR)
                .plan());
        DiscordFixture f = new DiscordFixture(bot);
        bot.app().people().link(bot.tenant(), OLIVIA, new ChatIdentity("discord", FakeDiscord.GUILD_ID, f.olivia.id()));
        return f;
    }

    /** Binds the fake's guild to the council, as its first interaction would. */
    DiscordFixture bindGuild() {
        bot.app().platformServices().tenancy().resolve(planbot.domain.Source.DISCORD, "", FakeDiscord.GUILD_ID, olivia.id(),
                OLIVIA);
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + bot.app().httpPort() + DiscordHttp.PATH);
    }

    FakeDiscord.Delivery deliver(ObjectNode interaction) throws Exception {
        return discord.deliver(endpoint(), interaction);
    }

    /** The initial response planbot gave in the HTTP answer. */
    JsonNode respond(ObjectNode interaction) throws Exception {
        FakeDiscord.Delivery d = deliver(interaction);
        if (d.status() != 200) {
            throw new AssertionError("HTTP " + d.status() + " " + d.body());
        }
        return d.json();
    }

    FakeDiscord.Channel oliviasDm() {
        return discord.dm(olivia);
    }

    /**
     * Runs the reminder sweep and records the reminders about {@code taskRefs} as one message in Olivia's DM, as the
     * dispatcher would; returns the message id.
     */
    String sendReminders(String... taskRefs) {
        bot.app().remind(TestBot.TENANT, bot.now(), false);
        List<Long> wanted = new ArrayList<>();
        for (String ref : taskRefs) {
            wanted.add(bot.taskRow(ref).id());
        }
        String messageId = postInOliviasDm("Reminders: " + String.join(", ", taskRefs));
        int marked = 0;
        for (OutboxMessage m : outbox.claim(100, bot.now(), Duration.ofMinutes(5))) {
            if (m.entry().taskId() != null && wanted.remove(m.entry().taskId())) {
                outbox.markSent(m.id(), DiscordMessenger.messageId(oliviasDm().id(), messageId), bot.now());
                marked++;
            }
        }
        if (!wanted.isEmpty() || marked == 0) {
            throw new IllegalStateException("the sweep wrote no reminder about the tasks " + wanted);
        }
        return messageId;
    }

    /** {@link #sendReminders} with the guild bound first (a reminder's buttons are clicked in a DM). */
    String sendRemindersBound(String... taskRefs) {
        bindGuild();
        return sendReminders(taskRefs);
    }

    /** Posts a message as the bot in Olivia's DM (the fake lets components be used only on the bot's messages). */
    String postInOliviasDm(String text) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("content", text);
        body.putObject("allowed_mentions").putArray("parse");
        try {
            return asBot.post("/channels/" + oliviasDm().id() + "/messages", body).path("id").asText();
        } catch (DiscordFailure e) {
            throw new IllegalStateException("the fake refused a plain message: " + e.getMessage(), e);
        }
    }

    /** The outbox row id of the reminder about a task that {@link #sendReminders} recorded. */
    long reminderRow(String messageId, String taskRef) {
        long task = bot.taskRow(taskRef).id();
        for (OutboxMessage m : outbox.findAllByPlatformMessageId(DiscordMessenger.messageId(oliviasDm().id(), messageId))) {
            if (m.entry().taskId() != null && m.entry().taskId() == task) {
                return m.id();
            }
        }
        throw new IllegalStateException("no reminder about " + taskRef);
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            try {
                discord.close();
            } finally {
                bot.close();
            }
        }
    }
}
