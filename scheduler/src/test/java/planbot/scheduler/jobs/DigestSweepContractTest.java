package planbot.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static planbot.scheduler.jobs.Wiring.london;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.domain.UserFixableException;
import planbot.scheduler.digest.DigestSweep;
import planbot.scheduler.digest.DigestSweepResult;
import planbot.storage.Database;
import planbot.storage.DigestSubscription;
import planbot.storage.OutboxEntry;
import planbot.storage.OutboxMessage;
import planbot.storage.SubscriptionSpec;
import planbot.storage.Tenant;
import planbot.storage.testing.DatabaseTestBase;

/**
 * The digest sweep on each database vendor: one outbox row per channel per ISO week whatever the number of
 * sweeps, a payload a renderer can rebuild the digest from, a period that runs from the last digest, and one
 * bad subscription not holding up the others.
 */
abstract class DigestSweepContractTest extends DatabaseTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant IMPORTED = london("2023-04-03T10:00");

    private MovingClock clock;
    private Wiring w;
    private Tenant tenant;

    DigestSweepContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    @BeforeEach
    void aTenantWithAPlan() {
        clock = new MovingClock(IMPORTED);
        w = new Wiring(db, clock);
        w.importPlan("council", Wiring.dueAround("Review", "EN", LocalDate.of(2023, 5, 15)), IMPORTED);
        tenant = w.stores.tenants().find("council").orElseThrow();
    }

    @Test
    void aSubscriptionGetsOneRowPerWeekHoweverOftenItIsSwept() {
        // GIVEN a Monday 09:00 subscription
        DigestSubscription s = w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", null, null), IMPORTED);

        // WHEN the sweep runs first on Monday 8 May at 08:00 (last week's slot has passed: caught up at once)
        assertThat(w.digests.sweep(london("2023-05-08T08:00")).sent()).hasSize(1);
        // … then every 15 minutes to Monday 15 May 10:00
        int sent = 0;
        for (Instant at = london("2023-05-08T08:15"); !at.isAfter(london("2023-05-15T10:00")); at = at.plusSeconds(900)) {
            for (DigestSweepResult.Sent d : w.digests.sweep(at).sent()) {
                sent++;
                // THEN each digest is decided at its slot, Monday 09:00 London
                assertThat(at).isEqualTo(d.slot().toInstant());
            }
        }

        // THEN W18 (the catch-up), W19 and W20, one row each
        assertThat(sent).isEqualTo(2);
        assertThat(w.digestKeys()).containsExactly("dig:council:slack:C1:2023-W18", "dig:council:slack:C1:2023-W19",
                "dig:council:slack:C1:2023-W20");
        assertThat(w.subscriptions.list(tenant).get(0).lastDigestAt()).isEqualTo(london("2023-05-15T09:00"));
        assertThat(s.lastDigestAt()).isNull();
    }

    @Test
    void theRowSaysWhereAndWhatAndThePeriodRunsFromTheLastDigest() throws Exception {
        // GIVEN a subscription to one section of one plan, swept on two Mondays
        w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", "review", "section en"), IMPORTED);
        w.digests.sweep(london("2023-05-08T09:00"));
        DigestSweepResult second = w.digests.sweep(london("2023-05-15T09:00"));

        // THEN the second row is a DIGEST for the channel, about no one task
        OutboxMessage m = w.outbox.find("dig:council:slack:C1:2023-W20").orElseThrow();
        OutboxEntry e = m.entry();
        assertThat(e.tenantId()).isEqualTo(tenant.id());
        assertThat(e.kind()).isEqualTo(DigestSweep.KIND);
        assertThat(e.recipientKind()).isEqualTo(DigestSweep.RECIPIENT);
        assertThat(e.recipientName()).isEqualTo("slack:C1");
        assertThat(e.taskId()).isNull();
        // … whose payload carries the scope, zone and period to rebuild it, and what it found
        JsonNode p = JSON.readTree(e.payload());
        assertThat(p.get("type").asText()).isEqualTo("digest");
        assertThat(p.get("tenant").asText()).isEqualTo("council");
        assertThat(p.get("channel").asText()).isEqualTo("slack:C1");
        assertThat(p.get("plan").asText()).isEqualTo("review");
        assertThat(p.get("section").asText()).isEqualTo("section en");
        assertThat(p.get("zone").asText()).isEqualTo("Europe/London");
        assertThat(p.get("isoWeek").asText()).isEqualTo("2023-W20");
        assertThat(p.get("slot").asText()).isEqualTo("2023-05-15T08:00:00Z");
        assertThat(p.get("at").asText()).isEqualTo("2023-05-15T08:00:00Z");
        assertThat(p.get("since").asText()).isEqualTo("2023-05-08T08:00:00Z"); // the last digest, not "a week ago"
        assertThat(p.get("totals").get("tasks").asInt()).isEqualTo(4);
        assertThat(p.get("totals").get("blue").asInt()).isEqualTo(1);
        assertThat(p.get("dueSoon").asInt()).isEqualTo(2); // EN001/01 today, EN001/03 in 9 days
        assertThat(p.get("overdue").asInt()).isEqualTo(1); // EN001/02, due the Friday before
        assertThat(p.get("quiet").asBoolean()).isFalse();
        assertThat(second.sent()).singleElement().satisfies(s -> {
            assertThat(s.digest().period().from().toInstant()).isEqualTo(london("2023-05-08T09:00"));
            assertThat(s.digest().overdue()).hasSize(1);
        });
    }

    @Test
    void aMisspeltPlanFailsOnItsOwnAndTheOtherSubscriptionsAreSent() {
        // GIVEN a subscription to a plan the tenant does not have, added before a good one
        DigestSubscription bad = w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", "Reveiw", null), IMPORTED);
        w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C2", "Review", null), IMPORTED);

        // WHEN the sweep runs
        DigestSweepResult r = w.digests.sweep(london("2023-05-08T09:00"));

        // THEN the bad one is reported with a reason an admin can act on, and the good one is sent
        assertThat(r.failed()).singleElement().satisfies(f -> {
            assertThat(f.subscription().id()).isEqualTo(bad.id());
            assertThat(f.error()).isInstanceOf(UserFixableException.class).hasMessageContaining("no plan 'Reveiw'");
        });
        assertThat(w.digestKeys()).containsExactly("dig:council:slack:C2:2023-W19");
        assertThat(w.subscriptions.list(tenant).get(0).lastDigestAt()).isNull();
    }

    @Test
    void twoSubscriptionsOnOneChannelShareTheWeeksKeyAndTheFirstIsSent() throws Exception {
        // GIVEN the whole plan and one section on the same channel
        w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", "Review", null), IMPORTED);
        w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", "Review", "SECTION EN"), IMPORTED);

        // WHEN swept twice
        DigestSweepResult r = w.digests.sweep(london("2023-05-08T09:00"));
        DigestSweepResult again = w.digests.sweep(london("2023-05-08T09:15"));

        // THEN one row, the first subscription's, and nothing failed
        assertThat(r.sent()).singleElement().satisfies(s -> assertThat(s.subscription().section()).isNull());
        assertThat(r.failed()).isEmpty();
        assertThat(again.sent()).isEmpty();
        assertThat(JSON.readTree(w.outbox.find("dig:council:slack:C1:2023-W19").orElseThrow().entry().payload())
                .get("section").isNull()).isTrue();
    }

    @Test
    void aKeyAnotherNodeStoredIsNotBuiltAgain() {
        // GIVEN this week's key stored already (by another node)
        w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", null, null), IMPORTED);
        w.outbox.enqueue(List.of(new OutboxEntry(tenant.id(), "dig:council:slack:C1:2023-W19", "DIGEST", null, "CHANNEL",
                "slack:C1", "{}")), london("2023-05-08T09:00"));

        // WHEN this node sweeps
        DigestSweepResult r = w.digests.sweep(london("2023-05-08T09:05"));

        // THEN it sends nothing and the stored row is untouched
        assertThat(r.sent()).isEmpty();
        assertThat(w.outbox.find("dig:council:slack:C1:2023-W19").orElseThrow().entry().payload()).isEqualTo("{}");
    }

    @Test
    void anotherDayTimeAndZoneIsDecidedAtItsOwnSlot() {
        // GIVEN Friday 16:30 in Dublin
        w.subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", null, null)
                .at(DayOfWeek.FRIDAY, LocalTime.of(16, 30), java.time.ZoneId.of("Europe/Dublin")), IMPORTED);
        w.digests.sweep(london("2023-05-12T16:15")); // last week's, caught up at once

        // WHEN swept a quarter of an hour before and at the slot
        DigestSweepResult before = w.digests.sweep(london("2023-05-12T16:15"));
        DigestSweepResult at = w.digests.sweep(london("2023-05-12T16:30"));

        // THEN it is sent at the slot
        assertThat(before.sent()).isEmpty();
        assertThat(at.sent()).singleElement().satisfies(s -> assertThat(s.key()).isEqualTo("dig:council:slack:C1:2023-W19"));
    }
}
