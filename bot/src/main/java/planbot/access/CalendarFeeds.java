package planbot.access;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import planbot.domain.AuditEvent;
import planbot.domain.PlanDate;
import planbot.domain.Source;
import planbot.domain.UserFixableException;
import planbot.storage.AuditRepository;
import planbot.storage.CalendarFeed;
import planbot.storage.CalendarFeedRepository;
import planbot.storage.Database;
import planbot.storage.PersonRepository;
import planbot.storage.PlanRepository;
import planbot.storage.TaskQuery;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;

/**
 * Calendar feeds of target dates behind secret, revocable URLs ({@code /ical/<secret>.ics}): hands a URL out
 * ({@code ./planbot ical url}, {@code /plan calendar}), revokes one by its handle, and says what the feed behind a
 * secret holds. Who may look is who holds the URL: the secret (256 random bits) is the only key, and it is stored only
 * as its SHA-256, so neither the database nor the log can give it back.
 *
 * <p>A feed holds the open tasks (not completed, not closed) that have a real target date, of one plan or of one
 * person; TBC, N/A and ongoing targets have no day to show and are left out.
 *
 * <p>Thread-safe. Handing out and revoking are audited, in the transaction of the change; a plan, person or handle that
 * is not the tenant's is a {@link UserFixableException} and changes nothing.
 */
public final class CalendarFeeds {
    /** Where feeds are served: {@code <public url>/ical/<secret>.ics}. */
    public static final String PATH = "/ical/";
    public static final String SUFFIX = ".ics";
    private static final int TITLE_MAX = 120;

    private final Database db;
    private final TenantRepository tenants;
    private final PlanRepository plans;
    private final PersonRepository people;
    private final TaskRepository tasks;
    private final CalendarFeedRepository feeds;
    private final AuditRepository audit;
    private final Supplier<URI> publicUrl;
    private final Clock clock;

    /** @param publicUrl the address people reach planbot's web at ({@code PLANBOT_PUBLIC_URL}), asked afresh for each link */
    public CalendarFeeds(Database db, TenantRepository tenants, PlanRepository plans, PersonRepository people,
                         TaskRepository tasks, CalendarFeedRepository feeds, AuditRepository audit, Supplier<URI> publicUrl,
                         Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.people = Objects.requireNonNull(people, "people");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A feed URL just handed out: the URL (shown once, never stored) and its handle, for revoking it. */
    public record Issued(URI url, String handle) {
        public Issued {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(handle, "handle");
        }
    }

    /**
     * What a feed shows.
     *
     * @param tenant  whose tasks
     * @param title   the calendar's name ("planbot: Planning review", "planbot: HoP's tasks")
     * @param entries one per open task with a real target date, soonest first
     */
    public record Feed(Tenant tenant, String title, List<Entry> entries) {
        public Feed {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(title, "title");
            entries = List.copyOf(entries);
        }
    }

    /**
     * One task's target date in a feed.
     *
     * @param taskId the stored task's id: with the tenant, what keeps its calendar entry the same one across refreshes
     * @param ref    as the plan writes it
     * @param title  the task's description, first line, shortened
     * @param target a real date (day or month precision)
     * @param status the status word, or "no status"
     * @param owner  as the plan writes it, or "nobody"
     * @param link   the task's web page ({@code /tasks/<ref>}, the ref naming its plan when the tenant has several)
     */
    public record Entry(long taskId, String ref, String title, PlanDate target, String status, String owner, URI link) {
        public Entry {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(title, "title");
            if (target == null || !target.isDate()) {
                throw new IllegalArgumentException("a calendar entry needs a real target date");
            }
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(link, "link");
        }
    }

    /**
     * Hands out a new URL for a plan's or a person's feed. A person's earlier URLs stop working (one live link each, so
     * that asking again is how someone who shared theirs by mistake shuts it); a plan may have many, one per audience.
     *
     * @param by who asked, for the audit trail
     * @throws UserFixableException when the tenant has no such plan or person
     */
    public Issued issue(String tenantSlug, CalendarFeed.Kind kind, String name, String by, Source source) {
        Tenant tenant = tenant(tenantSlug);
        String canonical = canonicalName(tenant, kind, name);
        String secret = Secrets.newSecret();
        Instant now = clock.instant();
        CalendarFeed feed = db.inTransaction(h -> {
            if (kind == CalendarFeed.Kind.PERSON) {
                for (String old : feeds.revokeAll(tenant, kind, canonical, now)) {
                    audit.append(tenant, event(now, by, source, old, "revoked", "replaced by a new link"));
                }
            }
            CalendarFeed added = feeds.add(tenant, kind, canonical, Secrets.sha256Hex(secret), by, now);
            audit.append(tenant, new AuditEvent(now, by, source, "calendar-feed", added.handle(), "issued", null,
                    kind.word() + " " + canonical, null));
            return added;
        });
        return new Issued(URI.create(base() + PATH + secret + SUFFIX), feed.handle());
    }

    /**
     * Revokes a feed URL by its handle: its secret is refused from then on.
     *
     * @throws UserFixableException when the tenant has no live feed with that handle
     */
    public CalendarFeed revoke(String tenantSlug, String handle, String by, Source source) {
        Tenant tenant = tenant(tenantSlug);
        String h0 = handle == null ? "" : handle.strip();
        Instant now = clock.instant();
        return db.inTransaction(h -> {
            if (!feeds.revoke(tenant, h0, now)) {
                throw new UserFixableException("There is no calendar link " + h0 + " to revoke here: `./planbot ical list`"
                        + " shows the links and their handles.");
            }
            audit.append(tenant, event(now, by, source, h0, "revoked", null));
            return feeds.findByHandle(tenant, h0).orElseThrow();
        });
    }

    /** The tenant's feed URLs (handles, never secrets), newest first. */
    public List<CalendarFeed> list(String tenantSlug) {
        return feeds.list(tenant(tenantSlug));
    }

    /**
     * The feed behind a secret as a URL carries it; empty for a secret that is unknown or revoked (the caller answers
     * 404 and says nothing more).
     */
    public Optional<Feed> feed(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<CalendarFeed> found = feeds.findBySecretHash(Secrets.sha256Hex(secret)).filter(CalendarFeed::live);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CalendarFeed f = found.get();
        Optional<Tenant> tenant = tenants.get(f.tenantId());
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        TaskQuery open = TaskQuery.all().open();
        List<TaskRow> rows = f.kind() == CalendarFeed.Kind.PERSON ? tasks.find(tenant.get(), open.ownedBy(f.name()))
                : tasks.find(tenant.get(), open).stream().filter(r -> r.planName().equals(f.name())).toList();
        String base = base();
        // a task page's ref names its plan when the tenant has several (refs may clash): "EN003/01 in south"
        boolean severalPlans = plans.planNames(tenant.get()).size() > 1;
        List<Entry> entries = new ArrayList<>();
        for (TaskRow r : rows) {
            PlanDate target = r.task().target();
            if (target != null && target.isDate()) {
                entries.add(new Entry(r.id(), r.ref(), title(r.task().description()), target,
                        r.task().status() == null ? "no status" : r.task().status().word(),
                        r.task().owner() == null ? "nobody" : r.task().owner(),
                        URI.create(base + "/tasks/" + URLEncoder.encode(severalPlans ? r.ref() + " in " + r.planName() : r.ref(),
                                StandardCharsets.UTF_8).replace("+", "%20"))));
            }
        }
        String title = f.kind() == CalendarFeed.Kind.PERSON ? "planbot: " + f.name() + "'s tasks" : "planbot: " + f.name();
        return Optional.of(new Feed(tenant.get(), title, entries));
    }

    private Tenant tenant(String slug) {
        return tenants.find(slug).orElseThrow(() -> new UserFixableException("There is no council '" + slug
                + "' here: import its plan first, or name another with --tenant."));
    }

    /** The plan's or person's name as stored, so that a feed's query finds it whatever case it was typed in. */
    private String canonicalName(Tenant tenant, CalendarFeed.Kind kind, String name) {
        String typed = name == null ? "" : name.strip();
        if (kind == CalendarFeed.Kind.PLAN) {
            List<String> names = plans.planNames(tenant);
            return names.stream().filter(n -> n.equalsIgnoreCase(typed)).findFirst()
                    .orElseThrow(() -> new UserFixableException("There is no plan '" + typed + "' here: the plans are "
                            + String.join(", ", names) + "."));
        }
        return people.find(tenant, typed).map(planbot.domain.Person::name)
                .orElseThrow(() -> new UserFixableException("There is no person '" + typed + "' in the plan:"
                        + " `./planbot people` lists them."));
    }

    private String base() {
        String b = publicUrl.get().toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static AuditEvent event(Instant at, String by, Source source, String handle, String change, String note) {
        return new AuditEvent(at, by, source, "calendar-feed", handle, change, null, null, note);
    }

    private static String title(String description) {
        String first = description.lines().findFirst().orElse("").strip();
        return first.length() <= TITLE_MAX ? first : first.substring(0, TITLE_MAX - 1).strip() + "…";
    }
}
