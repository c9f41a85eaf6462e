package planbot.storage;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A calendar feed URL that was handed out: whose target dates it shows (a plan's or a person's), and whether it still
 * works. The secret itself is never held here, only the short {@code handle} that names the URL for revoking it.
 *
 * @param id        the database id
 * @param tenantId  the tenant whose tasks it shows
 * @param handle    a short, unique name for the URL (the start of the secret's hash), printed with it
 * @param kind      a plan's feed or a person's
 * @param name      the plan's name, or the person's as the plan writes it
 * @param createdAt when it was handed out
 * @param revokedAt when it stopped working; null while it works
 */
public record CalendarFeed(long id, long tenantId, String handle, Kind kind, String name, Instant createdAt,
                           Instant revokedAt) {

    /** Whose target dates a feed shows. */
    public enum Kind {
        PLAN, PERSON;

        /** The word stored and shown: "plan", "person". */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    public CalendarFeed {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean live() {
        return revokedAt == null;
    }
}
