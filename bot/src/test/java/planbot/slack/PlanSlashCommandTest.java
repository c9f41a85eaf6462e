package planbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.Plan;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.storage.ChatIdentity;
import planbot.domain.Task;
import planbot.reply.Failure;
import planbot.slack.fake.FakeSlack;
import planbot.storage.testing.TestPlans;
import planbot.testing.PlanEdits;

/** {@code /plan} end to end: signed HTTP in, the real command service on SQLite, the answer at the fake Slack. */
class PlanSlashCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dir;

    static Plan plan() {
        return PlanEdits.sample().owner("EN003/01", "Olivia").plan();
    }

    /** The last answer posted to response_url, waiting for it. */
    static JsonNode answer(SlackFixture f, int nth) {
        FakeSlack.Call call = SlackFixture.await(WAIT, "answer " + nth + " at response_url",
                () -> f.answers().size() >= nth ? f.answers().get(nth - 1) : null);
        return call.params();
    }

    @Test
    void statusIsAnsweredAtResponseUrlWithBlocks() throws Exception {
        try (SlackFixture f = SlackFixture.slowPath(dir, plan())) {
            // WHEN a guest asks for the status of a task
            HttpResponse<String> ack = f.post(f.slashCommand("UGUEST", "status EN003/01"));
            // THEN the ack is an empty 200 and the card arrives at response_url, for the asker only
            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(ack.body()).isEmpty();
            JsonNode a = answer(f, 1);
            assertThat(a.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(a.path("blocks").size()).isGreaterThan(0);
            assertThat(a.path("blocks").toString()).contains("EN003/01").contains("Olivia");
            assertThat(f.slack.violations()).isEmpty();
        }
    }

    @Test
    void aQuickAnswerComesInTheAckItself() throws Exception {
        try (SlackFixture f = SlackFixture.start(dir, plan())) {
            // WHEN a quick lookup is asked
            HttpResponse<String> ack = f.post(f.slashCommand("UGUEST", "status EN003"));
            // THEN the ack carries the card and nothing is posted to response_url
            JsonNode body = JSON.readTree(ack.body());
            assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(body.path("blocks").toString()).contains("EN003/01");
            assertThat(f.answers()).isEmpty();
        }
    }

    @Test
    void aLinkedOfficerCompletesTheirTaskAndTheChannelSeesIt() throws Exception {
        try (SlackFixture f = SlackFixture.slowPath(dir, plan()).linked("Olivia", Role.OFFICER, "UOLIVIA")) {
            // WHEN Olivia, linked to her Slack account, completes her task
            assertThat(f.post(f.slashCommand("UOLIVIA", "update EN003/01 completed signed off")).statusCode()).isEqualTo(200);
            JsonNode a = answer(f, 1);
            // THEN the task is changed, audited as hers from Slack, and the confirmation is posted in the channel
            assertThat(f.bot.task("EN003/01").status().word()).isEqualTo("Completed");
            List<AuditEvent> audit = f.bot.audit("EN003/01");
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0).actor()).isEqualTo("Olivia");
            assertThat(audit.get(0).source()).isEqualTo(Source.SLACK);
            assertThat(a.path("response_type").asText()).isEqualTo("in_channel");
            assertThat(a.path("blocks").toString()).contains("EN003/01");
        }
    }

    @Test
    void anAdminLinksATrackerNameToASlackUserAndTheirNoteIsStoredAsTyped() throws Exception {
        try (SlackFixture f = SlackFixture.slowPath(dir, plan()).linked("Ada", Role.ADMIN, "UADA")
                .linked("Olivia", Role.OFFICER, "UOLIVIA")) {
            f.bot.person("HoP", Role.MANAGER);
            // WHEN the admin links "HoP" to a Slack user, as Slack sends a mention (should_escape), and that user
            // then adds a note typed with & and <, which Slack sends as entities
            f.post(f.slashCommand("UADA", "people link \"HoP\" <@UHOP|hop>"));
            assertThat(answer(f, 1).path("blocks").toString()).contains(":white_check_mark:");
            f.post(f.slashCommand("UHOP", "note EN003/01 waiting on legal &amp; finance &lt;urgent&gt;"));
            answer(f, 2);
            // THEN the Slack user is HoP, and the note is stored exactly as typed
            assertThat(f.bot.app().people().findByIdentity(f.bot.tenant(), new ChatIdentity("slack", SlackFixture.TEAM, "UHOP")))
                    .map(p -> p.name()).contains("HoP");
            assertThat(f.bot.audit("EN003/01")).extracting(AuditEvent::actor).contains("HoP");
            assertThat(f.bot.task("EN003/01").notes()).contains("waiting on legal & finance <urgent>");
        }
    }

    @Test
    void anUnlinkedUserCannotChangeAnythingAndIsToldWhy() throws Exception {
        try (SlackFixture f = SlackFixture.slowPath(dir, plan())) {
            // GIVEN the workspace bound by a first request, and a baseline
            f.post(f.slashCommand("USTRANGER", "help"));
            answer(f, 1);
            Map<String, List<Map<String, Object>>> before = f.bot.dump();
            // WHEN someone linked to nobody tries to complete a task
            f.post(f.slashCommand("USTRANGER", "update EN003/01 completed"));
            JsonNode a = answer(f, 2);
            // THEN it is refused, only to them, and nothing changed
            assertThat(a.path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(a.path("blocks").toString()).contains(":x:");
            assertThat(f.bot.dump()).isEqualTo(before);
        }
    }

    @Test
    void aStalledDatabaseStillGetsAnAckWithinThreeSecondsAndTheAnswerAfterwards() throws Exception {
        try (SlackFixture f = SlackFixture.start(dir, plan()).linked("Olivia", Role.OFFICER, "UOLIVIA")) {
            f.post(f.slashCommand("UOLIVIA", "status EN003/01")); // binds the workspace
            // GIVEN another connection holding the SQLite write lock
            String file = f.bot.app().database().jdbi().withHandle(h -> h.getConnection().getMetaData().getURL());
            try (Connection other = DriverManager.getConnection(file); Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                // WHEN Olivia completes her task
                long sent = System.nanoTime();
                CompletableFuture<HttpResponse<String>> ack = f.postAsync(f.slashCommand("UOLIVIA", "update EN003/01 completed"));
                HttpResponse<String> r = ack.get(3, java.util.concurrent.TimeUnit.SECONDS);
                long ackMillis = (System.nanoTime() - sent) / 1_000_000;
                // THEN Slack has its ack within 3 s, empty, while the change still waits for the lock
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEmpty();
                assertThat(ackMillis).isLessThan(3000);
                assertThat(f.answers()).isEmpty();
                s.execute("ROLLBACK");
            }
            // AND once the lock is released, the change is made and its confirmation arrives at response_url
            JsonNode a = answer(f, 1);
            assertThat(a.path("response_type").asText()).isEqualTo("in_channel");
            assertThat(f.bot.task("EN003/01").status().word()).isEqualTo("Completed");
        }
    }

    @Test
    void mentionsTypedIntoATaskCannotPing() throws Exception {
        // GIVEN a task whose description tries to ping everyone
        Plan base = plan();
        Task t = base.tasks().filter(x -> x.ref().equals("EN003/01")).findFirst().orElseThrow();
        Plan hostile = TestPlans.replaceTask(base, new Task(t.ref(), "<!channel> @here <@U123> & fix the website", t.status(),
                t.term(), t.start(), t.target(), t.timescale(), t.owner(), t.notes()));
        try (SlackFixture f = SlackFixture.slowPath(dir, hostile)) {
            // WHEN its card is asked for
            f.post(f.slashCommand("UGUEST", "status EN003/01"));
            String blocks = answer(f, 1).path("blocks").toString();
            // THEN the text is there, escaped, so Slack shows it but pings nobody
            assertThat(blocks).contains("&lt;!channel&gt; @here &lt;@U123&gt; &amp; fix the website");
            assertThat(blocks).doesNotContain("<!channel>").doesNotContain("<@U123>");
        }
    }

    /** What planbot logs (slf4j-simple writes to the standard error of the moment) while {@code work} runs. */
    static String logOf(Work work) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(err);
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    interface Work {
        void run() throws Exception;
    }

    @Test
    void aFailureOnOurSideIsAnsweredWithTheGenericSentenceAndLoggedOnceWithItsStack() throws Exception {
        try (SlackFixture f = SlackFixture.slowPath(dir, plan()).linked("Olivia", Role.OFFICER, "UOLIVIA")) {
            f.post(f.slashCommand("UOLIVIA", "status EN003/01")); // binds the workspace (audited)
            answer(f, 1);
            // GIVEN a database that refuses every audit row, as a full disk would
            f.bot.app().database().withHandle(h -> h.execute("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event"
                    + " BEGIN SELECT RAISE(ABORT, 'disk says no'); END"));
            // WHEN Olivia completes her task
            JsonNode[] a = new JsonNode[1];
            String log = logOf(() -> {
                f.post(f.slashCommand("UOLIVIA", "update EN003/01 completed signed off"));
                a[0] = answer(f, 2);
            });
            // THEN she is told only the generic sentence, to her alone, and nothing of the cause
            assertThat(a[0].path("response_type").asText()).isEqualTo("ephemeral");
            assertThat(a[0].toString()).contains(Failure.GENERIC).doesNotContain("disk says no").doesNotContain("SQL");
            assertThat(f.bot.task("EN003/01").status().word()).isNotEqualTo("Completed");
            // AND the log has the cause, with context and its stack, at ERROR, once
            assertThat(log.lines().filter(l -> l.contains(" ERROR "))).singleElement().asString()
                    .contains("command failed").contains("slack").contains(f.bot.tenant().slug());
            assertThat(log).contains("disk says no").contains("\tat planbot.");
        }
    }

    @Test
    void aFailureTheUserCanFixIsAnsweredWithItsSentenceAndLogsNothingAtError() throws Exception {
        try (SlackFixture f = SlackFixture.slowPath(dir, plan()).linked("Ada", Role.ADMIN, "UADA")) {
            // WHEN an admin sets a reminder lead time out of range (refused by the policy, deep below the command)
            JsonNode[] a = new JsonNode[1];
            String log = logOf(() -> {
                f.post(f.slashCommand("UADA", "policy set lead=999"));
                a[0] = answer(f, 1);
            });
            // THEN the answer says what is wrong, and nothing was logged as a fault of planbot
            assertThat(a[0].toString()).contains(":x:").contains("lead must be 1 to 65, not 999")
                    .doesNotContain(Failure.GENERIC);
            assertThat(log).doesNotContain(" ERROR ");
        }
    }
}
