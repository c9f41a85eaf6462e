package planbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import planbot.domain.AuditEvent;
import planbot.domain.Role;
import planbot.domain.Status;
import planbot.domain.Task;
import planbot.storage.ChannelPurpose;
import planbot.storage.ChatIdentity;
import planbot.storage.JdbiChannelRepository;
import planbot.storage.OutboxMessage;
import planbot.testing.LogCapture;

/**
 * Not reachable is not dead (DESIGN §8): a reminder for someone with no chat account and no plan channel to fall back
 * on is HELD with its reason, goes out once a link or a channel makes it reachable (if it is still due), and the admin
 * hears of what waits in one summary a day. Real SQLite, the real sweep and routing, the fake platform.
 */
class HeldRemindersTest {
    @TempDir
    Path dir;

    DeliveryFixture f;
    JdbiChannelRepository channels;
    ChatRouting routing;

    /** HoP owns two tasks due today, PM two, and the plan names no owner for a fifth. Nobody is linked, no channel set. */
    void open() {
        open(List.of(DeliveryFixture.task(1, "Draft", DeliveryFixture.DAY, "HoP"),
                DeliveryFixture.task(2, "Consult", DeliveryFixture.DAY, "HoP"),
                DeliveryFixture.task(3, "Publish", DeliveryFixture.DAY, "PM"),
                DeliveryFixture.task(4, "Adopt", DeliveryFixture.DAY, "PM"),
                DeliveryFixture.task(5, "Review", DeliveryFixture.DAY, null)));
    }

    void open(List<Task> tasks) {
        f = DeliveryFixture.open(dir, tasks);
        channels = new JdbiChannelRepository(f.db);
        routing = new ChatRouting(f.stores.people(), channels, List.of(FakeMessenger.PLATFORM));
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    OutboxDispatcher dispatcher() {
        return dispatcher(f.messenger);
    }

    OutboxDispatcher dispatcher(Messenger messenger) {
        return f.dispatcher(DeliveryConfig.defaults(), List.of(messenger), routing);
    }

    /** Links a person to an account on the fake platform without releasing anything (as a bulk import would). */
    void linkOnly(String name) {
        f.stores.people().link(f.tenant, name, new ChatIdentity(FakeMessenger.PLATFORM, "W1", "U-" + name));
    }

    /** Links a person and releases what waits, as {@code /plan people link} does. */
    void link(String name) {
        linkOnly(name);
        f.outbox.releaseHeld(f.tenant, f.clock.instant());
    }

    void passes(OutboxDispatcher d, int n) {
        for (int i = 0; i < n; i++) {
            d.runOnce();
            f.clock.advance(Duration.ofSeconds(2));
        }
    }

    List<OutboxMessage> reminders() {
        List<OutboxMessage> out = new ArrayList<>();
        f.rows().forEach(r -> {
            if (!r.entry().kind().equals(OutboxDispatcher.ADMIN)) {
                out.add(r);
            }
        });
        return out;
    }

    /** How many posted messages carried each outbox key. */
    Map<String, Integer> postedKeys() {
        Map<String, Integer> n = new HashMap<>();
        f.messenger.posted().forEach(c -> c.keys().forEach(k -> n.merge(k, 1, Integer::sum)));
        return n;
    }

    List<FakeMessenger.Call> postedTo(String address) {
        List<FakeMessenger.Call> out = new ArrayList<>();
        f.messenger.posted().forEach(c -> {
            if (c.to().address().equals(address)) {
                out.add(c);
            }
        });
        return out;
    }

    String rowOf(String ref) {
        for (OutboxMessage r : reminders()) {
            if (r.entry().taskId() == f.taskId(ref)) {
                return r.key();
            }
        }
        throw new AssertionError("no reminder about " + ref);
    }

    @Test
    void theFirstSweepWithNobodyLinkedHoldsEveryReminderWithItsReasonKillsNoneAndLogsOneLine() {
        open();
        try (LogCapture log = LogCapture.start()) {
            // GIVEN nobody is linked, no channel is set and no admin can be reached
            assertThat(f.sweep().decided()).hasSize(5);

            // WHEN the dispatcher runs, again and again
            DispatchReport first = dispatcher().runOnce();
            OutboxDispatcher again = dispatcher();
            passes(again, 5);

            // THEN every reminder is HELD with what would release it, not counted as an attempt, and none is dead
            assertThat(first.held()).isEqualTo(5);
            assertThat(first.dead()).isZero();
            assertThat(reminders()).hasSize(5).allSatisfy(r -> {
                assertThat(r.state()).isEqualTo(OutboxMessage.State.HELD);
                assertThat(r.attempts()).isZero();
            });
            assertThat(f.row(rowOf("EN001/01")).lastError()).isEqualTo("HoP has no chat account linked and no plan channel is"
                    + " set: /plan people link \"HoP\" @someone or /plan channel plan #channel");
            assertThat(f.row(rowOf("EN001/05")).lastError())
                    .isEqualTo("the plan names nobody for it and no plan channel is set: /plan channel plan #channel");
            // AND nothing was posted, no admin notice was queued for any row, and nothing was audited as undelivered
            assertThat(f.messenger.calls()).isEmpty();
            assertThat(f.rows(OutboxDispatcher.ADMIN)).isEmpty();
            assertThat(f.audit("EN001/01")).extracting(AuditEvent::change).doesNotContain("reminder undelivered");
            // AND the log says so in one line per process (two dispatchers here), not one per row
            assertThat(log.at("WARN")).hasSize(2).allSatisfy(line -> assertThat(line)
                    .contains("5 messages waiting for set-up").contains("no admin can be reached"));
            assertThat(log.at("WARN").get(0)).contains("HoP 2, PM 2").contains("/plan channel admin #channel");
        }
    }

    @Test
    void aPersonLinkedAfterTheSweepGetsTheirRemindersOnceAsOneMessage() {
        open();
        f.sweep();
        OutboxDispatcher dispatcher = dispatcher();
        dispatcher.runOnce();

        // WHEN HoP is linked, and later PM (each link releases everything that waits)
        link("HoP");
        passes(dispatcher, 5);
        link("PM");
        passes(dispatcher, 5);

        // THEN HoP got their two reminders once, in one message; PM theirs; the unnamed owner's still waits
        assertThat(postedTo("U-HoP")).singleElement().satisfies(c -> assertThat(c.keys())
                .containsExactlyInAnyOrder(rowOf("EN001/01"), rowOf("EN001/02")));
        assertThat(postedTo("U-PM")).singleElement().satisfies(c -> assertThat(c.keys())
                .containsExactlyInAnyOrder(rowOf("EN001/03"), rowOf("EN001/04")));
        assertThat(postedKeys().values()).allMatch(n -> n == 1);
        assertThat(f.row(rowOf("EN001/01")).state()).isEqualTo(OutboxMessage.State.SENT);
        assertThat(f.row(rowOf("EN001/05")).state()).isEqualTo(OutboxMessage.State.HELD);
        assertThat(f.audit("EN001/01")).extracting(AuditEvent::change).containsExactly("reminder sent");
    }

    @Test
    void remindersHeldOverSeveralDaysGoOutAsTheLatestOfEachTaskTheOlderSkippedWithTheReason() {
        open();
        // GIVEN HoP's reminders held on Monday (due today) and again on Tuesday (now overdue)
        f.sweep();
        OutboxDispatcher dispatcher = dispatcher();
        dispatcher.runOnce();
        f.clock.set(DeliveryFixture.at(DeliveryFixture.DAY.plusDays(1), 9, 0));
        f.sweep();
        dispatcher.runOnce();
        List<OutboxMessage> draft = new ArrayList<>();
        reminders().forEach(r -> {
            if (r.entry().taskId() == f.taskId("EN001/01")) {
                draft.add(r);
            }
        });
        assertThat(draft).extracting(OutboxMessage::state).containsOnly(OutboxMessage.State.HELD);
        assertThat(draft).extracting(r -> r.entry().kind()).containsExactly("DUE_TODAY", "OVERDUE");

        // WHEN HoP is linked
        link("HoP");
        passes(dispatcher, 5);

        // THEN HoP gets one message with Tuesday's reminder of each task; Monday's are skipped, saying why, and audited
        assertThat(postedTo("U-HoP")).singleElement().satisfies(c -> assertThat(c.keys())
                .containsExactlyInAnyOrder(draft.get(1).key(), overdueKeyOf("EN001/02")));
        OutboxMessage monday = f.row(draft.get(0).key());
        assertThat(monday.state()).isEqualTo(OutboxMessage.State.SKIPPED);
        assertThat(monday.lastError()).isEqualTo("EN001/01 has a later reminder going out now (OVERDUE of 16/05/2023)");
        assertThat(f.audit("EN001/01")).extracting(AuditEvent::change).contains("reminder skipped", "reminder sent");
    }

    String overdueKeyOf(String ref) {
        for (OutboxMessage r : reminders()) {
            if (r.entry().taskId() == f.taskId(ref) && r.entry().kind().equals("OVERDUE")) {
                return r.key();
            }
        }
        throw new AssertionError("no overdue reminder about " + ref);
    }

    @Test
    void aTaskCompletedWhileItsReminderWaitedIsSkippedWithItsReasonNotSent() {
        open();
        f.sweep();
        OutboxDispatcher dispatcher = dispatcher();
        dispatcher.runOnce();
        // GIVEN EN001/01 is completed while its reminder is held
        long id = f.taskId("EN001/01");
        Task now = f.stores.tasks().get(f.tenant, id).orElseThrow().task();
        f.stores.tasks().update(f.tenant, id, now.withStatus(Status.of("Completed")), f.clock.instant());

        // WHEN HoP is linked
        link("HoP");
        passes(dispatcher, 3);

        // THEN the completed task's reminder is SKIPPED with the planner's reason, and only the other one went
        OutboxMessage stale = f.row(rowOf("EN001/01"));
        assertThat(stale.state()).isEqualTo(OutboxMessage.State.SKIPPED);
        assertThat(stale.lastError()).isEqualTo("EN001/01 was marked \"Completed\" before it was sent");
        assertThat(postedTo("U-HoP")).singleElement().satisfies(c -> assertThat(c.keys()).containsExactly(rowOf("EN001/02")));
        assertThat(f.audit("EN001/01")).extracting(AuditEvent::change).contains("reminder skipped");
    }

    @Test
    void aPlanChannelSetReleasesEveryoneElsesRemindersIntoItAsOneMessage() {
        open();
        f.sweep();
        OutboxDispatcher dispatcher = dispatcher();
        dispatcher.runOnce();

        // WHEN a plan channel is set, as /plan channel plan does (setting it releases what waits)
        channels.set(f.tenant, FakeMessenger.PLATFORM, ChannelPurpose.PLAN, "CPLAN", f.clock.instant());
        f.outbox.releaseHeld(f.tenant, f.clock.instant());
        passes(dispatcher, 5);

        // THEN all five went out, once, as one message naming whose they are
        assertThat(reminders()).allSatisfy(r -> assertThat(r.state()).isEqualTo(OutboxMessage.State.SENT));
        assertThat(postedTo("CPLAN")).singleElement().satisfies(c -> {
            assertThat(c.keys()).hasSize(5);
            assertThat(c.notice().heading()).isEqualTo(
                    "5 tasks need attention today, for HoP (2), PM (2), owners not named in the plan (1)");
        });
        assertThat(f.messenger.posted()).hasSize(1);
    }

    @Test
    void theAdminGetsOneSummaryADayByDmWhereThereIsNoAdminChannelListingWhatWaitsAndTheFix() {
        open();
        // GIVEN Liam Lead is an admin linked on the platform, and no admin or manager channel is set
        f.stores.people().setRole(f.tenant, "Liam Lead", Role.ADMIN);
        linkOnly("Liam Lead");
        f.sweep();

        // WHEN the dispatcher runs through the day
        OutboxDispatcher dispatcher = dispatcher();
        for (int hour = 0; hour < 8; hour++) {
            passes(dispatcher, 3);
            f.clock.advance(Duration.ofHours(1));
        }

        // THEN Liam got one summary, by DM, counting what waits by what fixes it
        List<FakeMessenger.Call> toLiam = postedTo("U-Liam Lead");
        assertThat(toLiam).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(OutboxDispatcher.HELD_KEY + f.tenant.id() + ":" + DeliveryFixture.DAY + ":Liam Lead");
            HeldSummary summary = (HeldSummary) c.notice();
            assertThat(summary.heading()).isEqualTo("For the admin: 5 messages waiting for set-up");
            assertThat(summary.text()).isEqualTo("4 reminders for 2 people with no chat account linked (HoP 2, PM 2):"
                    + " link each with /plan people link \"NAME\" @someone (/plan people unlinked lists them), or set a plan"
                    + " channel to post them there meanwhile: /plan channel plan #channel\n"
                    + "1 reminder for tasks whose plan names no owner: /plan channel plan #channel\n"
                    + "Each goes out as soon as its fix is made, if it is still due then.");
        });
        assertThat(f.messenger.posted()).hasSize(1);

        // AND the next morning, with the reminders still waiting, one more (an admin channel now set: it goes there)
        channels.set(f.tenant, FakeMessenger.PLATFORM, ChannelPurpose.ADMIN, "CADMIN", f.clock.instant());
        f.clock.set(DeliveryFixture.at(DeliveryFixture.DAY.plusDays(1), 9, 0));
        passes(dispatcher, 3);
        assertThat(postedTo("CADMIN")).singleElement().satisfies(c -> assertThat(c.key())
                .isEqualTo(OutboxDispatcher.HELD_KEY + f.tenant.id() + ":" + DeliveryFixture.DAY.plusDays(1)));
        assertThat(postedTo("U-Liam Lead")).hasSize(1);
    }

    @Test
    void aSummaryWhoseRowsWereReleasedBeforeItsTurnIsSkipped() {
        open();
        channels.set(f.tenant, FakeMessenger.PLATFORM, ChannelPurpose.ADMIN, "CADMIN", f.clock.instant());
        f.sweep();
        OutboxDispatcher dispatcher = dispatcher();
        dispatcher.runOnce(); // holds the five and enqueues the day's summary
        // WHEN a plan channel releases them before the summary is sent
        channels.set(f.tenant, FakeMessenger.PLATFORM, ChannelPurpose.PLAN, "CPLAN", f.clock.instant());
        f.outbox.releaseHeld(f.tenant, f.clock.instant());
        passes(dispatcher, 3);
        // THEN the reminders went, and the summary did not: nothing waits any more
        assertThat(postedTo("CADMIN")).isEmpty();
        assertThat(f.rows(OutboxDispatcher.ADMIN)).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(OutboxMessage.State.SKIPPED));
    }

    /** Thrown by a messenger to stop a dispatcher between a send and its record, as a kill would. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aCrashWhileReleasedRowsGoOutLosesNoneAndRepeatsAtMostOneMessage() {
        open();
        f.sweep();
        dispatcher().runOnce();
        // GIVEN everyone becomes reachable (HoP and PM linked, a plan channel for the unnamed owner's task)
        linkOnly("HoP");
        linkOnly("PM");
        channels.set(f.tenant, FakeMessenger.PLATFORM, ChannelPurpose.PLAN, "CPLAN", f.clock.instant());
        f.outbox.releaseHeld(f.tenant, f.clock.instant());
        // AND a process that dies right after its second message went out, before recording it
        Messenger dying = new Messenger() {
            int sends;

            @Override
            public String platform() {
                return FakeMessenger.PLATFORM;
            }

            @Override
            public SendResult send(Notice notice, Recipient to) {
                SendResult result = f.messenger.send(notice, to);
                if (++sends == 2) {
                    throw new Crash();
                }
                return result;
            }
        };
        assertThatThrownBy(() -> dispatcher(dying).runOnce()).isInstanceOf(Crash.class);

        // WHEN a new process runs once the dead one's claims have lapsed
        f.clock.advance(DeliveryConfig.defaults().lease().plusSeconds(1));
        passes(dispatcher(), 5);

        // THEN every reminder was delivered, and exactly one message (the one in flight) went twice
        assertThat(reminders()).allSatisfy(r -> assertThat(r.state()).isEqualTo(OutboxMessage.State.SENT));
        assertThat(postedKeys().keySet()).containsAll(reminders().stream().map(OutboxMessage::key).toList());
        assertThat(f.messenger.posted()).hasSize(3 + 1);
    }

    @Test
    void aFirstStartWithTwoHundredOwnersUnlinkedLosesNoneAndTwoNodesReleasingAtOnceSendEachOnce() throws Exception {
        // GIVEN 200 owners with a reminder each, nobody linked, no plan channel, and an admin channel set
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            tasks.add(DeliveryFixture.task(i, "Task " + i, DeliveryFixture.DAY, "Owner " + i));
        }
        open(tasks);
        channels.set(f.tenant, FakeMessenger.PLATFORM, ChannelPurpose.ADMIN, "CADMIN", f.clock.instant());
        assertThat(f.sweep().decided()).hasSize(200);
        f.eachRowItsOwnMoment(); // so that two nodes share the work in batches

        // WHEN the first start's dispatcher works through the outbox
        int held = 0;
        int dead = 0;
        try (LogCapture log = LogCapture.start()) {
            OutboxDispatcher first = dispatcher();
            for (DispatchReport r = first.runOnce(); r.claimed() > 0; r = first.runOnce()) {
                held += r.held();
                dead += r.dead();
            }
            // THEN all 200 wait, none is dead, nothing was logged per row, and the admin got one summary
            assertThat(held).isEqualTo(200);
            assertThat(dead).isZero();
            assertThat(log.at("WARN")).isEmpty();
            assertThat(log.at("ERROR")).isEmpty();
        }
        assertThat(reminders()).allSatisfy(r -> assertThat(r.state()).isEqualTo(OutboxMessage.State.HELD));
        assertThat(f.messenger.posted()).singleElement().satisfies(c -> {
            assertThat(c.to().address()).isEqualTo("CADMIN");
            assertThat(c.notice().heading()).isEqualTo("For the admin: 200 messages waiting for set-up");
            assertThat(c.notice().text()).contains("200 reminders for 200 people with no chat account linked", "and 190 more");
        });

        // WHEN everyone is linked at once (as a bulk import does) and two nodes release and deliver at the same moment
        for (int i = 1; i <= 200; i++) {
            linkOnly("Owner " + i);
        }
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            OutboxDispatcher node = f.dispatcher(DeliveryConfig.defaults().withBatchSize(5), List.of(f.messenger), routing);
            sent.add(nodes.submit(() -> {
                start.await();
                f.outbox.releaseHeld(f.tenant, f.clock.instant());
                int mine = 0;
                for (DispatchReport r = node.runOnce(); r.claimed() > 0; r = node.runOnce()) {
                    mine += r.sent();
                }
                return mine;
            }));
        }
        int total = sent.get(0).get(120, TimeUnit.SECONDS) + sent.get(1).get(120, TimeUnit.SECONDS);
        nodes.shutdown();

        // THEN each reminder was posted exactly once, and the admin heard nothing more
        assertThat(total).isEqualTo(200);
        assertThat(postedKeys()).hasSize(201).allSatisfy((key, n) -> assertThat(n).isEqualTo(1));
        assertThat(reminders()).allSatisfy(r -> assertThat(r.state()).isEqualTo(OutboxMessage.State.SENT));
        assertThat(postedTo("CADMIN")).hasSize(1);
    }
}
