package planbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.answer.ButtonValue;
import planbot.delivery.Button;
import planbot.discord.fake.FakeDiscord;
import planbot.discord.render.ComponentIds;
import planbot.storage.testing.TestDatabases;
import planbot.testing.EdgeFuzzer;
import planbot.testing.EdgeFuzzer.Seed;
import planbot.testing.TestBot;

/**
 * {@code POST /discord/interactions} under thousands of correctly signed but malformed interactions, over real HTTP:
 * none may get a 5xx (Discord removes endpoints that fail), log at ERROR or print a stack trace, and none may change
 * the plan (the seeds are a guest's). The one legitimate write is bookkeeping: the id of a command already handled
 * ({@code inbound_event}), so that a replay has no second effect.
 */
class DiscordEdgeFuzzTest {
    @TempDir
    java.nio.file.Path dir;
    DiscordFixture f;

    @BeforeEach
    void start() throws Exception {
        f = DiscordFixture.start(dir).bindGuild();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void twoThousandSignedMalformedInteractionsGetNo5xxLogNoErrorAndChangeNothing() {
        // GIVEN valid interactions of every kind the edge takes, signed as Discord signs them
        EdgeFuzzer fuzzer = new EdgeFuzzer(f.endpoint(), body -> {
            String ts = Long.toString(f.bot.now().getEpochSecond());
            return Map.of("X-Signature-Ed25519", f.discord.signature(ts, body), "X-Signature-Timestamp", ts);
        }, seeds(), planbot.http.AppServer.MAX_BODY_BYTES, 20261208L);
        // WHEN 2,000 of them, mutated, are sent
        EdgeFuzzer.Report report = fuzzer.run(2_000, Duration.ofSeconds(60), () -> TestDatabases.dump(f.bot.app().database()));
        // THEN every one was answered below 500, nothing was logged at ERROR, no stack trace, no plan table changed
        System.out.println("Discord edge fuzz: " + report.summary());
        assertThat(report.serverErrors()).isEmpty();
        assertThat(report.errorLogs()).isEmpty();
        assertThat(report.stackTraces()).isZero();
        assertThat(report.changes().keySet()).isSubsetOf(java.util.Set.of("inbound_event"));
    }

    private List<Seed> seeds() {
        FakeDiscord d = f.discord;
        long taskId = f.bot.taskRow("EN003/01").id();
        // a reminder really posted, for the clicks to be on (before the fuzz: its rows are not the fuzz's doing)
        String reminder = f.sendReminders("EN003/01");
        FakeDiscord.Channel dm = f.oliviasDm();
        List<Seed> seeds = new ArrayList<>();
        seeds.add(Seed.json("ping", d.ping().toString()));
        seeds.add(Seed.json("/plan status", d.slashCommand(f.guest, f.planChannel, "status", Map.of("ref", "EN003")).toString()));
        seeds.add(Seed.json("/plan update by a guest", d.slashCommand(f.guest, f.planChannel, "update",
                Map.of("ref", "EN003/01", "status", "completed")).toString()));
        seeds.add(Seed.json("autocomplete", d.autocomplete(f.guest, f.planChannel, "status", "ref", "EN0", Map.of()).toString()));
        for (Button.Choice choice : List.of(Button.Choice.DONE, Button.Choice.NEW_DATE)) {
            String id = ComponentIds.encode(new ButtonValue(TestBot.TENANT, taskId, 1, choice));
            seeds.add(Seed.json("click " + choice, d.buttonClick(f.guest, dm, reminder, id).toString()));
        }
        String modal = ComponentIds.encode(new ButtonValue(TestBot.TENANT, taskId, 1, Button.Choice.NEW_DATE));
        for (FakeDiscord.ModalLayout layout : FakeDiscord.ModalLayout.values()) {
            seeds.add(Seed.json("new date " + layout, d.modalSubmit(f.guest, dm, reminder, modal,
                    Map.of("date", "30/06/2023", "reason", "waiting on legal"), layout).toString()));
        }
        return seeds;
    }
}
