package planbot.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import planbot.domain.AuditEvent;
import planbot.domain.Person;
import planbot.domain.Source;
import planbot.storage.AuditRepository;
import planbot.storage.Database;
import planbot.storage.PersonRepository;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;
import planbot.storage.WebSession;
import planbot.storage.WebSessionRepository;

/**
 * Web sessions: opened by {@link SignInLinks} when a link is redeemed, looked up on every request by the web's HTTP
 * layer, ended by sign-out. A session ends after {@link #IDLE_LIMIT} without use or {@link #ABSOLUTE_LIMIT} after it
 * began, whichever comes first; the person behind it is read afresh on each lookup, so a removed person is signed out
 * and a demoted one has the new role at once. Thread-safe; storage failures propagate as
 * {@link planbot.storage.StorageException}.
 */
public final class WebSessions {
    /** A session not used for this long is over. */
    public static final Duration IDLE_LIMIT = Duration.ofHours(8);
    /** A session is over this long after it began, however much it is used. */
    public static final Duration ABSOLUTE_LIMIT = Duration.ofDays(7);
    /** Use is recorded at most this often, so that a page view is not a database write each time. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final String CSRF_PURPOSE = "csrf";

    private final Database db;
    private final TenantRepository tenants;
    private final PersonRepository people;
    private final WebSessionRepository sessions;
    private final AuditRepository audit;
    private final Clock clock;

    public WebSessions(Database db, TenantRepository tenants, PersonRepository people, WebSessionRepository sessions,
                       AuditRepository audit, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.people = Objects.requireNonNull(people, "people");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Opens a session for a person and returns its id (the cookie's value); joins the caller's transaction. */
    String open(Tenant tenant, String personName) {
        String id = Secrets.newSecret();
        sessions.add(tenant, Secrets.sha256Hex(id), personName, clock.instant());
        return id;
    }

    /**
     * Who holds this session id now; empty when there is no such session, it has ended or expired, or its person is no
     * longer in the plan. Records the use (at most once every {@link #TOUCH_EVERY}).
     *
     * @param sessionId the cookie's value; null or blank gives empty
     */
    public Optional<WebUser> user(String sessionId) {
        Optional<WebSession> found = open(sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        WebSession session = found.get();
        Optional<Tenant> tenant = tenants.get(session.tenantId());
        Optional<Person> person = tenant.flatMap(t -> people.find(t, session.personName()));
        if (person.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!session.lastSeenAt().plus(TOUCH_EVERY).isAfter(now)) {
            sessions.touch(session.id(), now);
        }
        return Optional.of(new WebUser(tenant.get().slug(), person.get(), csrfToken(sessionId)));
    }

    /** Ends the session (sign-out), audited with {@link Source#WEB}; false when it was not open. */
    public boolean end(String sessionId) {
        Optional<WebSession> found = open(sessionId);
        if (found.isEmpty()) {
            return false;
        }
        WebSession session = found.get();
        Instant now = clock.instant();
        return db.transaction(() -> {
            boolean ended = sessions.end(session.id(), now);
            if (ended) {
                tenants.get(session.tenantId()).ifPresent(t -> audit.append(t, new AuditEvent(now, session.personName(),
                        Source.WEB, "person", session.personName(), "web-sign-out", null, null, null)));
            }
            return ended;
        });
    }

    /** The session with this id while it is neither ended nor expired. */
    private Optional<WebSession> open(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.find(Secrets.sha256Hex(sessionId))
                .filter(s -> s.endedAt() == null)
                .filter(s -> now.isBefore(s.lastSeenAt().plus(IDLE_LIMIT)))
                .filter(s -> now.isBefore(s.createdAt().plus(ABSOLUTE_LIMIT)));
    }

    /** The session's CSRF token: derived from its id, so nothing more is stored and the database does not reveal it. */
    static String csrfToken(String sessionId) {
        return Secrets.derive(CSRF_PURPOSE, sessionId);
    }
}
