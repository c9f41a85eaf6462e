package planbot.scheduler.digest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.domain.Rag;
import planbot.storage.Database;
import planbot.storage.DigestSubscription;
import planbot.storage.OutboxEntry;
import planbot.storage.OutboxRepository;
import planbot.storage.SubscriptionRepository;

/**
 * The digest sweep: for every stored subscription, the {@linkplain DigestSchedule#latestSlot latest slot} at or
 * before now; when that slot's outbox key ({@code dig:{tenant}:{channel}:{isoWeek}}) is not stored yet, the
 * digest is read, built and enqueued as one outbox row, and the subscription's last digest recorded, in one
 * transaction. A Quartz job (or a CLI verb) calls {@link #sweep}; nothing here runs by itself.
 *
 * <p>Why this and not a Quartz cron per subscription: the decision comes from the database (the stored keys),
 * so it is the same whenever and however often the sweep runs. A service that was down for weeks finds only the
 * current week's slot and sends one digest, never one per missed week; a slot at 09:00 London stays at 09:00
 * across both clock changes because slots are wall-clock times in the subscription's zone; a second node, a
 * rerun or a Quartz misfire stores nothing twice. A new subscription gets the current week's digest at its
 * first sweep (see {@link DigestSchedule}).
 *
 * <p>The digest covers the time since the subscription's last digest (so after three missed weeks, "completed
 * since the last digest" covers all three), or the week before when there was none. The row's payload says what
 * a renderer needs to rebuild the same digest ({@link DigestSource#read} with the payload's scope, {@code since}
 * and {@code at} in its {@code zone}) and a summary of what this one found.
 *
 * <p>One digest per channel per week: when a tenant has several subscriptions on one channel (different plans
 * or sections), they share the week's key, and only the one added first is sent; the others are reported in
 * the log whenever that happens. Give each section its own channel.
 *
 * <p>Thread-safe. A subscription that fails (a plan or section the tenant does not have, a storage error) is
 * reported in the result with its error and the others go on; only a failure to list the subscriptions or
 * look up the keys is thrown ({@code StorageException}).
 */
public final class DigestSweep {
    private static final Logger LOG = LoggerFactory.getLogger(DigestSweep.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outbox kind of a digest row. */
    public static final String KIND = "DIGEST";
    /** The outbox recipient kind of a digest row: {@code recipient_name} is the channel. */
    public static final String RECIPIENT = planbot.storage.RecipientKind.CHANNEL.name();

    private final Database db;
    private final SubscriptionRepository subscriptions;
    private final DigestSource source;
    private final OutboxRepository outbox;
    private final Clock clock;

    public DigestSweep(Database db, SubscriptionRepository subscriptions, DigestSource source, OutboxRepository outbox,
                       Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.source = Objects.requireNonNull(source, "source");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sweeps every subscription at the clock's now. */
    public DigestSweepResult sweepNow() {
        return sweep(clock.instant());
    }

    /** Sweeps every subscription as at {@code at}. */
    public DigestSweepResult sweep(Instant at) {
        Objects.requireNonNull(at, "at");
        List<DigestSubscription> all = subscriptions.listAll();
        List<DigestSweepResult.Failure> failed = new ArrayList<>();
        // the week's key of each subscription; several on one channel share one, and the first (by id) owns it
        Map<String, List<Due>> byKey = new LinkedHashMap<>();
        for (DigestSubscription stored : all) {
            try {
                Subscription s = new Subscription(stored.tenant().slug(), stored.channel(), stored.plan(), stored.section(),
                        stored.day(), stored.time(), stored.zone());
                DigestSchedule.Slot slot = DigestSchedule.latestSlot(s, at);
                if (stored.lastDigestAt() != null && !stored.lastDigestAt().isBefore(slot.at().toInstant())) {
                    continue; // built at or after this slot already: its row may have been purged since
                }
                byKey.computeIfAbsent(DigestSchedule.outboxKey(s, slot), k -> new ArrayList<>())
                        .add(new Due(stored, s, slot));
            } catch (RuntimeException e) {
                failed.add(new DigestSweepResult.Failure(stored, e));
            }
        }
        Set<String> known = byKey.isEmpty() ? Set.of() : outbox.existingKeys(byKey.keySet());

        List<DigestSweepResult.Sent> sent = new ArrayList<>();
        for (Map.Entry<String, List<Due>> e : byKey.entrySet()) {
            if (known.contains(e.getKey())) {
                continue;
            }
            Due due = e.getValue().get(0);
            if (e.getValue().size() > 1) {
                LOG.warn("tenant {}: channel {} has {} digest subscriptions but gets one digest a week; {} is sent for {},"
                                + " not {}", due.stored.tenant().slug(), due.stored.channel(), e.getValue().size(),
                        due.subscription.scope().describe(), e.getKey(), others(e.getValue()));
            }
            try {
                DigestSweepResult.Sent s = send(due, e.getKey(), at);
                if (s != null) {
                    sent.add(s);
                }
            } catch (RuntimeException ex) {
                failed.add(new DigestSweepResult.Failure(due.stored, ex));
            }
        }
        if (!sent.isEmpty() || !failed.isEmpty()) {
            LOG.info("digest sweep at {}: {} subscriptions, {} digests enqueued, {} failed", at, all.size(), sent.size(),
                    failed.size());
        }
        return new DigestSweepResult(at, all.size(), sent, failed);
    }

    /** Reads, builds and enqueues one digest with its subscription's mark; null if another sweep got there first. */
    private DigestSweepResult.Sent send(Due due, String key, Instant at) {
        ZonedDateTime now = at.atZone(due.subscription.zone());
        return db.transaction(() -> {
            DigestInput in = source.read(due.subscription.scope(), due.stored.lastDigestAt(), now);
            Digest digest = DigestBuilder.build(in);
            OutboxEntry entry = new OutboxEntry(due.stored.tenant().id(), key, KIND, null, RECIPIENT, due.stored.channel(),
                    payload(due, digest));
            if (outbox.enqueue(List.of(entry), at).isEmpty()) {
                return null; // another node or run stored this week's key between our look-up and now
            }
            subscriptions.recordDigest(due.stored.id(), at);
            return new DigestSweepResult.Sent(due.stored, key, due.slot.at(), digest);
        });
    }

    /**
     * The row's JSON: the scope, zone and period to rebuild the digest with, the slot it is for, and a summary of
     * what it found (so a dispatcher can tell a quiet week without rebuilding it).
     */
    static String payload(Due due, Digest d) {
        ObjectNode json = JSON.createObjectNode();
        json.put("type", "digest");
        json.put("tenant", due.subscription.tenant());
        json.put("channel", due.subscription.channel());
        json.put("plan", due.subscription.plan());
        json.put("section", due.subscription.section());
        json.put("scope", due.subscription.scope().describe());
        json.put("zone", due.subscription.zone().getId());
        json.put("isoWeek", due.slot.isoWeek());
        json.put("slot", due.slot.at().toInstant().toString());
        json.put("since", d.period().from().toInstant().toString());
        json.put("at", d.period().to().toInstant().toString());
        json.put("quiet", d.isQuiet());
        ObjectNode totals = json.putObject("totals");
        totals.put("tasks", d.totals().total());
        for (Rag rag : Rag.values()) {
            totals.put(rag.name().toLowerCase(java.util.Locale.ROOT), d.totals().of(rag));
        }
        json.put("overdue", d.overdue().size());
        json.put("dueSoon", d.dueSoon().size());
        json.put("completed", d.completed().size());
        json.put("slipped", d.slipped().size());
        json.put("silentOwners", d.silentOwners().size());
        json.put("tbc", d.tbc().size());
        return json.toString();
    }

    private static String others(List<Due> sharing) {
        Set<String> scopes = new LinkedHashSet<>();
        for (int i = 1; i < sharing.size(); i++) {
            scopes.add(sharing.get(i).subscription.scope().describe());
        }
        return String.join("; ", scopes);
    }

    /** A subscription whose latest slot may still need its digest. */
    static final class Due {
        final DigestSubscription stored;
        final Subscription subscription;
        final DigestSchedule.Slot slot;

        Due(DigestSubscription stored, Subscription subscription, DigestSchedule.Slot slot) {
            this.stored = stored;
            this.subscription = subscription;
            this.slot = slot;
        }
    }
}
