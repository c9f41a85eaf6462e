package planbot.storage;

import java.util.Objects;

/**
 * One council (or shared service): every stored row belongs to exactly one tenant, and every repository
 * method takes the tenant it works for.
 *
 * @param id   the database id
 * @param slug the stable key a chat workspace or the CLI names it by ("welwyn-hatfield")
 * @param name the display name
 */
public record Tenant(long id, String slug, String name) {
    public Tenant {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        if (slug.isBlank()) {
            throw new IllegalArgumentException("a tenant needs a slug");
        }
    }
}
