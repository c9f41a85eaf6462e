package planbot.access;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import planbot.domain.AuditEvent;
import planbot.domain.Person;
import planbot.domain.Source;
import planbot.domain.UserFixableException;
import planbot.storage.AuditRepository;
import planbot.storage.Database;
import planbot.storage.PersonRepository;
import planbot.storage.SignInLink;
import planbot.storage.SignInLinkRepository;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;

/**
 * Sign-in links: {@link #issue} makes one for a person ({@code /plan web} in chat, {@code ./planbot web link}), good for
 * {@link #VALID_FOR} and once; {@link #redeem} turns it into a web session. Both are audited. The link's token is
 * stored only as its hash. Thread-safe; storage failures propagate as {@link planbot.storage.StorageException}.
 */
public final class SignInLinks {
    /** How long a link works. */
    public static final Duration VALID_FOR = Duration.ofMinutes(15);
    /** The path a link's token follows. */
    public static final String PATH = "/signin/";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** What a token is: a link that works, one used or expired, or none planbot issued. */
    public enum Outcome { OK, USED, EXPIRED, UNKNOWN }

    /**
     * @param outcome   {@code OK} when it signed in
     * @param sessionId the new session's id (the cookie's value) when signed in; null otherwise
     */
    public record Redemption(Outcome outcome, String sessionId) {
        public Redemption {
            Objects.requireNonNull(outcome, "outcome");
            if ((outcome == Outcome.OK) != (sessionId != null)) {
                throw new IllegalArgumentException("a session id comes with OK only");
            }
        }
    }

    private final Database db;
    private final TenantRepository tenants;
    private final PersonRepository people;
    private final SignInLinkRepository links;
    private final WebSessions sessions;
    private final AuditRepository audit;
    private final Supplier<URI> publicUrl;
    private final Clock clock;

    /**
     * @param publicUrl the base of every link ({@code PLANBOT_PUBLIC_URL}), asked at each issue: the composition root
     *                  knows it only once the settings are read
     */
    public SignInLinks(Database db, TenantRepository tenants, PersonRepository people, SignInLinkRepository links,
                       WebSessions sessions, AuditRepository audit, Supplier<URI> publicUrl, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.people = Objects.requireNonNull(people, "people");
        this.links = Objects.requireNonNull(links, "links");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A link issued at the terminal ({@link Source#CLI}); see {@link #issue(String, Person, Source)}. */
    public URI issue(String tenant, Person person) {
        return issue(tenant, person, Source.CLI);
    }

    /**
     * A new sign-in link for a person of the tenant: {@code PLANBOT_PUBLIC_URL/signin/<token>}. The link is a secret:
     * give it to that person only, never log it.
     *
     * @param source where it was asked for (the chat platform, the CLI), for the audit trail
     * @throws UserFixableException when the tenant or the person is not known
     */
    public URI issue(String tenant, Person person, Source source) {
        Objects.requireNonNull(person, "person");
        Tenant t = tenants.find(tenant).orElseThrow(() -> new UserFixableException("no council '" + tenant + "'"));
        String name = people.find(t, person.name())
                .orElseThrow(() -> new UserFixableException("'" + person.name() + "' is not a person of the plan"))
                .name();
        String token = Secrets.newSecret();
        Instant now = clock.instant();
        db.transaction(() -> {
            links.add(t, Secrets.sha256Hex(token), name, now, now.plus(VALID_FOR));
            audit.append(t, new AuditEvent(now, name, source, "person", name, "web-link", null, null,
                    "valid " + VALID_FOR.toMinutes() + " minutes"));
            return null;
        });
        return URI.create(publicUrl.get().toString().replaceAll("/+$", "") + PATH + token);
    }

    /**
     * What a link's token is now, changing nothing: what the page a link opens shows, so that a link scanner's or chat
     * preview's GET does not use the link up.
     */
    public Outcome check(String token) {
        if (!wellFormed(token)) {
            return Outcome.UNKNOWN;
        }
        return links.find(Secrets.sha256Hex(token)).map(this::state).orElse(Outcome.UNKNOWN);
    }

    /**
     * Redeems a link's token: when it is known, unused and unexpired, marks it used and opens a session for its person
     * (audited with {@link Source#WEB}), in one transaction; of two redemptions at once exactly one signs in.
     *
     * @param token the token from the link's path, as received (anything at all; a garbled one is {@code UNKNOWN})
     */
    public Redemption redeem(String token) {
        if (!wellFormed(token)) {
            return new Redemption(Outcome.UNKNOWN, null);
        }
        String hash = Secrets.sha256Hex(token);
        return db.transaction(() -> {
            Instant now = clock.instant();
            if (!links.redeem(hash, now)) {
                return new Redemption(links.find(hash).map(this::state).orElse(Outcome.UNKNOWN), null);
            }
            SignInLink link = links.find(hash).orElseThrow();
            Optional<Tenant> tenant = tenants.get(link.tenantId());
            if (tenant.isEmpty() || people.find(tenant.get(), link.personName()).isEmpty()) {
                return new Redemption(Outcome.UNKNOWN, null); // the person was removed since the link was issued
            }
            String sessionId = sessions.open(tenant.get(), link.personName());
            audit.append(tenant.get(), new AuditEvent(now, link.personName(), Source.WEB, "person", link.personName(),
                    "web-sign-in", null, null, null));
            return new Redemption(Outcome.OK, sessionId);
        });
    }

    private Outcome state(SignInLink link) {
        if (link.usedAt() != null) {
            return Outcome.USED;
        }
        return clock.instant().isBefore(link.expiresAt()) ? Outcome.OK : Outcome.EXPIRED;
    }

    private static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }
}
