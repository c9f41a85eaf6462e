package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.storage.Database;
import planbot.storage.testing.TestDatabases;

/** An admin changes the reminder policy and the digest subscriptions from the command line. */
class PolicyAndDigestsCliTest {
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

    @Test
    void thePolicyStartsAtTheDefaultsAndChangesOnlyWhatIsNamed() {
        assertThat(run("policy", "--db", db).out()).startsWith("lead=14,7,1 ").contains("send-at=09:00");
        Run set = run("policy", "set", "lead=10,5,1", "region=scotland", "--db", db);
        assertThat(set.exit()).isZero();
        assertThat(run("policy", "--db", db).out()).startsWith("lead=10,5,1 ").contains("send-at=09:00").contains("region=scotland");
    }

    @Test
    void aBadSettingIsRefusedWithItsReasonAndChangesNothing() {
        var before = dump();
        Run bad = run("policy", "set", "lead=soon", "--db", db);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).startsWith("planbot: ").contains("lead");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void aChannelIsSubscribedListedAndRemoved() {
        assertThat(run("digests", "add", "managers", "--day", "friday", "--time", "16:00", "--db", db).exit()).isZero();
        assertThat(run("digests", "--db", db).out()).contains("managers").contains("friday 16:00");
        assertThat(run("digests", "add", "x", "--time", "25:00", "--db", db).exit()).isEqualTo(1);
        assertThat(run("digests", "remove", "managers", "--db", db).out()).contains("no longer gets the digest");
        assertThat(run("digests", "--db", db).out()).contains("No channel gets the weekly digest");
    }

    @Test
    void aSecondSubscriptionOfOneChannelToAnotherScopeIsRefusedAndChangesNothing() {
        // GIVEN a channel that gets the digest of every plan
        assertThat(run("digests", "add", "managers", "--db", db).exit()).isZero();
        var before = dump();
        // WHEN it is also subscribed to one section (a channel gets one digest a week: it would never be posted)
        Run again = run("digests", "add", "managers", "--section", "PLANNING ENFORCEMENT", "--db", db);
        // THEN it is refused, saying why and what to do, and nothing changed; changing its time is still fine
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("managers already gets the weekly digest of every plan").contains("digests remove managers");
        assertThat(dump()).isEqualTo(before);
        assertThat(run("digests", "add", "managers", "--time", "10:00", "--db", db).exit()).isZero();
    }

    @Test
    void whatTheUserCanFixIsOneLineAndExitOneWhicheverLayerRefusedIt() {
        var before = dump();
        // WHEN the command line, the storage records and the digest reader each refuse something the user typed
        Run day = run("digests", "add", "managers", "--day", "funday", "--db", db);
        Run spaces = run("digests", "add", "my managers", "--db", db);
        Run role = run("people", "role", "HoP", "wizard", "--db", db);
        Run plan = run("digest", "--plan", "Nope", "--db", db);
        // THEN each is one line saying what is wrong, exit 1, nothing changed, and no "inside planbot"
        assertThat(day.err()).isEqualTo("planbot: --day wants a day of the week, e.g. monday\n");
        assertThat(spaces.err()).isEqualTo("planbot: a channel cannot contain spaces: 'my managers'\n");
        assertThat(role.err()).startsWith("planbot: unknown role 'wizard'");
        assertThat(plan.err()).startsWith("planbot: ").contains("has no plan 'Nope'");
        for (Run r : java.util.List.of(day, spaces, role, plan)) {
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().lines()).hasSize(1);
        }
        assertThat(dump()).isEqualTo(before);
    }

    private java.util.Map<String, java.util.List<java.util.Map<String, Object>>> dump() {
        try (Database d = Database.open(db)) {
            return TestDatabases.dump(d);
        }
    }
}
