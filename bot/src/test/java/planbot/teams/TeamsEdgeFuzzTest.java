package planbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.answer.ButtonValue;
import planbot.delivery.Button;
import planbot.http.AppServer;
import planbot.storage.testing.TestDatabases;
import planbot.teams.fake.FakeBotConnector;
import planbot.teams.render.CardAction;
import planbot.testing.EdgeFuzzer;
import planbot.testing.EdgeFuzzer.Seed;
import planbot.testing.TestBot;

/**
 * {@code POST /api/messages} under thousands of activities with a genuine bearer token but malformed bodies, over real
 * HTTP: none may get a 5xx (Teams retries those), nothing may be logged at ERROR (the work after the answer included)
 * nor a stack trace printed, and nothing of the plan may change — the seeds are a guest's. What a verified activity
 * legitimately writes is bookkeeping: the conversations it names ({@code teams_conversation}) and the ids of commands
 * already handled ({@code inbound_event}).
 */
class TeamsEdgeFuzzTest {
    private static final Set<String> BOOKKEEPING = Set.of("teams_conversation", "inbound_event");

    @TempDir
    java.nio.file.Path dir;
    TeamsFixture f;

    @BeforeEach
    void start() throws Exception {
        f = TeamsFixture.start(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void twoThousandMalformedActivitiesWithAGenuineTokenGetNo5xxLogNoErrorAndChangeNoPlan() throws Exception {
        // GIVEN the council's tenant bound (a first message), and valid activities of every kind the edge takes
        FakeBotConnector.Where chat = f.teams.inPersonal(f.guest);
        f.deliver(f.teams.message(f.guest, chat, "help"));
        f.awaitNew(chat.conversationId(), 0);
        FakeBotConnector.Channel team = f.teams.team(f.guest);
        FakeBotConnector.Where channel = f.teams.inChannel(team);
        f.deliver(f.teams.botAdded(f.guest, channel)); // installed and welcomed before the fuzz
        f.awaitNew(channel.conversationId(), 0);
        List<Seed> seeds = seeds(chat, channel);
        // the token names the service URL, not the activity: one genuine token serves every request, as with Teams
        String bearer = f.teams.authorization(f.teams.message(f.guest, chat, "help"), FakeBotConnector.Token.VALID);
        EdgeFuzzer fuzzer = new EdgeFuzzer(f.endpoint(), body -> Map.of("Authorization", bearer), seeds,
                AppServer.MAX_BODY_BYTES, 20261208L);
        // WHEN 2,000 of them, mutated, are sent
        EdgeFuzzer.Report report = fuzzer.run(2_000, Duration.ofSeconds(60), () -> TestDatabases.dump(f.bot.app().database()));
        // THEN every one was answered below 500, nothing was logged at ERROR, no stack trace, no plan table changed
        System.out.println("Teams edge fuzz: " + report.summary());
        assertThat(report.serverErrors()).isEmpty();
        assertThat(report.errorLogs()).isEmpty();
        assertThat(report.stackTraces()).isZero();
        assertThat(report.changes().keySet()).isSubsetOf(BOOKKEEPING);
    }

    private List<Seed> seeds(FakeBotConnector.Where chat, FakeBotConnector.Where channel) {
        FakeBotConnector t = f.teams;
        long taskId = f.bot.taskRow("EN003/01").id();
        ObjectNode done = CardAction.data(new ButtonValue(TestBot.TENANT, taskId, 1, Button.Choice.DONE));
        ObjectNode newDate = CardAction.data(new ButtonValue(TestBot.TENANT, taskId, 1, Button.Choice.NEW_DATE))
                .put("date", "2023-06-30").put("reason", "waiting on legal");
        List<Seed> seeds = new ArrayList<>();
        seeds.add(Seed.json("status", t.message(f.guest, chat, "status EN003").toString()));
        seeds.add(Seed.json("update by a guest", t.message(f.guest, chat, "update EN003/01 completed").toString()));
        seeds.add(Seed.json("typed reply", t.message(f.guest, chat, "done").toString()));
        seeds.add(Seed.json("channel mention", t.mention(f.guest, channel, "status EN003", true).toString()));
        seeds.add(Seed.json("submit Done", t.submit(f.guest, chat, "1700000000001", done).toString()));
        seeds.add(Seed.json("submit New date", t.submit(f.guest, chat, "1700000000001", newDate).toString()));
        seeds.add(Seed.json("execute Done", t.execute(f.guest, chat, "1700000000001", done, null).toString()));
        seeds.add(Seed.json("installed", t.botAdded(f.guest, channel).toString()));
        return seeds;
    }
}
