package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import planbot.domain.Role;
import planbot.storage.testing.DatabaseTestBase;

/** What every {@link ApiTokenRepository} must do; one subclass per database vendor. */
abstract class ApiTokenRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");
    private static final String HASH = "a".repeat(64);

    ApiTokenRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    private ApiTokenRepository tokens() {
        return new JdbiApiTokenRepository(db);
    }

    @Test
    void aTokenAddedIsFoundByNameAndByHashWithItsRoleAndNeverUsedOrRevoked() {
        // GIVEN a viewer token of one council
        Tenant council = stores.tenants().getOrCreate("council", NOW);
        ApiToken added = tokens().add(council, "dashboard", Role.VIEWER, HASH, NOW);
        // WHEN it is looked up
        // THEN by name and by hash it is the same, unused and working; another council has no such name
        assertThat(tokens().find(council, "dashboard")).contains(added);
        assertThat(tokens().findByHash(HASH)).contains(added);
        assertThat(added.role()).isEqualTo(Role.VIEWER);
        assertThat(added.lastUsedAt()).isNull();
        assertThat(added.revoked()).isFalse();
        assertThat(tokens().find(stores.tenants().getOrCreate("other", NOW), "dashboard")).isEmpty();
        assertThat(tokens().findByHash("b".repeat(64))).isEmpty();
    }

    @Test
    void aTokenUsedAndRevokedSaysWhenAndTheListIsOldestFirst() {
        Tenant council = stores.tenants().getOrCreate("council", NOW);
        ApiToken first = tokens().add(council, "first", Role.MANAGER, HASH, NOW);
        tokens().add(council, "second", Role.ADMIN, "c".repeat(64), NOW.plusSeconds(1));
        // WHEN the first is used, then revoked
        tokens().used(first.id(), NOW.plusSeconds(60));
        tokens().revoke(first.id(), NOW.plusSeconds(120));
        // THEN it says so, and the list keeps both in order of creation
        ApiToken now = tokens().findByHash(HASH).orElseThrow();
        assertThat(now.lastUsedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(now.revokedAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(tokens().list(council)).extracting(ApiToken::name).containsExactly("first", "second");
    }

    @Test
    void aSecondTokenOfTheSameNameInATenantIsRefusedByTheDatabase() {
        Tenant council = stores.tenants().getOrCreate("council", NOW);
        tokens().add(council, "dashboard", Role.VIEWER, HASH, NOW);
        assertThatThrownBy(() -> tokens().add(council, "dashboard", Role.ADMIN, "d".repeat(64), NOW)).isInstanceOf(RuntimeException.class);
        assertThat(tokens().list(council)).hasSize(1);
    }
}
