package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import planbot.App;
import planbot.MainAccess;
import planbot.config.Settings;
import planbot.domain.Role;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChatIdentity;
import planbot.storage.SubscriptionSpec;
import planbot.storage.Tenant;
import planbot.slack.fake.FakeSlack;

/**
 * {@code ./planbot doctor} against the fake Slack: each broken set-up gives its sentence and the command that fixes
 * it, with exit code 2; a healthy one exits 0; {@code --json} has one object per finding; no secret is printed.
 */
class DoctorCliTest {
    static final String TOKEN = "xoxb-doctor-test-token";
    static final String SECRET = "doctor-signing-secret";
    static final String PLAN = "C0PLAN";
    static final String MANAGERS = "C0MANAGERS";
    static final String ADMINS = "C0ADMINS";
    static final String ADMIN_USER = "U0ADMIN";

    @TempDir
    Path dir;
    String db;
    FakeSlack slack;
    String token = TOKEN;

    @BeforeEach
    void aHealthySetUp() {
        db = "jdbc:sqlite:" + dir.resolve("planbot.db");
        assertThat(MainAccess.planbot("import", "../samples/planning-review-action-plan.tsv", "--db", db).exit()).isZero();
        slack = FakeSlack.start(TOKEN).channel(PLAN, MANAGERS, ADMINS).user(ADMIN_USER, "hop");
        try (App app = App.open(db)) {
            Tenant t = tenant(app);
            app.workspaces().bind(t, "slack", "", FakeSlack.TEAM_ID, Instant.now());
            app.people().upsert(t, List.of("HoP"), Role.ADMIN);
            app.people().link(t, "HoP", new ChatIdentity("slack", FakeSlack.TEAM_ID, ADMIN_USER));
            app.channels().set(t, "slack", ChannelPurpose.PLAN, PLAN, Instant.now());
            app.channels().set(t, "slack", ChannelPurpose.MANAGER, MANAGERS, Instant.now());
            app.channels().set(t, "slack", ChannelPurpose.ADMIN, ADMINS, Instant.now());
        }
    }

    @AfterEach
    void close() {
        slack.close();
    }

    private static Tenant tenant(App app) {
        return app.tenants().find("default").orElseThrow();
    }

    /** What one run printed and how it ended. */
    record Run(int exit, String out) {
    }

    private Run doctor(String... more) {
        Map<String, String> env = new HashMap<>();
        env.put(Settings.DB_URL, db);
        if (token != null) {
            env.put("SLACK_BOT_TOKEN", token);
            env.put("SLACK_SIGNING_SECRET", SECRET);
            env.put("SLACK_API_BASE_URL", slack.apiUrl());
        }
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new PlanbotCommand(Settings.load(env, dir.resolve("no.env"))));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        List<String> args = new ArrayList<>(List.of("doctor"));
        args.addAll(List.of(more));
        int exit = cli.execute(args.toArray(String[]::new));
        assertThat(out.toString()).doesNotContain(TOKEN).doesNotContain("xoxb-wrong").doesNotContain(SECRET);
        return new Run(exit, out.toString());
    }

    @Test
    void givenEverythingSetUp_whenTheDoctorRuns_thenRemindersCanBeDeliveredAndItExitsZero() {
        Run run = doctor();

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("reminders can be delivered")
                .contains("Slack accepts the bot token")
                .contains("The Slack app has every scope planbot uses.")
                .contains("The manager channel is #c0managers, and the bot is in it.")
                .contains("Admins reachable on slack")
                .contains("The next reminders go out on")
                .doesNotContain("❌");
    }

    @Test
    void givenASetUp_whenTheDoctorRunsWithJson_thenEachFindingHasSeverityTopicTextAndFix() throws Exception {
        slack.botNotIn(MANAGERS);

        Run run = doctor("--json");

        JsonNode o = new ObjectMapper().readTree(run.out());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(o.path("tenant").asText()).isEqualTo("default");
        assertThat(o.path("deliverable").asBoolean()).isFalse();
        assertThat(o.path("problems").asInt()).isEqualTo(1);
        assertThat(o.path("findings").size()).isGreaterThan(8);
        for (JsonNode f : o.path("findings")) {
            assertThat(f.path("severity").asText()).isIn("ok", "warning", "problem");
            assertThat(f.path("topic").asText()).isNotBlank();
            assertThat(f.path("text").asText()).isNotBlank();
            assertThat(f.has("fix")).isTrue();
        }
    }

    @Test
    void givenATokenSlackRefuses_whenTheDoctorRuns_thenItSaysSoAndHowToFixItWithoutPrintingTheToken() {
        token = "xoxb-wrong";

        Run run = doctor();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("Slack does not accept SLACK_BOT_TOKEN (auth.test: invalid_auth).")
                .contains("copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page into SLACK_BOT_TOKEN");
    }

    @Test
    void givenATokenWithoutImWrite_whenTheDoctorRuns_thenTheMissingScopeIsAProblemWithTheReinstallStep() {
        slack.scopes(FakeSlack.ALL_SCOPES.stream().filter(s -> !s.equals("im:write")).toArray(String[]::new));

        Run run = doctor();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("❌ The Slack app lacks the im:write scope, needed to open a direct message with each"
                + " person. → add the scope under OAuth & Permissions");
    }

    @Test
    void givenATokenWithoutAnOptionalScope_whenTheDoctorRuns_thenItIsAWarningAndRemindersStillGo() {
        slack.scopes(FakeSlack.ALL_SCOPES.stream().filter(s -> !s.equals("files:write")).toArray(String[]::new));

        Run run = doctor();

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("⚠️ The Slack app lacks the files:write scope (optional), used to attach the chart");
    }

    @Test
    void givenATokenWithoutChannelsRead_whenTheDoctorRuns_thenChannelMembershipIsUncheckedAndTheScopeNamed() {
        slack.scopes(FakeSlack.ALL_SCOPES.stream().filter(s -> !s.equals("channels:read")).toArray(String[]::new));

        Run run = doctor();

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("⚠️ The bot's membership of the manager channel (C0MANAGERS) cannot be checked: the app"
                + " lacks the channels:read scope.");
    }

    @Test
    void givenNoWorkspaceBound_whenTheDoctorRuns_thenItNamesTheBindCommand() {
        try (App app = App.open(db)) {
            app.database().withHandle(h -> h.execute("DELETE FROM chat_workspace"));
        }

        Run run = doctor();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("No slack workspace is bound to default")
                .contains("./planbot workspace bind --platform slack --team T0123 --tenant default");
    }

    @Test
    void givenNoAdmin_whenTheDoctorRuns_thenItNamesTheWaysToMakeOne() {
        try (App app = App.open(db)) {
            Tenant t = tenant(app);
            app.people().list(t).stream().filter(p -> p.role() == Role.ADMIN)
                    .forEach(p -> app.people().setRole(t, p.name(), Role.OFFICER));
        }

        Run run = doctor();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("Nobody is an admin of default, so nobody can link people or set channels in chat.")
                .contains("./planbot admin add --platform slack --user U0123");
    }

    @Test
    void givenTheBotIsNotInTheManagerChannel_whenTheDoctorRuns_thenItSaysToInviteIt() {
        slack.botNotIn(MANAGERS);

        Run run = doctor();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("The bot is not a member of the manager channel #c0managers")
                .contains("type `/invite @planbot` in #c0managers");
    }

    @Test
    void givenNoManagerChannelAndNoDigest_whenTheDoctorRuns_thenTheChannelIsAProblemAndTheDigestAWarning() {
        try (App app = App.open(db)) {
            app.database().withHandle(h -> h.execute("DELETE FROM chat_channel WHERE purpose = 'MANAGER'"));
        }

        Run run = doctor();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("❌ No manager channel is set on slack")
                .contains("/plan channel manager #channel")
                .contains("⚠️ No channel gets the weekly digest. → ./planbot digests add slack:C0123");
    }

    @Test
    void givenADigestSubscription_whenTheDoctorRuns_thenItCountsIt() {
        try (App app = App.open(db)) {
            app.admin().subscribe("default", new SubscriptionSpec("slack:" + MANAGERS, null, null,
                    SubscriptionSpec.DEFAULT_DAY, SubscriptionSpec.DEFAULT_TIME, App.ZONE), "test", planbot.domain.Source.CLI);
        }

        assertThat(doctor().out()).contains("1 channel gets the weekly digest.");
    }

    @Test
    void givenNoChatPlatformConfigured_whenTheDoctorRuns_thenItSaysRemindersCanOnlyBePrinted() {
        token = null;

        Run run = doctor();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("No chat platform is configured").contains("TEAMS_APP_ID").contains("SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET").contains("DISCORD_TOKEN");
    }

    @Test
    void givenNoPlanForTheTenant_whenTheDoctorRuns_thenItNamesTheImport() {
        Run run = doctor("--tenant", "elsewhere");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("There is no plan for the council 'elsewhere' yet.")
                .contains("./planbot import tracker.xlsx --tenant elsewhere");
    }
}
