package planbot.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import planbot.storage.testing.DatabaseTestBase;
import planbot.storage.testing.TestDatabases;

/** What every {@link TenantRepository} must do; one subclass per database vendor. */
abstract class TenantRepositoryContractTest extends DatabaseTestBase {
    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");

    TenantRepositoryContractTest(Database.Vendor vendor) {
        super(vendor);
    }

    @Test
    void getOrCreateCreatesATenantNamedAfterItsSlugOnce() {
        // GIVEN no tenants
        // WHEN the same slug is asked for twice
        Tenant first = stores.tenants().getOrCreate("welwyn-hatfield", NOW);
        Tenant second = stores.tenants().getOrCreate(" welwyn-hatfield ", NOW);
        // THEN one tenant exists, named after its slug
        assertThat(second).isEqualTo(first);
        assertThat(first.slug()).isEqualTo("welwyn-hatfield");
        assertThat(first.name()).isEqualTo("welwyn-hatfield");
        assertThat(TestDatabases.counts(db).get("tenant")).isEqualTo(1);
    }

    @Test
    void getOrCreateOfAKnownTenantWritesNothing() {
        // GIVEN a tenant
        stores.tenants().getOrCreate("stevenage", NOW);
        var before = TestDatabases.dump(db);
        // WHEN it is asked for again, later
        stores.tenants().getOrCreate("stevenage", NOW.plusSeconds(60));
        // THEN nothing changed
        assertThat(TestDatabases.dump(db)).isEqualTo(before);
    }

    @Test
    void findSeesOnlyTheTenantWithThatSlug() {
        // GIVEN two tenants
        Tenant a = stores.tenants().getOrCreate("a", NOW);
        Tenant b = stores.tenants().getOrCreate("b", NOW);
        // THEN each is found by its own slug, and an unknown slug finds nothing
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(stores.tenants().find("a")).contains(a);
        assertThat(stores.tenants().find("b")).contains(b);
        assertThat(stores.tenants().find("c")).isEmpty();
    }

    @Test
    void getFindsATenantByItsDatabaseId() {
        // GIVEN two tenants
        Tenant a = stores.tenants().getOrCreate("a", NOW);
        Tenant b = stores.tenants().getOrCreate("b", NOW);
        // THEN each is found by its id, and an unknown id finds nothing
        assertThat(stores.tenants().get(a.id())).contains(a);
        assertThat(stores.tenants().get(b.id())).contains(b);
        assertThat(stores.tenants().get(Math.max(a.id(), b.id()) + 1)).isEmpty();
    }

    @Test
    void listGivesEveryTenantOldestFirst() {
        // GIVEN no tenants, then two
        assertThat(stores.tenants().list()).isEmpty();
        Tenant b = stores.tenants().getOrCreate("b", NOW);
        Tenant a = stores.tenants().getOrCreate("a", NOW);
        // THEN both are listed, in the order they were made
        assertThat(stores.tenants().list()).containsExactly(b, a);
    }
}
