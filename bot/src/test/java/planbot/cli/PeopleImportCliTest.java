package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.storage.ChatIdentity;
import planbot.storage.Tenant;

/** {@code ./planbot people import FILE [--dry-run] [--json]} at the terminal, on a real SQLite file. */
class PeopleImportCliTest {
    @TempDir
    Path dir;
    String db;
    Path people;

    @BeforeEach
    void aTrackerWithOwnersAndABoundWorkspace() throws IOException {
        db = "jdbc:sqlite:" + dir.resolve("planbot.db");
        Path tracker = Files.writeString(dir.resolve("tracker.csv"),
                "Ref,Task,Owner,Due\n1,Draft the policy,Sue Whiteside,31/05/2023\n2,Consult,Sam Jones,30/06/2023\n");
        assertThat(MainAccess.planbot("import", tracker.toString(), "--db", db).exit()).isZero();
        assertThat(MainAccess.planbot("workspace", "bind", "--team", "T0001", "--db", db).exit()).isZero();
        people = Files.writeString(dir.resolve("people.csv"), "name,email,slack\nSue Whiteside,sue@example.gov.uk,U0SUE\n"
                + "Sam Jones,,U0SAM\nS. Jones,,U0SJ\n");
    }

    @Test
    void givenAPeopleFile_whenDryRunAsJsonThenImported_thenTheReportCountsAndOnlyTheRealRunLinks() throws IOException {
        Run dry = MainAccess.planbot("people", "import", people.toString(), "--dry-run", "--json", "--db", db);

        assertThat(dry.exit()).as(dry.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dry.out());
        assertThat(json.get("applied").asBoolean()).isFalse();
        assertThat(json.get("dryRun").asBoolean()).isTrue();
        assertThat(json.get("counts").get("changed").asInt()).isEqualTo(2);
        assertThat(json.get("counts").get("near_miss").asInt()).isEqualTo(1);
        assertThat(linked("U0SUE")).isFalse();

        Run real = MainAccess.planbot("people", "import", people.toString(), "--db", db);

        assertThat(real.exit()).isZero();
        assertThat(real.out()).startsWith("people.csv: changed 2, unchanged 0, near misses 1, not in the plan 0, problems 0")
                .contains("did you mean \"Sam Jones\" (initials)?");
        assertThat(linked("U0SUE")).isTrue();
        assertThat(MainAccess.planbot("people", "import", people.toString(), "--db", db).out()).contains("Nothing to change.");
    }

    @Test
    void givenABadFile_whenImported_thenItExitsNonZeroAndWritesNothing() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "name,role,slack\nSue Whiteside,boss,U0SUE\n");

        Run run = MainAccess.planbot("people", "import", bad.toString(), "--db", db);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("problem: line 2: Sue Whiteside: unknown role 'boss'").contains("Nothing was written");
        assertThat(linked("U0SUE")).isFalse();
        assertThat(MainAccess.planbot("people", "import", dir.resolve("missing.csv").toString(), "--db", db).exit()).isEqualTo(1);
    }

    private boolean linked(String userId) {
        try (App app = App.open(db)) {
            Tenant tenant = app.tenants().find("default").orElseThrow();
            return app.people().findByIdentity(tenant, new ChatIdentity("slack", "T0001", userId)).isPresent();
        }
    }
}
