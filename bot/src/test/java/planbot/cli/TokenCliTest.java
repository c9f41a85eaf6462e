package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.access.ApiTokens;
import planbot.domain.AuditEvent;
import planbot.domain.Role;
import planbot.domain.Source;
import planbot.storage.testing.TestDatabases;

/**
 * {@code ./planbot token}: an integration's token is printed once and stored only as a hash; the list never shows a
 * token; a taken name is one sentence and exit 2; creating and revoking are audited with the source CLI.
 */
class TokenCliTest {
    @TempDir
    Path dir;
    String db;

    @BeforeEach
    void database() {
        db = "jdbc:sqlite:" + dir.resolve("planbot.db");
    }

    private static Run run(String... args) {
        return MainAccess.planbot(args);
    }

    private Map<String, List<Map<String, Object>>> dump() {
        try (App app = App.open(db)) {
            return TestDatabases.dump(app.database());
        }
    }

    @Test
    void aTokenIsPrintedOnceWorksForItsRoleAndOnlyItsHashIsStored() {
        // WHEN an operator creates a viewer token for the dashboard
        Run create = run("token", "create", "dashboard", "--role", "viewer", "--db", db);
        // THEN it is printed once, prefixed so that a leaked one can be found
        assertThat(create.exit()).as(create.err()).isZero();
        String token = create.out().lines().filter(l -> l.startsWith(ApiTokens.PREFIX)).findFirst().orElseThrow();
        assertThat(token).matches("pbt_[A-Za-z0-9_-]{43}");
        try (App app = App.open(db)) {
            // AND it authenticates as the dashboard, a viewer of the default tenant
            Optional<ApiTokens.Integration> who = app.apiTokens().authenticate(token);
            assertThat(who).contains(new ApiTokens.Integration("default", "dashboard", Role.VIEWER));
            // AND the database holds its hash, never the token; creating it is audited from the CLI
            assertThat(TestDatabases.dump(app.database()).toString()).doesNotContain(token.substring(4));
            AuditEvent created = app.audit().list(app.tenants().find("default").orElseThrow(), "dashboard").get(0);
            assertThat(created.change()).isEqualTo("created");
            assertThat(created.source()).isEqualTo(Source.CLI);
        }
        // AND the list shows name, role, created and last used, never the token
        Run list = run("token", "list", "--db", db);
        assertThat(list.out()).contains("dashboard").contains("viewer").doesNotContain(token).doesNotContain(ApiTokens.PREFIX);
    }

    @Test
    void aTakenNameIsOneSentenceExitTwoAndChangesNothing() {
        assertThat(run("token", "create", "dashboard", "--role", "viewer", "--db", db).exit()).isZero();
        Map<String, List<Map<String, Object>>> before = dump();
        Run again = run("token", "create", "dashboard", "--role", "admin", "--db", db);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err().strip()).doesNotContain("\n").contains("already has a token called dashboard")
                .contains("nothing was changed");
        assertThat(again.out()).doesNotContain(ApiTokens.PREFIX);
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void aRevokedTokenIsRefusedListedAsRevokedAndTheRevocationAudited() {
        Run create = run("token", "create", "ci", "--role", "manager", "--db", db);
        String token = create.out().lines().filter(l -> l.startsWith(ApiTokens.PREFIX)).findFirst().orElseThrow();
        // WHEN it is revoked, twice
        Run revoke = run("token", "revoke", "ci", "--db", db);
        Run again = run("token", "revoke", "ci", "--db", db);
        // THEN the first revokes it and the second changes nothing; it no longer authenticates
        assertThat(revoke.exit()).isZero();
        assertThat(revoke.out()).contains("Revoked ci");
        assertThat(again.out()).contains("revoked already");
        try (App app = App.open(db)) {
            assertThat(app.apiTokens().authenticate(token)).isEmpty();
            assertThat(app.audit().list(app.tenants().find("default").orElseThrow(), "ci")).extracting(AuditEvent::change)
                    .containsExactly("revoked", "created");
        }
        assertThat(run("token", "list", "--db", db).out()).containsPattern("ci\\s+manager.*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}Z\\s*$");
        // AND an unknown name or a bad role is one sentence, exit 1
        assertThat(run("token", "revoke", "nobody", "--db", db).exit()).isEqualTo(1);
        assertThat(run("token", "create", "x", "--role", "boss", "--db", db).err()).contains("unknown role 'boss'");
        Run badName = run("token", "create", "two words", "--role", "viewer", "--db", db);
        assertThat(badName.exit()).isEqualTo(1);
        assertThat(badName.err()).contains("a token's name is a short word");
    }
}
