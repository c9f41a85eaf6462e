package planbot.storage;

import java.time.Instant;
import java.util.Objects;
import planbot.assess.Template;

/**
 * One stored version of a template. A session keeps the id of the version it voted on, so a later re-import
 * (a new version) never changes what an old session refers to.
 *
 * @param id         the database id, what a session stores
 * @param version    1 for the first import of this name in the tenant, then 2, 3, …
 * @param template   the template as imported
 * @param importedAt when this version was stored
 */
public record StoredTemplate(long id, int version, Template template, Instant importedAt) {
    public StoredTemplate {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(importedAt, "importedAt");
        if (version < 1) {
            throw new IllegalArgumentException("a template version is 1 or more, not " + version);
        }
    }
}
