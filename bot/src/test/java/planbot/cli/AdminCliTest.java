package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.command.Actor;
import planbot.command.ChatContext;
import planbot.command.CommandRequest;
import planbot.config.Settings;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.reply.Confirmation;
import planbot.reply.Reply;
import planbot.slack.fake.FakeSlack;
import planbot.storage.testing.TestDatabases;

/**
 * {@code ./planbot admin}: naming a council's first admin at the terminal, by Slack user id or by email (through the
 * fake Slack's {@code users.lookupByEmail}), listing the admins, and printing a one-time code that a chat user claims.
 */
class AdminCliTest {
    static final String TOKEN = "xoxb-1234-5678-test-bot-token";

    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void theSamplePlan() {
        db = "jdbc:sqlite:" + dir.resolve("planbot.db");
        assertThat(run("import", "../samples/planning-review-action-plan.tsv", "--db", db).exit()).isZero();
    }

    static Run run(String... args) {
        return MainAccess.planbot(args);
    }

    private void bindTeam() {
        assertThat(run("workspace", "bind", "--team", "T0123", "--db", db).exit()).isZero();
    }

    private Map<String, List<Map<String, Object>>> dump() {
        try (App app = App.open(db)) {
            return TestDatabases.dump(app.database());
        }
    }

    private Settings slackAt(FakeSlack slack) {
        return Settings.load(Map.of("SLACK_BOT_TOKEN", TOKEN, "SLACK_SIGNING_SECRET", "test-signing-secret",
                "SLACK_API_BASE_URL", slack.apiUrl()), dir.resolve("no.env"));
    }

    @Test
    void givenNoWorkspaceBound_whenAnAdminIsAdded_thenItSaysHowToBindOneAndChangesNothing() {
        Map<String, List<Map<String, Object>>> before = dump();

        Run add = run("admin", "add", "--platform", "slack", "--user", "U0123", "--db", db);

        assertThat(add.exit()).isEqualTo(1);
        assertThat(add.err().strip()).doesNotContain("\n")
                .contains("./planbot workspace bind --platform slack --team T… --tenant default");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void givenABoundWorkspace_whenAnAdminIsAddedByUserId_thenTheyAreListedLinkedAndAuditedOnce() {
        // GIVEN the council's Slack workspace is bound, and it has no admin
        bindTeam();
        assertThat(run("admin", "--db", db).out()).contains("No admin of default yet").contains("./planbot admin code");
        // WHEN the operator makes U0123 the admin "HoP"
        Run add = run("admin", "add", "--platform", "slack", "--user", "U0123", "--person", "HoP", "--db", db);
        Run again = run("admin", "add", "--platform", "slack", "--user", "U0123", "--person", "HoP", "--db", db);
        // THEN HoP is added, linked in the bound workspace; the second time changes nothing
        assertThat(add.exit()).isZero();
        assertThat(add.out()).contains("Added HoP to the people of default as an admin, linked to slack T0123/U0123.");
        assertThat(again.out()).contains("nothing changed");
        assertThat(run("admin", "list", "--db", db).out()).contains("Admins of default:").contains("HoP")
                .contains("slack T0123/U0123");
        try (App app = App.open(db)) {
            List<AuditEvent> audit = app.audit().list(app.tenants().find("default").orElseThrow(), "HoP");
            assertThat(audit).hasSize(1);
            assertThat(audit.get(0).change()).isEqualTo("made admin");
            assertThat(audit.get(0).source()).isEqualTo(Source.CLI);
        }
    }

    @Test
    void givenACodeFromTheTerminal_whenAChatUserClaimsIt_thenTheyAreAnAdminAndTheCodeIsNotStored() {
        // GIVEN a code printed by `admin code`
        bindTeam();
        Run printed = run("admin", "code", "--db", db);
        String[] lines = printed.out().strip().split("\n");
        String code = lines[lines.length - 1];
        // THEN it is alone on the last line, and said nowhere else
        assertThat(printed.exit()).isZero();
        assertThat(code).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
        assertThat(String.join("\n", List.of(lines).subList(0, lines.length - 1))).doesNotContain(code)
                .contains("/plan admin claim");
        assertThat(dump().toString()).doesNotContain(code).doesNotContain(code.replace("-", ""));
        // WHEN a Slack user of the bound workspace claims it
        try (App app = App.open(db)) {
            Reply reply = app.commands().handle(new CommandRequest("default", Actor.guest("sam"), Source.SLACK,
                    "admin claim " + code, new ChatContext("slack", "T0123", "U0SAM")));
            // THEN they are an admin
            assertThat(reply).isInstanceOf(Confirmation.class);
        }
        assertThat(run("admin", "--db", db).out()).contains("sam").contains("slack T0123/U0SAM");
    }

    @Test
    void givenSlackConfigured_whenAnAdminIsAddedByEmail_thenSlackFindsTheAccountAndThePersonIsNamedAfterThem() {
        try (FakeSlack slack = FakeSlack.start(TOKEN)) {
            // GIVEN Sue in the Slack workspace
            slack.member("U0SUE", "Sue Whiteside", "sue", "sue.whiteside@council.gov.uk");
            bindTeam();
            // WHEN the operator names her by email
            Run add = MainAccess.planbot(slackAt(slack), "admin", "add", "--email", "sue.whiteside@council.gov.uk", "--db", db);
            // THEN Slack was asked once, and she is an admin named as Slack names her
            assertThat(add.exit()).as(add.err()).isZero();
            assertThat(add.out()).contains("Added Sue Whiteside to the people of default as an admin, linked to slack T0123/U0SUE.");
            assertThat(slack.calls("users.lookupByEmail")).hasSize(1);
        }
    }

    @Test
    void givenAnUnknownEmailOrAMissingScope_whenAnAdminIsAddedByEmail_thenOneLineSaysWhyAndNothingChanges() {
        try (FakeSlack slack = FakeSlack.start(TOKEN)) {
            bindTeam();
            Map<String, List<Map<String, Object>>> before = dump();

            Run unknown = MainAccess.planbot(slackAt(slack), "admin", "add", "--email", "nobody@council.gov.uk", "--db", db);
            slack.withoutScope("users:read.email");
            Run noScope = MainAccess.planbot(slackAt(slack), "admin", "add", "--email", "sue@council.gov.uk", "--db", db);
            Run notConfigured = run("admin", "add", "--email", "sue@council.gov.uk", "--db", db);

            assertThat(unknown.exit()).isEqualTo(1);
            assertThat(unknown.err().strip()).doesNotContain("\n").contains("nobody in the slack workspace has the email");
            assertThat(noScope.exit()).isEqualTo(1);
            assertThat(noScope.err().strip()).doesNotContain("\n").contains("users:read.email").doesNotContain(TOKEN);
            assertThat(notConfigured.exit()).isEqualTo(1);
            assertThat(notConfigured.err()).contains("slack is not configured here");
            assertThat(dump()).isEqualTo(before);
        }
    }
}
