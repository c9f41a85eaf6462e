package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestDatabases;

/** What every {@link ClaimCodeRepository} must do; one subclass per database vendor. */
abstract class ClaimCodeRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(30));

    ClaimCodeRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    private ClaimCodeRepository codes() {
        return new JdbiClaimCodeRepository(db);
    }

    @Test
    void givenACodeAdded_whenFoundByItsText_thenItNamesItsTenantAndExpiryAndTheTextIsNowhereInTheDatabase() {
        // GIVEN a code for a tenant
        Tenant council = stores.tenants().getOrCreate("council", NOW);
        codes().add(council, "K7QM4XPR", NOW, LATER);
        // WHEN it is looked up by its text
        ClaimCode found = codes().find("K7QM4XPR").orElseThrow();
        // THEN it is the tenant's, unused, with its expiry; another text finds nothing; only a hash is stored
        assertThat(found.tenantId()).isEqualTo(council.id());
        assertThat(found.expiresAt()).isEqualTo(LATER);
        assertThat(found.used()).isFalse();
        assertThat(codes().find("K7QM4XPS")).isEmpty();
        assertThat(TestDatabases.dump(db).toString()).doesNotContain("K7QM4XPR");
    }

    @Test
    void givenAnUnusedCode_whenUsedTwice_thenOnlyTheFirstUseCountsAndTheCodeShowsWhenItWasUsed() {
        // GIVEN an unused code
        codes().add(stores.tenants().getOrCreate("council", NOW), "ABCD2345", NOW, LATER);
        long id = codes().find("ABCD2345").orElseThrow().id();
        // WHEN it is used, then used again
        boolean first = codes().use(id, "slack T1/U1", NOW.plusSeconds(60));
        boolean second = codes().use(id, "slack T1/U2", NOW.plusSeconds(61));
        // THEN the first use wins and is kept
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(codes().find("ABCD2345").orElseThrow().usedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void givenFailuresInTwoWorkspaces_whenAskedSinceAMoment_thenOnlyThatWorkspacesLaterOnesComeOldestFirst() {
        // GIVEN failures in T1 at 0, 5 and 10 minutes, and one in T2
        codes().recordFailure(new ChatIdentity("slack", "T1", "U1"), NOW.plusSeconds(600));
        codes().recordFailure(new ChatIdentity("slack", "T1", "U2"), NOW);
        codes().recordFailure(new ChatIdentity("slack", "T1", "U1"), NOW.plusSeconds(300));
        codes().recordFailure(new ChatIdentity("slack", "T2", "U1"), NOW.plusSeconds(300));
        // WHEN T1's are asked for from minute 5 on
        // THEN those two, oldest first
        assertThat(codes().failuresSince("slack", "T1", NOW.plusSeconds(300)))
                .containsExactly(NOW.plusSeconds(300), NOW.plusSeconds(600));
        assertThat(codes().failuresSince("teams", "T1", NOW)).isEmpty();
    }
}
