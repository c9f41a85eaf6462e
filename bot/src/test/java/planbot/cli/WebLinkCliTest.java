package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.access.SignInLinks;
import planbot.access.SignInLinks.Outcome;
import planbot.config.Settings;
import planbot.domain.Role;
import planbot.storage.Tenant;
import planbot.storage.testing.TestDatabases;

/** {@code ./planbot web link}: one sign-in link at the terminal, for the first admin or the person named. */
class WebLinkCliTest {
    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void aPlanWithAnAdminAndAnOfficer() {
        db = "jdbc:sqlite:" + dir.resolve("planbot.db");
        assertThat(MainAccess.planbot("import", "../samples/planning-review-action-plan.tsv", "--db", db).exit()).isZero();
        try (App app = App.open(db)) {
            Tenant t = app.tenants().find("default").orElseThrow();
            app.people().upsert(t, List.of("Ada"), Role.ADMIN);
            app.people().upsert(t, List.of("Olivia"), Role.OFFICER);
        }
    }

    Run run(Map<String, String> env, String... args) {
        return MainAccess.planbot(Settings.load(env, dir.resolve("no.env")), args);
    }

    Outcome redeem(String link) {
        try (App app = App.open(db)) {
            return app.signInLinks().redeem(URI.create(link).getPath().substring(SignInLinks.PATH.length())).outcome();
        }
    }

    @Test
    void withNoPersonNamed_itPrintsALinkForTheFirstAdminThatSignsInOnce() {
        Run r = run(Map.of(), "web", "link", "--db", db);
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines[0]).matches("http://localhost:7070/signin/[A-Za-z0-9_-]{43}");
        assertThat(lines[1]).contains("Ada (admin)").contains("15 minutes");
        assertThat(redeem(lines[0])).isEqualTo(Outcome.OK);
        assertThat(redeem(lines[0])).isEqualTo(Outcome.USED);
    }

    @Test
    void asAPerson_withAPublicUrl_theLinkStartsThere() {
        Run r = run(Map.of("PLANBOT_PUBLIC_URL", "https://planbot.council.example/"), "web", "link", "--as", "olivia", "--db", db);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("https://planbot.council.example/signin/").contains("Olivia (officer)");
    }

    @Test
    void anUnknownPersonIsOneSentenceAndExit2_andNothingIsStored() {
        Map<String, List<Map<String, Object>>> before = dump();
        Run r = run(Map.of(), "web", "link", "--as", "Unknown", "--db", db);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").contains("\"Unknown\"");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void aCouncilWithNoAdminAndNoPersonNamedIsExit2() {
        Run r = run(Map.of(), "web", "link", "--db", db, "--tenant", "elsewhere");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("elsewhere");
    }

    @Test
    void aMalformedPublicUrlStopsItNamingTheSetting() {
        for (String bad : List.of("planbot.council.example", "ftp://planbot.council.example", "https://x.example/?a=1",
                "https://x.example/planbot")) {
            Run r = run(Map.of("PLANBOT_PUBLIC_URL", bad), "web", "link", "--db", db);
            assertThat(r.exit()).as(bad).isEqualTo(1);
            assertThat(r.err()).as(bad).contains("PLANBOT_PUBLIC_URL");
        }
    }

    private Map<String, List<Map<String, Object>>> dump() {
        try (App app = App.open(db)) {
            return TestDatabases.dump(app.database());
        }
    }
}
