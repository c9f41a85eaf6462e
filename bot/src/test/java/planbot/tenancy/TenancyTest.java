package planbot.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.App;
import planbot.MainAccess;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.storage.ChatIdentity;
import planbot.storage.Tenant;
import planbot.storage.WorkspaceBinding;
import planbot.storage.testing.TestDatabases;
import planbot.testing.PlanEdits;
import planbot.testing.TestBot;

/**
 * The binding rule, on the real App over a SQLite file with the sample plan: only a platform's first workspace binds
 * itself, and only while there is one council; every other unknown workspace is refused, told the admin's command,
 * and reads and writes nothing.
 */
class TenancyTest {
    @TempDir
    Path dir;
    TestBot bot;
    Tenancy tenancy;

    @BeforeEach
    void start() {
        bot = TestBot.start(dir).importPlan(PlanEdits.samplePlan());
        App app = bot.app();
        tenancy = new Tenancy(app.database(), app.workspaces(), app.tenants(), app.people(), app.audit(), app.clock());
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void thePlatformsFirstWorkspaceBindsItselfToTheOnlyCouncilAudited() {
        // WHEN the first Slack request ever arrives, from T0001
        Tenancy.Result result = tenancy.resolve(Source.SLACK, "", "T0001", "U1", "sam");
        // THEN it is the council's, the caller a guest named as Slack names them, and the binding is audited as the platform's
        assertThat(result).isInstanceOf(Caller.class);
        Caller caller = (Caller) result;
        assertThat(caller.tenant()).isEqualTo(bot.tenant());
        assertThat(caller.actor().person()).isNull();
        assertThat(caller.actor().displayName()).isEqualTo("sam");
        assertThat(caller.identity()).isEqualTo(new ChatIdentity("slack", "T0001", "U1"));
        List<AuditEvent> events = bot.app().audit().list(bot.tenant(), "slack:T0001");
        assertThat(events).extracting(AuditEvent::change).containsExactly("bound");
        assertThat(events.get(0).source()).isEqualTo(Source.SLACK);
    }

    @Test
    void aSecondUnknownWorkspaceIsRefusedWithTheBindCommandAndNothingChanges() {
        // GIVEN the council's first Slack workspace bound by its first request
        tenancy.resolve(Source.SLACK, "", "T0001", "U1", "sam");
        var before = TestDatabases.dump(bot.app().database());
        // WHEN a request comes from another team, and one from an enterprise's team
        Tenancy.Result other = tenancy.resolve(Source.SLACK, "", "T0999", "U9", "mallory");
        Tenancy.Result grid = tenancy.resolve(Source.SLACK, "E0777", "T0778", "U9", "mallory");
        // THEN each is refused with one sentence naming the admin's command with its ids filled in
        assertThat(other).isEqualTo(new Tenancy.Refused("This Slack workspace (T0999) is not linked to a council's plan:"
                + " a planbot admin can link it with `./planbot workspace bind --platform slack --team T0999 --tenant <council>`."));
        assertThat(((Tenancy.Refused) grid).message())
                .contains("(E0777/T0778)", "--enterprise E0777 --team T0778 --tenant <council>`");
        // AND it names nothing of the council or its plan
        assertThat(((Tenancy.Refused) other).message()).doesNotContain(TestBot.TENANT, "EN003", "ENFORCEMENT");
        // AND nothing was bound, audited or otherwise written
        assertThat(TestDatabases.dump(bot.app().database())).isEqualTo(before);
    }

    @Test
    void withTwoCouncilsAnUnknownWorkspaceIsRefusedEvenIfNoneIsBound() {
        // GIVEN a second council and no workspace bound anywhere
        bot.app().tenants().getOrCreate("stevenage", bot.now());
        var before = TestDatabases.dump(bot.app().database());
        // WHEN / THEN a first request is refused and writes nothing
        assertThat(tenancy.resolve(Source.SLACK, null, "T0001", "U1", "sam")).isInstanceOf(Tenancy.Refused.class);
        assertThat(TestDatabases.dump(bot.app().database())).isEqualTo(before);
    }

    @Test
    void theFirstWorkspaceOfAnotherPlatformStillBindsItself() {
        // GIVEN the council's Slack workspace
        tenancy.resolve(Source.SLACK, "", "T0001", "U1", "sam");
        // WHEN the first Discord guild asks
        Tenancy.Result discord = tenancy.resolve(Source.DISCORD, "", "G42", "D1", "kim");
        // THEN it is bound too: the rule is one automatic binding per platform
        assertThat(discord).isInstanceOf(Caller.class);
        assertThat(((Caller) discord).identity()).isEqualTo(new ChatIdentity("discord", "G42", "D1"));
        assertThat(bot.app().workspaces().list("discord")).extracting(WorkspaceBinding::teamId).containsExactly("G42");
    }

    @Test
    void theOperatorsBindCommandLinksARefusedWorkspace() {
        // GIVEN a second workspace refused
        tenancy.resolve(Source.SLACK, "", "T0001", "U1", "sam");
        assertThat(tenancy.resolve(Source.SLACK, "", "T0999", "U9", "kim")).isInstanceOf(Tenancy.Refused.class);
        // WHEN the operator runs the command the refusal named, for this council
        MainAccess.Run bind = MainAccess.planbot("workspace", "bind", "--platform", "slack", "--team", "T0999",
                "--tenant", TestBot.TENANT, "--db", "jdbc:sqlite:" + dir.resolve("testbot.db"));
        // THEN the workspace is served
        assertThat(bind.exit()).as(bind.err()).isZero();
        Tenancy.Result after = tenancy.resolve(Source.SLACK, "", "T0999", "U9", "kim");
        assertThat(after).isInstanceOf(Caller.class);
        assertThat(((Caller) after).tenant()).isEqualTo(bot.tenant());
    }

    @Test
    void twoFirstRequestsAtOnceBindOnce() throws Exception {
        // WHEN eight requests arrive at once: four from T0001 and four from T0002, before either is bound
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Tenancy.Result>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                String team = i % 2 == 0 ? "T0001" : "T0002";
                results.add(pool.submit(() -> {
                    go.await();
                    return tenancy.resolve(Source.SLACK, "", team, "U1", "sam");
                }));
            }
            go.countDown();
            List<String> served = new ArrayList<>();
            for (Future<Tenancy.Result> r : results) {
                Tenancy.Result result = r.get(20, TimeUnit.SECONDS);
                if (result instanceof Caller) {
                    served.add(((Caller) result).identity().workspace());
                }
            }
            // THEN exactly one team was bound, with one audit row, and only its four requests were served
            List<WorkspaceBinding> bound = bot.app().workspaces().list("slack");
            assertThat(bound).hasSize(1);
            String winner = bound.get(0).teamId();
            assertThat(served).hasSize(4).containsOnly(winner);
            Tenant council = bot.tenant();
            assertThat(bot.app().audit().list(council, "slack:" + winner)).hasSize(1);
            assertThat(bot.app().audit().list(council, "slack:" + (winner.equals("T0001") ? "T0002" : "T0001"))).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
