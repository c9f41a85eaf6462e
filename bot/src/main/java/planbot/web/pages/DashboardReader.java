package planbot.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import planbot.domain.PlanDate;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestBuilder;
import planbot.scheduler.digest.DigestChart;
import planbot.scheduler.digest.DigestInput;
import planbot.scheduler.digest.DigestScope;
import planbot.scheduler.digest.DigestSource;
import planbot.storage.Database;

/**
 * What the dashboard's overview, lists and timeline show, read through the digest's own {@link DigestSource} and
 * {@link DigestBuilder} (so "overdue", "due soon", "TBC" and "slipped" mean what they mean in the weekly digest), plus
 * each revised task's original target date. No HTTP here.
 *
 * <p>A tenant's {@link Snapshot} is kept until its audit trail grows or the day changes (every change to a plan is
 * audited in the same transaction as the change), looked at no more than once a second, and dropped at once after a
 * change made through the pages: a page shows a change made elsewhere within about a second, and a busy dashboard
 * reads the tasks once per change rather than once per page. Thread-safe; storage failures propagate as
 * {@code StorageException}, an unknown tenant as {@code UserFixableException}.
 */
public final class DashboardReader {
    /** How long a kept snapshot is trusted before the audit trail is looked at again. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final Database db;
    private final DigestSource digests;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Kept> cache = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** A snapshot and when (app clock, millis) its stamp was last compared with the audit trail. */
    private record Kept(Snapshot snapshot, long checkedAt) {
    }

    public DashboardReader(Database db, DigestSource digests, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.digests = Objects.requireNonNull(digests, "digests");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Everything the tenant has, as of now.
     *
     * @param input     the tasks as the digest reads them (plan order), with how often each was revised
     * @param digest    the digest of the week to now: counts, overdue, due soon, TBC, slipped
     * @param originals each revised task's first target date, by {@link #key(String, String)}
     */
    public record Snapshot(long stamp, LocalDate today, DigestInput input, Digest digest, Map<String, PlanDate> originals,
                           Set<String> sharedRefs, AtomicReference<byte[]> chart) {
        /** The digest's chart as SVG, drawn once per snapshot on first use. */
        public byte[] chartSvg() {
            byte[] svg = chart.get();
            if (svg == null) {
                svg = DigestChart.svg(digest);
                chart.compareAndSet(null, svg);
            }
            return svg;
        }

        /** Whether the tenant has more than one plan (so that lists name each task's plan). */
        public boolean severalPlans() {
            return digest.sections().stream().map(Digest.SectionCounts::plan).distinct().limit(2).count() > 1;
        }

        /** Whether another plan of the tenant has a task with this ref (so a link must name the plan). */
        public boolean refShared(String ref) {
            return sharedRefs.contains(ref);
        }
    }

    /** The key of a task in {@link Snapshot#originals}: refs are unique within a plan only. */
    public static String key(String plan, String ref) {
        return plan + '\u0000' + ref;
    }

    /**
     * The tenant's snapshot: the one kept while its audit trail has not grown and the day is the same, checked at most
     * every {@link #RECHECK} (so that a busy dashboard does not count the audit trail on every page); built afresh
     * otherwise, by one thread at a time per tenant.
     */
    public Snapshot snapshot(String tenant) {
        LocalDate today = today();
        long tick = clock.millis();
        Kept kept = cache.get(tenant);
        if (kept != null && kept.snapshot().today().equals(today) && tick - kept.checkedAt() < RECHECK.toMillis()
                && tick >= kept.checkedAt()) {
            return kept.snapshot();
        }
        long stamp = db.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(e.id), 0) FROM audit_event e"
                        + " WHERE e.tenant_id = (SELECT id FROM tenant WHERE slug = ?)")
                .bind(0, tenant).mapTo(Long.class).one());
        synchronized (locks.computeIfAbsent(tenant, k -> new Object())) {
            kept = cache.get(tenant);
            if (kept == null || kept.snapshot().stamp() != stamp || !kept.snapshot().today().equals(today)) {
                kept = new Kept(build(tenant, stamp), tick);
            } else {
                kept = new Kept(kept.snapshot(), tick);
            }
            cache.put(tenant, kept);
            return kept.snapshot();
        }
    }

    /** Forgets the tenant's snapshot: a page calls this after a change it made, so that the next page shows it at once. */
    public void changed(String tenant) {
        cache.remove(tenant);
    }

    private Snapshot build(String tenant, long stamp) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        DigestInput input = digests.read(DigestScope.all(tenant), null, now);
        Set<String> seen = new HashSet<>();
        Set<String> shared = new HashSet<>();
        input.tasks().forEach(t -> {
            if (!seen.add(t.ref())) {
                shared.add(t.ref());
            }
        });
        return new Snapshot(stamp, now.toLocalDate(), input, DigestBuilder.build(input), originals(tenant), shared,
                new AtomicReference<>());
    }

    /** The first target date of every task whose date was revised: the original of its first revision. */
    private Map<String, PlanDate> originals(String tenant) {
        return db.withHandle(h -> {
            Map<String, PlanDate> out = new HashMap<>();
            h.createQuery("SELECT p.name AS plan_name, t.ref, r.from_kind, r.from_date, r.from_precision, r.from_remark,"
                            + " r.from_text, r.to_kind, r.to_date, r.to_precision, r.to_remark, r.to_text"
                            + " FROM target_date_revision r JOIN task t ON t.id = r.task_id JOIN plan p ON p.id = t.plan_id"
                            + " WHERE r.tenant_id = (SELECT id FROM tenant WHERE slug = ?) ORDER BY r.task_id, r.at, r.id")
                    .bind(0, tenant)
                    .map((rs, ctx) -> {
                        PlanDate from = DigestSource.date(rs, "from");
                        String key = key(rs.getString("plan_name"), rs.getString("ref"));
                        // the first revision of a task records its original date as "to", with no "from"
                        return Map.entry(key, from != null ? from : Objects.requireNonNullElse(DigestSource.date(rs, "to"),
                                PlanDate.tbc(null, null)));
                    })
                    .forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
            return Collections.unmodifiableMap(out);
        });
    }

    /** Today in the councils' zone, as the pages count days. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
