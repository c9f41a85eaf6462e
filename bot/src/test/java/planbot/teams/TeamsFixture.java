package planbot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import planbot.App;
import planbot.config.Settings;
import planbot.delivery.Notice;
import planbot.delivery.NoticeBuilder;
import planbot.delivery.ReminderGroup;
import planbot.delivery.ReminderNotice;
import planbot.scheduler.digest.DigestSource;
import planbot.storage.ChatIdentity;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.JdbiTeamsConversationRepository;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.storage.TeamsConversationRepository;
import planbot.teams.auth.AppTokens;
import planbot.teams.connector.ConnectorClient;
import planbot.teams.connector.ConversationRef;
import planbot.teams.connector.ServiceUrls;
import planbot.teams.fake.FakeBotConnector;
import planbot.teams.render.NoticeCards;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * planbot's Teams bot as Teams sees it, for tests: the sample plan in a {@link TestBot} (real App, SQLite file,
 * clock at Monday 15 May 2023 09:00), a {@link FakeBotConnector} on that clock (it signs the activities it delivers and
 * checks every Connector call), and the real {@link TeamsPlatform} at {@code /api/messages} on a random port.
 *
 * <p>People: Olivia (officer, Teams user {@link #olivia}, linked by her Entra object id) owns EN003/01, EN003/02 and
 * the overdue EN005/03; Oscar (officer, not linked) owns EN003/03; {@link #guest} is linked to nobody. A reminder is
 * sent the way the dispatcher sends one: claimed from the outbox, built, rendered by {@link NoticeCards}, posted to
 * Olivia's personal chat, and marked sent with the message id {@code <conversationId>|<activityId>}. One per test; close it.
 */
final class TeamsFixture implements AutoCloseable {
    static final String OLIVIA = "Olivia Officer";
    static final String OSCAR = "Oscar Other";
    static final Duration WAIT = Duration.ofSeconds(10);

    final TestBot bot;
    final FakeBotConnector teams;
    final TeamsPlatform platform;
    final OutboxRepository outbox;
    final TeamsConversationRepository conversations;
    final FakeBotConnector.User olivia;
    final FakeBotConnector.User guest;
    private final ConnectorClient dispatcher;

    private TeamsFixture(TestBot bot) throws Exception {
        this.bot = bot;
        this.teams = FakeBotConnector.start(bot.clock());
        App app = bot.app();
        this.olivia = teams.user(OLIVIA, "olivia@council.example");
        this.guest = teams.user("Gus Guest", "gus@council.example");
        this.outbox = new JdbiOutboxRepository(app.database());
        this.conversations = new JdbiTeamsConversationRepository(app.database());
        TeamsSettings settings = TeamsSettings.from(Settings.load(teams.settings(), Path.of("no.env"))).orElseThrow();
        this.platform = new TeamsPlatform(settings, app.platformServices(), app.database());
        app.startPlatforms(List.of(platform), 0);
        ServiceUrls trusted = new ServiceUrls();
        trusted.trust(teams.serviceUrl());
        HttpClient http = HttpClient.newHttpClient();
        this.dispatcher = new ConnectorClient(settings, trusted, new AppTokens(settings, http, bot.clock()), http, bot.clock());
    }

    /** The sample plan, Olivia linked; the Teams tenant not bound yet (the first activity binds it). */
    static TeamsFixture start(Path dir) throws Exception {
        TestBot bot = TestBot.start(dir).importPlan(PlanEdits.sample()
                .owner("EN003/01", OLIVIA).owner("EN003/02", OLIVIA).owner("EN005/03", OLIVIA).owner("EN003/03", OSCAR)
                .plan());
        TeamsFixture f = new TeamsFixture(bot);
        bot.app().people().link(bot.tenant(), OLIVIA, new ChatIdentity("teams", FakeBotConnector.TENANT_ID,
                f.olivia.aadObjectId()));
        return f;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + bot.app().httpPort() + "/api/messages");
    }

    FakeBotConnector.Delivery deliver(ObjectNode activity) throws Exception {
        return teams.deliver(endpoint(), activity);
    }

    FakeBotConnector.Delivery deliver(ObjectNode activity, FakeBotConnector.Token token) throws Exception {
        return teams.deliver(endpoint(), activity, token);
    }

    /** Olivia's personal chat with the bot. */
    FakeBotConnector.Where oliviasChat() {
        return teams.inPersonal(olivia);
    }

    /** The text of every activity the bot posted in a conversation, cards included (their JSON). */
    List<String> posted(String conversationId) {
        List<String> out = new ArrayList<>();
        teams.activities(conversationId).forEach(a -> out.add(a.toString()));
        return out;
    }

    /** Waits for the bot's next activity in a conversation (beyond {@code already}) and returns it. */
    ObjectNode awaitNew(String conversationId, int already) throws InterruptedException {
        return (ObjectNode) teams.awaitActivities(conversationId, already + 1, WAIT).get(already);
    }

    /**
     * Runs the reminder sweep and sends the reminders about {@code taskRefs} to Olivia's personal chat as one message (a
     * group when several), as the dispatcher would: every row SENT with {@code <conversationId>|<activityId>}. Returns
     * the activity id.
     */
    String sendReminders(String... taskRefs) throws Exception {
        bot.app().remind(TestBot.TENANT, bot.now(), false);
        List<Long> wanted = new ArrayList<>();
        for (String ref : taskRefs) {
            wanted.add(bot.taskRow(ref).id());
        }
        NoticeBuilder notices = new NoticeBuilder(bot.app().tasks(), bot.app().snoozes(), bot.app().policies(),
                new DigestSource(bot.app().database()));
        List<OutboxMessage> rows = new ArrayList<>();
        List<ReminderNotice> reminders = new ArrayList<>();
        for (OutboxMessage m : outbox.claim(100, bot.now(), Duration.ofMinutes(5))) {
            if (m.entry().taskId() != null && wanted.remove(m.entry().taskId())) {
                rows.add(m);
                reminders.add((ReminderNotice) notices.build(bot.tenant(), m, bot.now()));
            }
        }
        if (!wanted.isEmpty()) {
            throw new IllegalStateException("the sweep wrote no reminder about the tasks " + wanted);
        }
        Notice notice = reminders.size() == 1 ? reminders.get(0) : ReminderGroup.of(reminders);
        String conversation = oliviasChat().conversationId();
        String activityId = dispatcher.send(new ConversationRef(teams.serviceUrl(), conversation), new NoticeCards().render(notice));
        for (OutboxMessage row : rows) {
            outbox.markSent(row.id(), conversation + "|" + activityId, bot.now());
        }
        return activityId;
    }

    /** The {@code data} of the card button about {@code taskId} whose encoded value ends with {@code choice}. */
    ObjectNode buttonData(String conversationId, String activityId, long taskId, String choice) {
        for (ObjectNode a : teams.activities(conversationId)) {
            if (a.path("id").asText().equals(activityId)) {
                Optional<ObjectNode> found = find(a, taskId, choice);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException("no button " + choice + " about task " + taskId + " on " + activityId);
    }

    private static Optional<ObjectNode> find(JsonNode node, long taskId, String choice) {
        if (node.isObject() && node.path("data").path("planbot").isTextual()) {
            String v = node.path("data").path("planbot").asText();
            if (v.contains("|" + taskId + "|") && v.endsWith("|" + choice)) {
                return Optional.of((ObjectNode) node.path("data"));
            }
        }
        for (JsonNode child : node) {
            Optional<ObjectNode> found = find(child, taskId, choice);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        bot.close();
        teams.close();
    }
}
