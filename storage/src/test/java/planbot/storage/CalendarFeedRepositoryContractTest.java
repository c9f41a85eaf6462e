package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import planbot.storage.testing.DatabaseTestBase;

/** What every {@link CalendarFeedRepository} must do; one subclass per database vendor. */
abstract class CalendarFeedRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");
    private static final String HASH_A = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String HASH_B = "b1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String HASH_C = "c1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

    CalendarFeedRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    private CalendarFeedRepository feeds() {
        return new JdbiCalendarFeedRepository(db);
    }

    @Test
    void givenAFeedAdded_whenFoundByItsSecretsHash_thenItIsLiveWithItsHandleKindAndName() {
        Tenant council = stores.tenants().getOrCreate("council", NOW);
        CalendarFeed added = feeds().add(council, CalendarFeed.Kind.PLAN, "south", HASH_A, "cli", NOW);
        CalendarFeed found = feeds().findBySecretHash(HASH_A).orElseThrow();
        assertThat(found).isEqualTo(added);
        assertThat(found.handle()).isEqualTo(HASH_A.substring(0, CalendarFeedRepository.HANDLE_LENGTH));
        assertThat(found.tenantId()).isEqualTo(council.id());
        assertThat(found.kind()).isEqualTo(CalendarFeed.Kind.PLAN);
        assertThat(found.live()).isTrue();
        assertThat(feeds().findBySecretHash(HASH_B)).isEmpty();
    }

    @Test
    void givenAPersonsTwoFeedsAndAPlans_whenThePersonsAreRevoked_thenOnlyTheirsStopAndAHandleIsRevokedOnce() {
        Tenant council = stores.tenants().getOrCreate("council", NOW);
        Tenant other = stores.tenants().getOrCreate("other", NOW);
        feeds().add(council, CalendarFeed.Kind.PERSON, "Sam Jones", HASH_A, "sam", NOW);
        feeds().add(council, CalendarFeed.Kind.PERSON, "Sam Jones", HASH_B, "sam", NOW.plusSeconds(60));
        CalendarFeed plan = feeds().add(council, CalendarFeed.Kind.PLAN, "Sam Jones", HASH_C, "cli", NOW.plusSeconds(120));
        // WHEN Sam's are revoked
        assertThat(feeds().revokeAll(council, CalendarFeed.Kind.PERSON, "Sam Jones", NOW.plusSeconds(180)))
                .containsExactlyInAnyOrder(HASH_A.substring(0, 10), HASH_B.substring(0, 10));
        // THEN they are revoked, the plan's of the same name is not, and the list shows all three, newest first
        assertThat(feeds().findBySecretHash(HASH_A).orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(180));
        assertThat(feeds().findBySecretHash(HASH_C).orElseThrow().live()).isTrue();
        assertThat(feeds().list(council)).extracting(CalendarFeed::handle)
                .containsExactly(HASH_C.substring(0, 10), HASH_B.substring(0, 10), HASH_A.substring(0, 10));
        // AND a handle is revoked once, and only by its own tenant
        assertThat(feeds().revoke(other, plan.handle(), NOW)).isFalse();
        assertThat(feeds().revoke(council, plan.handle(), NOW)).isTrue();
        assertThat(feeds().revoke(council, plan.handle(), NOW)).isFalse();
        assertThat(feeds().findByHandle(council, plan.handle()).orElseThrow().live()).isFalse();
        assertThat(feeds().findByHandle(other, plan.handle())).isEmpty();
    }
}
