package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.MainAccess;
import planbot.config.Settings;
import planbot.platform.ChatPlatform;
import planbot.slack.fake.FakeSlack;
import planbot.storage.JdbiOutboxRepository;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.storage.Tenant;
import planbot.tracker.ImportMode;
import planbot.tracker.read.ReadOptions;
import planbot.tracker.read.TrackerReader;

/**
 * A council's first day, exactly as the README's Slack steps go, against the fake Slack: a tracker with 200 owners is
 * imported, planbot serves before anyone is linked (every reminder waits, none is lost), the first request binds the
 * workspace, a one-time code makes an admin, the people file links the 200 owners, the plan channel is set, every
 * waiting reminder goes out once, and the doctor says only optional things remain. No SQL, no database edits.
 */
class FirstDayTest {
    static final String TOKEN = SlackFixture.TOKEN;
    static final String SECRET = SlackFixture.SECRET;
    static final String ADMIN = "U0ADMIN";
    static final String PLAN_CHANNEL = "C0PLAN";
    static final String MANAGER_CHANNEL = "C0MANAGERS";
    static final int OWNERS = 200;
    /** Monday 15 May 2023, 09:30 in London: every task below is overdue, and reminders are sent from 09:00. */
    static final Instant START = LocalDateTime.of(2023, 5, 15, 9, 30).atZone(App.ZONE).toInstant();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    static String owner(int n) {
        return String.format("Officer %03d", n);
    }

    static String userId(int n) {
        return String.format("U%07d", n);
    }

    @Test
    void fromNothingToEveryReminderDeliveredWithoutTouchingTheDatabase() throws Exception {
        try (FakeSlack slack = FakeSlack.start(TOKEN)) {
            slack.channel(PLAN_CHANNEL, MANAGER_CHANNEL).user(ADMIN, "pat");
            for (int n = 1; n <= OWNERS; n++) {
                slack.user(userId(n), "officer" + n);
            }
            Map<String, String> env = new HashMap<>();
            env.put("PLANBOT_DB_URL", "jdbc:sqlite:" + dir.resolve("planbot.db"));
            env.put("SLACK_BOT_TOKEN", TOKEN);
            env.put("SLACK_SIGNING_SECRET", SECRET);
            env.put("SLACK_API_BASE_URL", slack.apiUrl());
            Settings settings = Settings.load(env, dir.resolve("no.env"));

            // Step 4: import tracker.csv — 200 tasks, each with its own owner, all overdue on the day
            StringBuilder tracker = new StringBuilder("Ref,Task,Owner,Target date,Status\n");
            for (int n = 1; n <= OWNERS; n++) {
                tracker.append("T").append(n).append(",Task number ").append(n).append(',').append(owner(n)).append(",31/03/2023,In progress\n");
            }
            Path trackerFile = Files.writeString(dir.resolve("tracker.csv"), tracker);
            // planbot runs on a clock set to the plan's time; the command-line steps run on the real one, so the import
            // goes through the same service as `./planbot import`, on the serving clock (an import stamps when planbot
            // first saw each task, and a sweep of a moment before that would follow the policy as a what-if)
            Clock clock = Clock.offset(Clock.system(App.ZONE), Duration.between(Instant.now(), START));
            try (App app = App.open(settings.getOrDefault("PLANBOT_DB_URL", ""), clock)) {
                app.imports().importPlan("default", TrackerReader.read(trackerFile, ReadOptions.named("tracker")),
                        ImportMode.APPLY, "tracker.csv", clock);

                // Step 5: ./planbot serve — nobody is linked and no channel is set: reminders wait, none is dead
                List<ChatPlatform> platforms = app.configuredPlatforms(settings);
                app.serve(platforms, 0, new PrintWriter(new StringWriter()));
                Tenant council = app.tenants().find("default").orElseThrow();
                OutboxRepository outbox = new JdbiOutboxRepository(app.database());
                int held = SlackFixture.await(Duration.ofSeconds(30), "the first sweep's reminders to be held", () -> {
                    int n = outbox.held(council).stream().mapToInt(OutboxRepository.HeldCount::rows).sum();
                    return n >= OWNERS ? n : null;
                });
                assertThat(rows(app, "rem:")).allSatisfy(r -> assertThat(r.state()).isEqualTo(OutboxMessage.State.HELD));
                assertThat(rows(app, "")).noneSatisfy(r -> assertThat(r.state()).isEqualTo(OutboxMessage.State.DEAD));

                // Step 6: the first request binds the workspace (a guest may read)
                HttpResponse<String> help = slash(app, slack, ADMIN, "help");
                assertThat(help.statusCode()).isEqualTo(200);

                // Step 7: ./planbot admin code, then /plan admin claim CODE
                MainAccess.Run code = MainAccess.planbot(settings, "admin", "code");
                assertThat(code.exit()).as(code.err()).isZero();
                String[] lines = code.out().strip().split("\n");
                String claimed = answer(slack, slash(app, slack, ADMIN, "admin claim " + lines[lines.length - 1].strip()));
                assertThat(claimed).contains("admin");

                // Step 8: ./planbot people import people.csv (200 owners by Slack id), /plan channel plan and manager
                StringBuilder people = new StringBuilder("name,slack\n");
                for (int n = 1; n <= OWNERS; n++) {
                    people.append(owner(n)).append(',').append(userId(n)).append('\n');
                }
                Path peopleFile = Files.writeString(dir.resolve("people.csv"), people);
                MainAccess.Run linked = MainAccess.planbot(settings, "people", "import", peopleFile.toString());
                assertThat(linked.exit()).as(linked.out() + linked.err()).isZero();
                assertThat(answer(slack, slash(app, slack, ADMIN, "channel plan <#" + PLAN_CHANNEL + "|planning>"))).contains("now");
                assertThat(answer(slack, slash(app, slack, ADMIN, "channel manager <#" + MANAGER_CHANNEL + "|managers>"))).contains("now");

                // THEN every held reminder goes out exactly once, each owner one DM, and the admin got one summary at most
                SlackFixture.await(Duration.ofSeconds(60), "every reminder to be sent", () ->
                        rows(app, "rem:").stream().allMatch(r -> r.state() == OutboxMessage.State.SENT) ? true : null);
                List<OutboxMessage> reminders = rows(app, "rem:");
                Set<String> dmChannels = new TreeSet<>();
                int reminderMessages = 0;
                for (FakeSlack.Call call : slack.calls("chat.postMessage")) {
                    String channel = call.param("channel");
                    if (channel != null && channel.startsWith("D") && !channel.equals(FakeSlack.dmOf(ADMIN))) {
                        reminderMessages++;
                        dmChannels.add(channel);
                    }
                }
                assertThat(reminders).hasSize(OWNERS);
                assertThat(reminderMessages).as("one DM per owner, none twice").isEqualTo(OWNERS);
                assertThat(dmChannels).hasSize(OWNERS);
                List<OutboxMessage> adminMessages = rows(app, "held:");
                adminMessages.addAll(rows(app, "dead:"));
                assertThat(adminMessages).hasSizeLessThanOrEqualTo(1);
                assertThat(rows(app, "")).noneSatisfy(r -> assertThat(r.state()).isEqualTo(OutboxMessage.State.DEAD));
                System.out.printf("first day: %d reminders decided, %d held, %d released and sent in %d messages, %d admin"
                        + " messages%n", reminders.size(), held, reminders.size(), reminderMessages, adminMessages.size());

                // AND the doctor finds nothing that stops reminders
                MainAccess.Run doctor = MainAccess.planbot(settings, "doctor");
                assertThat(doctor.exit()).as(doctor.out() + doctor.err()).isZero();
                assertThat(slack.violations()).isEmpty();
            }
        }
    }

    /** The outbox rows whose key starts so, oldest first. */
    private static List<OutboxMessage> rows(App app, String keyPrefix) {
        return new java.util.ArrayList<>(app.database().withHandle(h -> h.createQuery("SELECT idempotency_key FROM outbox"
                        + " WHERE idempotency_key LIKE ? ORDER BY id").bind(0, keyPrefix + "%").mapTo(String.class).list())
                .stream().map(k -> new JdbiOutboxRepository(app.database()).find(k).orElseThrow()).toList());
    }

    /** Sends {@code /plan TEXT} from a user of the fake's team, signed as Slack signs it. */
    private HttpResponse<String> slash(App app, FakeSlack slack, String userId, String text) throws Exception {
        String body = SlackFixture.slashCommand(slack, PLAN_CHANNEL, userId, userId.equals(ADMIN) ? "pat" : userId.toLowerCase(), text);
        String ts = String.valueOf(app.clock().instant().getEpochSecond());
        String signature = new SlackSignature(SECRET, app.clock()).sign(ts, body.getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + SlackConnector.EVENTS_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer to a slash command: in its ack, or posted to its response_url. */
    private static String answer(FakeSlack slack, HttpResponse<String> ack) {
        assertThat(ack.statusCode()).isEqualTo(200);
        if (!ack.body().isBlank()) {
            return ack.body();
        }
        int before = slack.calls("response_url").size();
        return SlackFixture.await(Duration.ofSeconds(10), "the answer at response_url", () -> {
            List<FakeSlack.Call> calls = slack.calls("response_url");
            return calls.size() > before ? calls.get(calls.size() - 1).params().toString() : null;
        });
    }
}
