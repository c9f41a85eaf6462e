package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.BundledSample;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.config.Settings;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.storage.testing.TestDatabases;

/**
 * {@code ./planbot ical}: a feed URL printed once under PLANBOT_PUBLIC_URL with its handle, listed without its secret,
 * revoked by handle (once), audited with the source CLI; a plan or person the council lacks changes nothing.
 */
class IcalCliTest {
    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void theSamplePlan() {
        db = "jdbc:sqlite:" + dir.resolve("planbot.db");
        assertThat(MainAccess.planbot("import", "../samples/planning-review-action-plan.tsv", "--db", db).exit()).isZero();
    }

    private Run run(String... args) {
        Settings settings = Settings.load(Map.of("PLANBOT_PUBLIC_URL", "https://planbot.council.gov.uk/"), dir.resolve("no.env"));
        return MainAccess.planbot(settings, args);
    }

    private Map<String, List<Map<String, Object>>> dump() {
        try (App app = App.open(db)) {
            return TestDatabases.dump(app.database());
        }
    }

    @Test
    void givenAPlan_whenAUrlIsMadeListedAndRevoked_thenTheSecretIsShownOnceAndEachChangeIsAudited() {
        // WHEN a URL is made for the plan
        Run url = run("ical", "url", "--plan", BundledSample.PLAN, "--db", db);
        // THEN it is printed under the public URL, with the handle that revokes it
        assertThat(url.exit()).as(url.err()).isZero();
        String[] lines = url.out().split("\n");
        assertThat(lines[0]).matches("https://planbot\\.council\\.gov\\.uk/ical/[A-Za-z0-9_-]{43}\\.ics");
        String handle = lines[1].substring("handle ".length(), "handle ".length() + 10);
        assertThat(lines[1]).contains("./planbot ical revoke " + handle);
        String secret = lines[0].substring(lines[0].lastIndexOf('/') + 1, lines[0].length() - ".ics".length());
        // AND the list names it by handle and plan, never by its secret
        Run list = run("ical", "list", "--db", db);
        assertThat(list.out()).contains(handle).contains("plan").contains(BundledSample.PLAN).doesNotContain(secret);
        assertThat(dump().toString()).doesNotContain(secret);
        // WHEN it is revoked THEN it says so; a second revoke is one sentence and exit 1
        Run revoke = run("ical", "revoke", handle, "--db", db);
        assertThat(revoke.exit()).isZero();
        assertThat(revoke.out()).startsWith("Revoked " + handle + " (plan " + BundledSample.PLAN + ")");
        Run again = run("ical", "revoke", handle, "--db", db);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err().strip()).doesNotContain("\n").contains("no calendar link " + handle);
        assertThat(run("ical", "--db", db).out()).contains("revoked");
        try (App app = App.open(db)) {
            List<AuditEvent> audit = app.audit().list(app.tenants().find("default").orElseThrow(), handle);
            assertThat(audit).extracting(AuditEvent::change).containsExactly("revoked", "issued");
            assertThat(audit).extracting(AuditEvent::source).containsOnly(Source.CLI);
        }
    }

    @Test
    void givenAnUnknownPersonOrPlanOrNoOne_thenOneLineAndNothingChanges() {
        Map<String, List<Map<String, Object>>> before = dump();
        Run person = run("ical", "url", "--person", "Nobody Atall", "--db", db);
        assertThat(person.exit()).isEqualTo(1);
        assertThat(person.err().strip()).isEqualTo("planbot: There is no person 'Nobody Atall' in the plan:"
                + " `./planbot people` lists them.");
        assertThat(run("ical", "url", "--plan", "elsewhere", "--db", db).exit()).isEqualTo(1);
        assertThat(run("ical", "url", "--db", db).exit()).isEqualTo(1);
        assertThat(run("ical", "url", "--plan", "a", "--person", "b", "--db", db).exit()).isNotZero();
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void givenAPublicUrlThatIsNotOne_thenPlanbotStopsNamingTheSetting() {
        Run bad = MainAccess.planbot(Settings.load(Map.of("PLANBOT_PUBLIC_URL", "planbot.council.gov.uk"), dir.resolve("no.env")),
                "ical", "url", "--plan", BundledSample.PLAN, "--db", db);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("PLANBOT_PUBLIC_URL must be");
    }
}
