package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestPlans;
import planbot.tracker.ImportMode;

/** What every {@link OutboxRepository} must do; one subclass per database vendor. */
abstract class OutboxRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");

    private Tenant tenant;
    private Tenant other;
    private long taskId;
    private OutboxRepository outbox;

    OutboxRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    @BeforeEach
    void twoTenants() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        stores.importer().importPlan("welwyn", TestPlans.read(TestPlans.review("Review")), ImportMode.APPLY, "test", clock);
        stores.importer().importPlan("stevenage", TestPlans.read(TestPlans.review("Review")), ImportMode.APPLY, "test", clock);
        tenant = stores.tenants().find("welwyn").orElseThrow();
        other = stores.tenants().find("stevenage").orElseThrow();
        taskId = stores.tasks().findTasksByKey(tenant, "EN3/2").get(0).task().id();
        outbox = new JdbiOutboxRepository(db);
    }

    private OutboxEntry entry(Tenant t, String key) {
        return new OutboxEntry(t.id(), key, "OVERDUE", t == tenant ? taskId : null, "OWNER", "PM", "{\"taskRef\":\"EN003/02\"}");
    }

    @Test
    void pendingCountsNewAndSendingRowsOfEveryTenantAndNamesTheOldest_notSentDeadOrHeldOnes() {
        assertThat(outbox.pending()).isEqualTo(new OutboxRepository.Pending(0, null));
        // GIVEN rows of two tenants, decided a minute apart, one of them sent and one held
        outbox.enqueue(List.of(entry(tenant, "p1"), entry(other, "p2")), NOW);
        outbox.enqueue(List.of(entry(tenant, "p3"), entry(tenant, "p4")), NOW.plusSeconds(60));
        List<OutboxMessage> claimed = outbox.claim(10, NOW.plusSeconds(120), java.time.Duration.ofMinutes(5));
        OutboxMessage first = claimed.stream().filter(m -> m.key().equals("p1")).findFirst().orElseThrow();
        outbox.markSent(first.id(), "ts-1", NOW.plusSeconds(121));
        outbox.markHeld(claimed.stream().filter(m -> m.key().equals("p4")).findFirst().orElseThrow().id(), "nobody linked");
        // THEN the two still waiting (one claimed, SENDING) are pending, the oldest decided at NOW
        assertThat(outbox.pending()).isEqualTo(new OutboxRepository.Pending(2, NOW));
    }

    @Test
    void enqueueingAKeyTwiceStoresOneRowAndSaysWhichWereNew() {
        // GIVEN one entry enqueued
        assertThat(outbox.enqueue(List.of(entry(tenant, "rem:1:2:OVERDUE:2024-05-01")), NOW))
                .containsExactly("rem:1:2:OVERDUE:2024-05-01");
        // WHEN the same key comes again with a new one (a second sweep, a second node)
        List<String> added = outbox.enqueue(List.of(entry(tenant, "rem:1:2:OVERDUE:2024-05-01"),
                entry(tenant, "rem:1:2:OVERDUE:2024-05-08")), NOW.plusSeconds(60));
        // THEN only the new one is stored and reported
        assertThat(added).containsExactly("rem:1:2:OVERDUE:2024-05-08");
        assertThat(outbox.keys(tenant)).containsExactlyInAnyOrder("rem:1:2:OVERDUE:2024-05-01", "rem:1:2:OVERDUE:2024-05-08");
        OutboxMessage m = outbox.find("rem:1:2:OVERDUE:2024-05-01").orElseThrow();
        assertThat(m.state()).isEqualTo(OutboxMessage.State.NEW);
        assertThat(m.createdAt()).isEqualTo(NOW);
        assertThat(m.entry()).isEqualTo(entry(tenant, "rem:1:2:OVERDUE:2024-05-01"));
    }

    @Test
    void aDuplicateInsideOneBatchIsStoredOnce() {
        List<String> added = outbox.enqueue(List.of(entry(tenant, "k1"), entry(tenant, "k1"), entry(other, "k2")), NOW);
        assertThat(added).containsExactlyInAnyOrder("k1", "k2");
        assertThat(outbox.keys(tenant)).containsExactly("k1");
        assertThat(outbox.keys(other)).containsExactly("k2");
    }

    @Test
    void existingKeysFindsStoredKeysInBulk() {
        List<OutboxEntry> many = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            if (i % 2 == 0) {
                many.add(entry(tenant, "k" + i));
            }
            asked.add("k" + i);
        }
        outbox.enqueue(many, NOW);
        assertThat(outbox.existingKeys(asked)).hasSize(600).contains("k0", "k1198").doesNotContain("k1");
        assertThat(outbox.existingKeys(List.of())).isEmpty();
    }

    @Test
    void claimedRowsAreNotClaimedAgainUntilTheirLeaseLapses() {
        outbox.enqueue(List.of(entry(tenant, "a"), entry(tenant, "b"), entry(tenant, "c")), NOW);
        List<OutboxMessage> first = outbox.claim(2, NOW, Duration.ofMinutes(5));
        assertThat(first).extracting(OutboxMessage::key).containsExactly("a", "b");
        assertThat(first).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(OutboxMessage.State.SENDING);
            assertThat(m.attempts()).isEqualTo(1);
        });
        assertThat(outbox.claim(10, NOW, Duration.ofMinutes(5))).extracting(OutboxMessage::key).containsExactly("c");
        assertThat(outbox.claim(10, NOW.plusSeconds(60), Duration.ofMinutes(5))).isEmpty();
        // the dispatcher that claimed a and b died: after the lease they are claimed again
        assertThat(outbox.claim(10, NOW.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)))
                .extracting(OutboxMessage::key).containsExactly("a", "b", "c");
    }

    @Test
    void sentRowsAreDoneFailedRowsComeBackLaterAndDeadRowsKeepTheirReason() {
        outbox.enqueue(List.of(entry(tenant, "sent"), entry(tenant, "retry"), entry(tenant, "dead")), NOW);
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        for (OutboxMessage m : outbox.claim(3, NOW, Duration.ofMinutes(5))) {
            ids.put(m.key(), m.id());
        }
        outbox.markSent(ids.get("sent"), "C123/1714550400.000100", NOW.plusSeconds(1));
        outbox.markFailed(ids.get("retry"), "429 rate limited", NOW.plus(Duration.ofMinutes(2)));
        outbox.markFailed(ids.get("dead"), "channel_not_found", null);

        OutboxMessage sent = outbox.find("sent").orElseThrow();
        assertThat(sent.state()).isEqualTo(OutboxMessage.State.SENT);
        assertThat(sent.platformMessageId()).isEqualTo("C123/1714550400.000100");
        assertThat(sent.sentAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(outbox.find("dead").orElseThrow().lastError()).isEqualTo("channel_not_found");
        assertThat(outbox.find("dead").orElseThrow().state()).isEqualTo(OutboxMessage.State.DEAD);

        assertThat(outbox.claim(10, NOW.plusSeconds(60), Duration.ofMinutes(5))).isEmpty();
        List<OutboxMessage> again = outbox.claim(10, NOW.plus(Duration.ofMinutes(2)), Duration.ofMinutes(5));
        assertThat(again).extracting(OutboxMessage::key).containsExactly("retry");
        assertThat(again.get(0).attempts()).isEqualTo(2);
        assertThat(again.get(0).lastError()).isEqualTo("429 rate limited");
    }

    @Test
    void aReleasedRowIsDueAgainAtItsTimeWithoutCountingTheAttempt() {
        // GIVEN a claimed row
        outbox.enqueue(List.of(entry(tenant, "paced")), NOW);
        long id = outbox.claim(1, NOW, Duration.ofMinutes(5)).get(0).id();
        // WHEN the dispatcher hands it back for later (its channel's pace)
        assertThat(outbox.release(id, NOW.plusSeconds(3))).isTrue();
        // THEN it is NEW, not due before then, and its attempts are as before the claim
        OutboxMessage back = outbox.find("paced").orElseThrow();
        assertThat(back.state()).isEqualTo(OutboxMessage.State.NEW);
        assertThat(back.attempts()).isZero();
        assertThat(outbox.claim(1, NOW.plusSeconds(2), Duration.ofMinutes(5))).isEmpty();
        assertThat(outbox.claim(1, NOW.plusSeconds(3), Duration.ofMinutes(5))).extracting(OutboxMessage::attempts)
                .containsExactly(1);
    }

    @Test
    void aSkippedRowKeepsItsReasonAndIsNeverClaimedAgain() {
        // GIVEN a claimed row
        outbox.enqueue(List.of(entry(tenant, "stale")), NOW);
        long id = outbox.claim(1, NOW, Duration.ofMinutes(1)).get(0).id();
        // WHEN the dispatcher finds it no longer applies
        assertThat(outbox.markSkipped(id, "EN003/02 was completed before it was sent")).isTrue();
        // THEN it is SKIPPED with the reason, not claimed even after the claim would have lapsed, and final
        OutboxMessage skipped = outbox.find("stale").orElseThrow();
        assertThat(skipped.state()).isEqualTo(OutboxMessage.State.SKIPPED);
        assertThat(skipped.lastError()).isEqualTo("EN003/02 was completed before it was sent");
        assertThat(outbox.claim(10, NOW.plus(Duration.ofDays(1)), Duration.ofMinutes(1))).isEmpty();
        assertThat(outbox.markSkipped(id, "again")).isFalse();
        assertThat(outbox.markFailed(id, "late", NOW)).isFalse();
        assertThat(outbox.release(id, NOW)).isFalse();
        assertThat(outbox.find("stale").orElseThrow().state()).isEqualTo(OutboxMessage.State.SKIPPED);
    }

    @Test
    void aLateFailureOrReleaseDoesNotBringBackARowThatWasSentSince() {
        // GIVEN a row claimed, its claim lapsed, claimed again and sent by another dispatcher
        outbox.enqueue(List.of(entry(tenant, "raced")), NOW);
        long id = outbox.claim(1, NOW, Duration.ofMinutes(1)).get(0).id();
        outbox.claim(1, NOW.plus(Duration.ofMinutes(2)), Duration.ofMinutes(1));
        outbox.markSent(id, "C1/2", NOW.plus(Duration.ofMinutes(2)));
        // WHEN the first dispatcher's send finally fails, or it hands the row back
        // THEN nothing changes: the row stays sent
        assertThat(outbox.markFailed(id, "timeout", NOW.plus(Duration.ofMinutes(3)))).isFalse();
        assertThat(outbox.markFailed(id, "timeout", null)).isFalse();
        assertThat(outbox.release(id, NOW)).isFalse();
        assertThat(outbox.find("raced").orElseThrow().state()).isEqualTo(OutboxMessage.State.SENT);
    }

    @Test
    void aRowIsFoundByThePlatformMessageIdItWasSentAs() {
        // GIVEN two rows sent, one of them sent twice (a crash between the send and the record of it)
        outbox.enqueue(List.of(entry(tenant, "first"), entry(tenant, "second")), NOW);
        List<OutboxMessage> claimed = outbox.claim(2, NOW, Duration.ofMinutes(5));
        outbox.markSent(claimed.get(0).id(), "slack:C1:1714550400.000100", NOW.plusSeconds(1));
        outbox.markSent(claimed.get(1).id(), "slack:C1:1714550400.000200", NOW.plusSeconds(2));
        // THEN each id finds its row, and an unknown id finds nothing
        assertThat(outbox.findByPlatformMessageId("slack:C1:1714550400.000100")).map(OutboxMessage::key).contains("first");
        assertThat(outbox.findByPlatformMessageId("slack:C1:1714550400.000200")).map(OutboxMessage::key).contains("second");
        assertThat(outbox.findByPlatformMessageId("slack:C1:1714550400.000300")).isEmpty();
    }

    @Test
    void claimingWithTheirMomentTakesEveryDueRowOfAClaimedRowsTenantAndMomentPastTheLimit() {
        // GIVEN one sweep's three rows of a tenant, a later sweep's row of it, and the other tenant's row of the moment
        outbox.enqueue(List.of(entry(tenant, "a"), entry(tenant, "b"), entry(tenant, "c")), NOW);
        outbox.enqueue(List.of(entry(tenant, "later")), NOW.plusSeconds(1));
        outbox.enqueue(List.of(entry(other, "theirs")), NOW.plusSeconds(2));
        // WHEN a dispatcher claims one row with its moment
        List<OutboxMessage> claimed = outbox.claimWithTheirMoment(1, NOW.plusSeconds(5), Duration.ofMinutes(5));
        // THEN it gets the whole of that sweep's rows, and nothing of another sweep or tenant
        assertThat(claimed).extracting(OutboxMessage::key).containsExactly("a", "b", "c");
        assertThat(claimed).allSatisfy(m -> assertThat(m.state()).isEqualTo(OutboxMessage.State.SENDING));
        assertThat(outbox.claimWithTheirMoment(10, NOW.plusSeconds(5), Duration.ofMinutes(5))).extracting(OutboxMessage::key)
                .containsExactly("later", "theirs");
    }

    @Test
    void everyRowOfAMessageIsFoundByItsPlatformMessageId() {
        // GIVEN three rows, two of them sent as one message
        outbox.enqueue(List.of(entry(tenant, "one"), entry(tenant, "two"), entry(tenant, "zalone")), NOW);
        List<OutboxMessage> claimed = outbox.claim(3, NOW, Duration.ofMinutes(5));
        outbox.markSent(claimed.get(0).id(), "slack:C1:1.1", NOW);
        outbox.markSent(claimed.get(1).id(), "slack:C1:1.1", NOW);
        outbox.markSent(claimed.get(2).id(), "slack:C1:2.2", NOW);
        // THEN the message's id finds both, oldest first; another id its own; an unknown none
        assertThat(outbox.findAllByPlatformMessageId("slack:C1:1.1")).extracting(OutboxMessage::key).containsExactly("one", "two");
        assertThat(outbox.findAllByPlatformMessageId("slack:C1:2.2")).extracting(OutboxMessage::key).containsExactly("zalone");
        assertThat(outbox.findAllByPlatformMessageId("slack:C1:3.3")).isEmpty();
    }

    @Test
    void givenMessagesSentToTwoConversations_whenAskedByOnesPrefixSinceAMoment_thenOnlyItsLaterOnesComeNewestFirst() {
        // GIVEN rows sent to conversation a:1_x (ids hold '_', a LIKE wildcard) at two moments, and one to a:1Yx
        outbox.enqueue(List.of(entry(tenant, "old"), entry(tenant, "new"), entry(tenant, "newer"), entry(tenant, "elsewhere")), NOW);
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        outbox.claim(10, NOW, Duration.ofMinutes(5)).forEach(m -> ids.put(m.key(), m.id()));
        outbox.markSent(ids.get("old"), "a:1_x|act1", NOW);
        outbox.markSent(ids.get("new"), "a:1_x|act2", NOW.plusSeconds(60));
        outbox.markSent(ids.get("newer"), "a:1_x|act3", NOW.plusSeconds(120));
        outbox.markSent(ids.get("elsewhere"), "a:1Yx|act4", NOW.plusSeconds(120));
        // WHEN asked for what went to a:1_x from the second moment on
        // THEN the two later rows, newest first; nothing of the other conversation
        assertThat(outbox.findSentWithMessageIdPrefix("a:1_x|", NOW.plusSeconds(60)))
                .extracting(OutboxMessage::key).containsExactly("newer", "new");
    }

    @Test
    void enqueueJoinsTheCallersTransaction() {
        try {
            db.transaction(() -> {
                outbox.enqueue(List.of(entry(tenant, "rolled-back")), NOW);
                throw new IllegalStateException("the decision failed after its rows were written");
            });
        } catch (IllegalStateException expected) {
            // the rows must go with it
        }
        assertThat(outbox.find("rolled-back")).isEmpty();
    }

    @Test
    void aHeldRowWaitsWithItsReasonCountingNoAttemptUntilItsTenantIsReleased() {
        // GIVEN three of welwyn's rows and one of stevenage's, claimed; two of welwyn's and stevenage's held
        outbox.enqueue(List.of(entry(tenant, "h1"), entry(tenant, "h2"), entry(tenant, "sent"), entry(other, "theirs")), NOW);
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        outbox.claim(10, NOW, Duration.ofMinutes(5)).forEach(m -> ids.put(m.key(), m.id()));
        String why = "PM has no chat account linked and no plan channel is set";
        assertThat(outbox.markHeld(ids.get("h1"), why)).isTrue();
        assertThat(outbox.markHeld(ids.get("h2"), why)).isTrue();
        assertThat(outbox.markHeld(ids.get("theirs"), why)).isTrue();
        outbox.markSent(ids.get("sent"), "C1/1", NOW);
        // THEN they are HELD with the reason, their claim not counted, and never claimed, however late
        OutboxMessage held = outbox.find("h1").orElseThrow();
        assertThat(held.state()).isEqualTo(OutboxMessage.State.HELD);
        assertThat(held.lastError()).isEqualTo(why);
        assertThat(held.attempts()).isZero();
        assertThat(outbox.claim(10, NOW.plus(Duration.ofDays(1)), Duration.ofMinutes(5))).isEmpty();
        assertThat(outbox.markHeld(ids.get("sent"), why)).isFalse();
        assertThat(outbox.markHeld(ids.get("h1"), why)).isFalse();
        // AND they are counted per recipient and reason, per tenant
        assertThat(outbox.held(tenant)).containsExactly(new OutboxRepository.HeldCount("OWNER", "PM", why, 2));
        assertThat(outbox.tenantsWithHeld()).containsExactlyInAnyOrder(tenant.id(), other.id());

        // WHEN welwyn's are released
        Instant later = NOW.plus(Duration.ofHours(2));
        assertThat(outbox.releaseHeld(tenant, later)).isEqualTo(2);

        // THEN they are NEW and due since they were decided (a node whose clock is behind the releasing one's finds them
        // due too), stevenage's still wait, and a second release finds nothing
        assertThat(outbox.find("h2").orElseThrow().state()).isEqualTo(OutboxMessage.State.NEW);
        assertThat(outbox.find("h2").orElseThrow().nextAttemptAt()).isEqualTo(NOW);
        assertThat(outbox.releaseHeld(tenant, later)).isZero();
        assertThat(outbox.held(tenant)).isEmpty();
        assertThat(outbox.tenantsWithHeld()).containsExactly(other.id());
        assertThat(outbox.claim(10, later, Duration.ofMinutes(5))).extracting(OutboxMessage::key).containsExactly("h1", "h2")
                .hasSize(2);
        assertThat(outbox.find("h1").orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void aReleaseJoinsTheCallersTransaction() {
        outbox.enqueue(List.of(entry(tenant, "waits")), NOW);
        outbox.markHeld(outbox.claim(1, NOW, Duration.ofMinutes(5)).get(0).id(), "no account");
        try {
            db.transaction(() -> {
                outbox.releaseHeld(tenant, NOW);
                throw new IllegalStateException("the link failed after the release");
            });
        } catch (IllegalStateException expected) {
            // the release must go with it
        }
        assertThat(outbox.find("waits").orElseThrow().state()).isEqualTo(OutboxMessage.State.HELD);
    }

    @Test
    void twoNodesReleasingAndClaimingAtOnceClaimEachRowOnce() throws Exception {
        // GIVEN sixty held rows
        List<OutboxEntry> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(entry(tenant, "held-" + i));
        }
        outbox.enqueue(many, NOW);
        for (OutboxMessage m : outbox.claim(100, NOW, Duration.ofMinutes(5))) {
            outbox.markHeld(m.id(), "no account");
        }
        // WHEN two nodes each release them and claim in small batches, at the same moment
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<List<String>>> claimed = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            claimed.add(nodes.submit(() -> {
                start.await();
                List<String> mine = new ArrayList<>();
                outbox.releaseHeld(tenant, NOW);
                for (List<OutboxMessage> batch = outbox.claim(4, NOW, Duration.ofMinutes(5)); !batch.isEmpty();
                     batch = outbox.claim(4, NOW, Duration.ofMinutes(5))) {
                    batch.forEach(m -> mine.add(m.key()));
                }
                return mine;
            }));
        }
        List<String> all = new ArrayList<>(claimed.get(0).get(60, java.util.concurrent.TimeUnit.SECONDS));
        all.addAll(claimed.get(1).get(60, java.util.concurrent.TimeUnit.SECONDS));
        nodes.shutdown();
        // THEN every row was claimed, by one node only
        assertThat(all).hasSize(60).doesNotHaveDuplicates();
    }
}
