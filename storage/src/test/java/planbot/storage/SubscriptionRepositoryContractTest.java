package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import planbot.domain.UserFixableException;
import planbot.storage.testing.DatabaseTestBase;

/** What every {@link SubscriptionRepository} must do; one subclass per database vendor. */
abstract class SubscriptionRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");

    private Tenant tenant;
    private Tenant other;
    private SubscriptionRepository subscriptions;

    SubscriptionRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    @BeforeEach
    void twoTenants() {
        tenant = stores.tenants().getOrCreate("welwyn", NOW);
        other = stores.tenants().getOrCreate("stevenage", NOW);
        subscriptions = new JdbiSubscriptionRepository(db);
    }

    @Test
    void aNewSubscriptionIsStoredWithTheDefaultsAndNoDigestYet() {
        // WHEN a channel subscribes to everything with the defaults
        DigestSubscription s = subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", null, null), NOW);

        // THEN it is stored as Monday 09:00 Europe/London, created now, never sent
        assertThat(s.tenant()).isEqualTo(tenant);
        assertThat(s.channel()).isEqualTo("slack:C1");
        assertThat(s.plan()).isNull();
        assertThat(s.section()).isNull();
        assertThat(s.day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(s.time()).isEqualTo(LocalTime.of(9, 0));
        assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(s.createdAt()).isEqualTo(NOW);
        assertThat(s.lastDigestAt()).isNull();
        assertThat(subscriptions.list(tenant)).containsExactly(s);
        assertThat(subscriptions.list(other)).isEmpty();
    }

    @Test
    void addingTheSameChannelPlanAndSectionAgainChangesItsTimeAndKeepsItsHistory() {
        // GIVEN a subscription whose first digest has been built
        DigestSubscription first = subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", "Planning review",
                "PLANNING ENFORCEMENT"), NOW);
        subscriptions.recordDigest(first.id(), NOW.plusSeconds(60));

        // WHEN the same channel, plan and section (spelt in other case) is added again at another time
        DigestSubscription again = subscriptions.add(tenant, new SubscriptionSpec("slack:C1", "planning REVIEW",
                "Planning Enforcement", DayOfWeek.FRIDAY, LocalTime.of(16, 30), ZoneId.of("Europe/Dublin")),
                NOW.plusSeconds(3600));

        // THEN there is still one subscription: the new time and spelling, the old creation and last digest
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.day()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(again.time()).isEqualTo(LocalTime.of(16, 30));
        assertThat(again.zone()).isEqualTo(ZoneId.of("Europe/Dublin"));
        assertThat(again.plan()).isEqualTo("planning REVIEW");
        assertThat(again.createdAt()).isEqualTo(NOW);
        assertThat(again.lastDigestAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(subscriptions.list(tenant)).containsExactly(again);
    }

    @Test
    void allPlansOneSectionAndTheUnnamedSectionAreThreeSubscriptions() {
        // WHEN one channel subscribes to everything, to one section of every plan, and to the section without a name
        DigestSubscription all = subscriptions.add(tenant, SubscriptionSpec.weekly("console", null, null), NOW);
        DigestSubscription enforcement = subscriptions.add(tenant, SubscriptionSpec.weekly("console", null, "Enforcement"), NOW);
        DigestSubscription unnamed = subscriptions.add(tenant, SubscriptionSpec.weekly("console", null, ""), NOW);
        // … and "all" is added again (NULLs would be distinct under a plain UNIQUE constraint)
        DigestSubscription allAgain = subscriptions.add(tenant, SubscriptionSpec.weekly("console", "  ", null), NOW);

        // THEN there are three, "all" first
        assertThat(allAgain.id()).isEqualTo(all.id());
        assertThat(subscriptions.list(tenant)).extracting(DigestSubscription::id)
                .containsExactly(all.id(), unnamed.id(), enforcement.id());
        assertThat(unnamed.section()).isEmpty();
    }

    @Test
    void theSameScopeMayGoToTwoChannelsAndTwoTenants() {
        subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", "Review", null), NOW);
        subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C2", "Review", null), NOW);
        subscriptions.add(other, SubscriptionSpec.weekly("slack:C1", "Review", null), NOW);

        assertThat(subscriptions.list(tenant)).extracting(DigestSubscription::channel).containsExactly("slack:C1", "slack:C2");
        assertThat(subscriptions.list(other)).extracting(DigestSubscription::channel).containsExactly("slack:C1");
        assertThat(subscriptions.listAll()).hasSize(3);
        assertThat(subscriptions.listAll()).extracting(DigestSubscription::id).isSorted();
    }

    @Test
    void removeTakesOutOnlyTheNamedScopeOfTheNamedTenant() {
        // GIVEN everything and one plan on one channel, for two tenants
        subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", null, null), NOW);
        DigestSubscription review = subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", "Review", null), NOW);
        subscriptions.add(other, SubscriptionSpec.weekly("slack:C1", null, null), NOW);

        // WHEN the tenant's "everything" subscription is removed (twice)
        boolean removed = subscriptions.remove(tenant, "slack:C1", null, null);
        boolean removedAgain = subscriptions.remove(tenant, "slack:C1", null, null);

        // THEN only that one went
        assertThat(removed).isTrue();
        assertThat(removedAgain).isFalse();
        assertThat(subscriptions.list(tenant)).containsExactly(review);
        assertThat(subscriptions.list(other)).hasSize(1);
        assertThat(subscriptions.remove(tenant, "slack:C1", "REVIEW", null)).isTrue();
        assertThat(subscriptions.list(tenant)).isEmpty();
    }

    @Test
    void recordDigestCommitsWithTheCallersTransactionOrNotAtAll() {
        DigestSubscription s = subscriptions.add(tenant, SubscriptionSpec.weekly("slack:C1", null, null), NOW);

        // WHEN the transaction that records a digest fails after it
        assertThatThrownBy(() -> db.transaction(() -> {
            subscriptions.recordDigest(s.id(), NOW.plusSeconds(60));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        // THEN nothing was recorded
        assertThat(subscriptions.list(tenant).get(0).lastDigestAt()).isNull();
    }

    @Test
    void aChannelWithSpacesOrNothingIsRefused() {
        assertThatThrownBy(() -> SubscriptionSpec.weekly("  ", null, null)).isInstanceOf(UserFixableException.class)
                .hasMessageContaining("needs a channel");
        assertThatThrownBy(() -> SubscriptionSpec.weekly("my channel", null, null))
                .isInstanceOf(UserFixableException.class).hasMessageContaining("cannot contain spaces");
    }

    @Test
    void secondsAreDroppedFromTheTime() {
        DigestSubscription s = subscriptions.add(tenant, SubscriptionSpec.weekly("console", null, null)
                .at(DayOfWeek.TUESDAY, LocalTime.of(8, 45, 30), ZoneId.of("UTC")), NOW);
        assertThat(s.time()).isEqualTo(LocalTime.of(8, 45));
        assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
    }
}
