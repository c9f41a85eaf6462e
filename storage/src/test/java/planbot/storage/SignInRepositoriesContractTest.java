package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import planbot.storage.testing.DatabaseTestBase;

/** What every {@link SignInLinkRepository} and {@link WebSessionRepository} must do; one subclass per database vendor. */
abstract class SignInRepositoriesContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(15));
    private static final String HASH = "a".repeat(64);

    SignInRepositoriesContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    private SignInLinkRepository links() {
        return new JdbiSignInLinkRepository(db);
    }

    private WebSessionRepository sessions() {
        return new JdbiWebSessionRepository(db);
    }

    @Test
    void givenALink_whenRedeemedTwice_thenOnlyTheFirstCountsAndTheLinkShowsWhen() {
        Tenant council = stores.tenants().getOrCreate("council", NOW);
        links().add(council, HASH, "Olivia", NOW, EXPIRES);
        assertThat(links().redeem(HASH, NOW.plusSeconds(60))).isTrue();
        assertThat(links().redeem(HASH, NOW.plusSeconds(61))).isFalse();
        SignInLink link = links().find(HASH).orElseThrow();
        assertThat(link.tenantId()).isEqualTo(council.id());
        assertThat(link.personName()).isEqualTo("Olivia");
        assertThat(link.usedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(links().find("b".repeat(64))).isEmpty();
        assertThat(links().redeem("b".repeat(64), NOW)).isFalse();
    }

    @Test
    void givenALink_whenRedeemedAtItsExpiry_thenItIsRefusedAndStaysUnused() {
        links().add(stores.tenants().getOrCreate("council", NOW), HASH, "Olivia", NOW, EXPIRES);
        assertThat(links().redeem(HASH, EXPIRES)).isFalse();
        assertThat(links().find(HASH).orElseThrow().usedAt()).isNull();
    }

    @Test
    void givenALink_whenEightRedeemAtOnce_thenExactlyOneWins() throws Exception {
        links().add(stores.tenants().getOrCreate("council", NOW), HASH, "Olivia", NOW, EXPIRES);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(() -> links().redeem(HASH, NOW.plusSeconds(1)));
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(tries)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenASession_whenTouchedAndEnded_thenItShowsItsUseAndEndsOnce() {
        Tenant council = stores.tenants().getOrCreate("council", NOW);
        sessions().add(council, HASH, "Olivia", NOW);
        WebSession s = sessions().find(HASH).orElseThrow();
        assertThat(s.tenantId()).isEqualTo(council.id());
        assertThat(s.createdAt()).isEqualTo(NOW);
        assertThat(s.lastSeenAt()).isEqualTo(NOW);
        assertThat(s.endedAt()).isNull();

        sessions().touch(s.id(), NOW.plusSeconds(120));
        sessions().touch(s.id(), NOW.plusSeconds(60)); // an older touch, finishing late, never goes back in time
        assertThat(sessions().find(HASH).orElseThrow().lastSeenAt()).isEqualTo(NOW.plusSeconds(120));

        assertThat(sessions().end(s.id(), NOW.plusSeconds(180))).isTrue();
        assertThat(sessions().end(s.id(), NOW.plusSeconds(240))).isFalse();
        assertThat(sessions().find(HASH).orElseThrow().endedAt()).isEqualTo(NOW.plusSeconds(180));
        assertThat(sessions().find("b".repeat(64))).isEmpty();
    }
}
