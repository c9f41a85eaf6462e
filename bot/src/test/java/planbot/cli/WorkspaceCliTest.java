package planbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.MainAccess;
import planbot.MainAccess.Run;
import planbot.domain.AuditEvent;

/** The operator binds a Slack workspace to a council at the terminal, audited; the list shows the bindings. */
class WorkspaceCliTest {
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
    void givenATenant_whenTheOperatorBindsATeamToIt_thenTheListShowsItAndTheBindingIsAudited() {
        Run bind = run("workspace", "bind", "--team", "T0123", "--db", db);

        assertThat(bind.exit()).isZero();
        assertThat(bind.out()).contains("slack workspace T0123 now serves default");
        assertThat(run("workspace", "--db", db).out()).contains("T0123").contains("default");
        try (App app = App.open(db)) {
            AuditEvent event = app.audit().list(app.tenants().find("default").orElseThrow(), "slack:T0123").get(0);
            assertThat(event.change()).isEqualTo("bound");
            assertThat(event.after()).isEqualTo("default");
        }
    }

    @Test
    void givenNoWorkspaceOrAnUnknownTenant_whenBinding_thenItIsRefusedSayingWhy() {
        assertThat(run("workspace", "bind", "--db", db).err()).contains("--team");
        assertThat(run("workspace", "bind", "--team", "T1", "--tenant", "nowhere", "--db", db).exit()).isEqualTo(1);
        assertThat(run("workspace", "--db", db).out()).contains("No slack workspace is bound yet.");
    }
}
