package planbot.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.storage.AuditRepository;
import planbot.storage.Database;
import planbot.storage.OutboxEntry;
import planbot.storage.OutboxMessage;
import planbot.storage.OutboxRepository;
import planbot.storage.Tenant;
import planbot.storage.TenantRepository;

/**
 * Delivers the outbox (DESIGN §8): claims due rows, builds each one's {@link Notice}, routes it to a
 * {@link Recipient}, sends it through that platform's {@link Messenger}, and records what happened on the row.
 *
 * <ul>
 *   <li><b>Sent</b>: the row becomes SENT with the platform's message id, and a reminder gets a "reminder sent"
 *       audit event, in one small transaction right after the send. A crash between the send and that commit
 *       leaves the row claimed; when its claim lapses it is sent again. Rows are sent and recorded one at a time,
 *       so a crash repeats at most the one message that was in flight.</li>
 *   <li><b>Skipped</b>: a reminder that no longer applies to its task as it is now (finished, its target date
 *       moved, snoozed; see {@link NoticeBuilder}) becomes SKIPPED with the reason, and gets a "reminder skipped"
 *       audit event, in one transaction. Nothing is sent and nobody is told: it is not a failure.</li>
 *   <li><b>Retry later</b>: back to NEW, due after the platform's {@code retryAfter} when it gave one (and the
 *       whole channel waits that long), else after the {@link Backoff}; after {@link DeliveryConfig#maxAttempts()}
 *       attempts it is given up on as below.</li>
 *   <li><b>Permanent</b> (or {@link Undeliverable}, or out of attempts): DEAD with the reason, and in the same
 *       transaction one {@link AdminNotice} enqueued for the tenant's admin under the key {@code dead:{outbox id}},
 *       so a row is reported once however often this runs. An admin notice that itself dies is only logged.</li>
 *   <li><b>Pacing</b>: at most one message per {@link Messenger#pace()} to a channel. A claimed row whose channel
 *       is not free yet is handed back unsent (without counting an attempt), due at the channel's next free slot;
 *       rows for the same channel in one pass get successive slots. Pacing is per process: several nodes each keep
 *       their own, and the platform's rate-limit answers cover the rest.</li>
 * </ul>
 *
 * <p>Nothing here sleeps inside a transaction: claiming, recording and handing back are each their own short
 * transaction, and sends happen between them. {@link #runOnce()} is one pass (tests call it with a clock they
 * move); {@link #start()} runs passes on a background thread until {@link #stop()}, which lets the message in
 * flight finish and hands the rest of the batch back. Time comes from the injected {@link Clock}.
 *
 * <p>Thread-safe: passes are serialised. A failure of one row is logged with its key and handled as above; a
 * storage failure ends the pass (the background loop logs it and tries again after its idle wait), and rows it
 * left claimed come back when their claim lapses.
 */
public final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** The outbox kind and recipient kind of the admin notices this dispatcher enqueues. */
    public static final String ADMIN = "ADMIN";
    static final String ACTOR = "scheduler";

    private final Database db;
    private final OutboxRepository outbox;
    private final TenantRepository tenants;
    private final AuditRepository audit;
    private final NoticeBuilder notices;
    private final Routing routing;
    private final Map<String, Messenger> messengers = new HashMap<>();
    private final DeliveryConfig config;
    private final Clock clock;
    private final DoubleSupplier random;

    private final Map<Long, Tenant> tenantCache = new ConcurrentHashMap<>();
    /** The earliest moment each channel may take its next message. */
    private final Map<String, Instant> channelFree = new ConcurrentHashMap<>();
    private final Object passLock = new Object();
    private final Object wakeLock = new Object();
    private volatile boolean stopping;
    private boolean woken;
    private Thread loop;

    public OutboxDispatcher(Database db, OutboxRepository outbox, TenantRepository tenants, AuditRepository audit,
                            NoticeBuilder notices, Routing routing, List<Messenger> messengers, DeliveryConfig config,
                            Clock clock) {
        this(db, outbox, tenants, audit, notices, routing, messengers, config, clock,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random numbers in [0, 1) for the backoff's jitter (tests pass a constant) */
    public OutboxDispatcher(Database db, OutboxRepository outbox, TenantRepository tenants, AuditRepository audit,
                            NoticeBuilder notices, Routing routing, List<Messenger> messengers, DeliveryConfig config,
                            Clock clock, DoubleSupplier random) {
        this.db = Objects.requireNonNull(db, "db");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        for (Messenger m : messengers) {
            if (this.messengers.put(m.platform(), m) != null) {
                throw new IllegalArgumentException("two messengers for the platform " + m.platform());
            }
        }
    }

    /**
     * One pass: claims up to {@link DeliveryConfig#batchSize()} due rows and delivers, retries, defers or gives up
     * on each. Never sleeps.
     *
     * @throws planbot.storage.StorageException when the database fails; rows already handled stay handled
     */
    public DispatchReport runOnce() {
        synchronized (passLock) {
            List<OutboxMessage> claimed = outbox.claim(config.batchSize(), clock.instant(), config.lease());
            if (claimed.isEmpty()) {
                return DispatchReport.empty();
            }
            Pass pass = new Pass(claimed.size());
            for (int i = 0; i < claimed.size(); i++) {
                OutboxMessage row = claimed.get(i);
                if (stopping) {
                    // hand the rest back for the next start, instead of leaving them claimed until the lease lapses
                    for (int j = i; j < claimed.size(); j++) {
                        outbox.release(claimed.get(j).id(), clock.instant());
                        pass.deferred++;
                    }
                    break;
                }
                deliver(row, pass);
            }
            return pass.report();
        }
    }

    private void deliver(OutboxMessage row, Pass pass) {
        OutboxEntry e = row.entry();
        Instant now = clock.instant();
        Tenant tenant;
        Notice notice;
        Recipient to;
        try {
            tenant = tenant(e.tenantId());
            notice = notices.toSend(tenant, row, now);
            to = routing.route(tenant, e);
        } catch (NoLongerDue stale) {
            skip(row, stale.reason(), pass);
            return;
        } catch (Undeliverable u) {
            giveUp(row, u.reason(), pass);
            return;
        } catch (RuntimeException ex) {
            LOG.error("outbox {} ({}): cannot prepare the message; will try again", row.id(), e.key(), ex);
            retry(row, null, "it could not be prepared (an internal error; see the log)", pass);
            return;
        }
        Messenger messenger = messengers.get(to.platform());
        if (messenger == null) {
            giveUp(row, "there is no messenger for the platform '" + to.platform() + "' it is routed to", pass);
            return;
        }

        // pacing: send only when the channel is free and nothing of this pass is already waiting for it
        String channel = to.channel();
        Instant free = channelFree.getOrDefault(channel, Instant.MIN);
        Instant queued = pass.slots.get(channel);
        if (queued != null || free.isAfter(now)) {
            Instant slot = queued != null ? queued : free;
            if (outbox.release(row.id(), slot)) {
                pass.deferred++;
                pass.nextSlot = pass.nextSlot == null || slot.isBefore(pass.nextSlot) ? slot : pass.nextSlot;
            }
            pass.slots.put(channel, slot.plus(messenger.pace()));
            return;
        }

        SendResult result;
        try {
            result = messenger.send(notice, to);
        } catch (RuntimeException ex) {
            LOG.error("outbox {} ({}): the {} messenger failed unexpectedly; will try again", row.id(), e.key(),
                    to.platform(), ex);
            result = new SendResult.RetryLater(null, "the " + to.platform() + " messenger failed unexpectedly (see the log)");
        }
        Instant after = clock.instant();
        channelFree.merge(channel, after.plus(messenger.pace()), (a, b) -> a.isAfter(b) ? a : b);

        if (result instanceof SendResult.Sent) {
            recordSent(row, tenant, notice, to, ((SendResult.Sent) result).platformMessageId(), after);
            pass.sent++;
        } else if (result instanceof SendResult.RetryLater) {
            SendResult.RetryLater later = (SendResult.RetryLater) result;
            if (later.retryAfter() != null) {
                // the platform said how long: the whole channel waits, not only this row
                channelFree.merge(channel, after.plus(later.retryAfter()), (a, b) -> a.isAfter(b) ? a : b);
            }
            retry(row, later.retryAfter(), later.reason(), pass);
        } else {
            giveUp(row, ((SendResult.Permanent) result).reason(), pass);
        }
    }

    /** SENT with the message id, and the audit event of a reminder, in one transaction. */
    private void recordSent(OutboxMessage row, Tenant tenant, Notice notice, Recipient to, String messageId, Instant at) {
        db.transaction(() -> {
            outbox.markSent(row.id(), messageId, at);
            if (notice instanceof ReminderNotice) {
                ReminderNotice r = (ReminderNotice) notice;
                audit.append(tenant, new AuditEvent(at, ACTOR, Source.SCHEDULER, "reminder", r.taskRef(), "reminder sent",
                        null, r.kind().name() + " to " + to.name() + " on " + to.platform(), null));
            }
            return null;
        });
        LOG.debug("outbox {} ({}) sent to {} as {}", row.id(), row.key(), to.channel(), messageId);
    }

    /** SKIPPED with the reason, and a "reminder skipped" audit event, in one transaction; nobody is told. */
    private void skip(OutboxMessage row, String reason, Pass pass) {
        OutboxEntry e = row.entry();
        Instant now = clock.instant();
        String taskRef = NoticeBuilder.taskRef(e);
        boolean marked = db.transaction(() -> {
            if (!outbox.markSkipped(row.id(), reason)) {
                return false;
            }
            findTenant(e.tenantId()).ifPresent(t -> audit.append(t, new AuditEvent(now, ACTOR, Source.SCHEDULER, "reminder",
                    taskRef != null ? taskRef : "task " + e.taskId(), "reminder skipped", null, e.kind(), reason)));
            return true;
        });
        if (marked) {
            pass.skipped++;
            LOG.info("outbox {} ({}) skipped: {}", row.id(), e.key(), reason);
        }
    }

    private void retry(OutboxMessage row, Duration retryAfter, String reason, Pass pass) {
        if (row.attempts() >= config.maxAttempts()) {
            giveUp(row, reason + " (gave up after " + ReminderNotice.count(row.attempts(), "attempt") + ")", pass);
            return;
        }
        Duration wait = retryAfter != null ? retryAfter : config.backoff().delay(row.attempts(), random.getAsDouble());
        Instant at = clock.instant().plus(wait);
        if (outbox.markFailed(row.id(), reason, at)) {
            pass.retried++;
            LOG.warn("outbox {} ({}): attempt {} failed ({}); next at {}", row.id(), row.key(), row.attempts(), reason, at);
        }
    }

    /** DEAD with the reason, and one admin notice about it, in one transaction. */
    private void giveUp(OutboxMessage row, String reason, Pass pass) {
        OutboxEntry e = row.entry();
        boolean isAdmin = ADMIN.equals(e.kind());
        Instant now = clock.instant();
        String taskRef = NoticeBuilder.taskRef(e);
        boolean marked = db.transaction(() -> {
            if (!outbox.markFailed(row.id(), reason, null)) {
                return false;
            }
            if (!isAdmin) {
                outbox.enqueue(List.of(new OutboxEntry(e.tenantId(), "dead:" + row.id(), ADMIN, e.taskId(), ADMIN, null,
                        NoticeBuilder.adminPayload(e.key(), describe(e, taskRef), reason, row.attempts()))), now);
            }
            if (taskRef != null && !isAdmin && e.taskId() != null) {
                findTenant(e.tenantId()).ifPresent(t -> audit.append(t, new AuditEvent(now, ACTOR, Source.SCHEDULER,
                        "reminder", taskRef, "reminder undelivered", null, e.kind(), reason)));
            }
            return true;
        });
        if (marked) {
            pass.dead++;
            if (isAdmin) {
                LOG.error("outbox {} ({}): the admin notice could not be delivered either, and is dead: {}", row.id(),
                        e.key(), reason);
            } else {
                LOG.warn("outbox {} ({}) is dead: {}; the admin is told", row.id(), e.key(), reason);
            }
        }
    }

    /** "the OVERDUE reminder about EN003/01 for HoP", "the digest for slack:C123". */
    static String describe(OutboxEntry e, String taskRef) {
        String who = e.recipientName() != null ? e.recipientName()
                : "MANAGER_CHANNEL".equals(e.recipientKind()) ? "the manager channel"
                : "the " + e.recipientKind().toLowerCase(Locale.ROOT);
        if ("DIGEST".equals(e.kind())) {
            return "the digest for " + who;
        }
        return "the " + e.kind() + " reminder" + (taskRef == null ? "" : " about " + taskRef) + " for " + who;
    }

    private Tenant tenant(long id) throws Undeliverable {
        Optional<Tenant> t = findTenant(id);
        if (t.isEmpty()) {
            throw new Undeliverable("its tenant (id " + id + ") no longer exists");
        }
        return t.get();
    }

    private Optional<Tenant> findTenant(long id) {
        Tenant cached = tenantCache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Tenant> found = tenants.get(id);
        found.ifPresent(t -> tenantCache.put(id, t));
        return found;
    }

    // ---- the background loop

    /** Starts passing over the outbox on a background thread; does nothing if it is running. */
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        stopping = false;
        loop = new Thread(this::loop, "outbox-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Stops the background loop: the message being sent is finished and recorded, the rest of the batch handed
     * back, and this returns when the thread has ended. Safe to call when not running.
     */
    public synchronized void stop() {
        Thread running = loop;
        if (running == null) {
            return;
        }
        stopping = true;
        wake();
        try {
            running.join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    /** Makes the background loop look at the outbox now (a sweep that has just enqueued calls this). */
    public void wake() {
        synchronized (wakeLock) {
            woken = true;
            wakeLock.notifyAll();
        }
    }

    private void loop() {
        while (!stopping) {
            DispatchReport report = null;
            try {
                report = runOnce();
            } catch (RuntimeException ex) {
                LOG.error("outbox dispatcher pass failed; trying again shortly", ex);
            }
            if (stopping) {
                break;
            }
            if (report != null && report.claimed() == config.batchSize()) {
                continue; // a full batch: more may be due (rows deferred in it are not, so this cannot spin)
            }
            Duration wait = config.idlePoll();
            if (report != null && report.nextSlot() != null) {
                Duration untilSlot = Duration.between(clock.instant(), report.nextSlot());
                wait = untilSlot.compareTo(wait) < 0 ? untilSlot : wait;
            }
            pause(wait);
        }
    }

    private void pause(Duration wait) {
        long ms = Math.max(1, wait.toMillis());
        synchronized (wakeLock) {
            long until = System.nanoTime() + ms * 1_000_000L;
            while (!woken && !stopping) {
                long left = (until - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                try {
                    wakeLock.wait(left);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            woken = false;
        }
    }

    /** What one pass has done so far, and the slots it has given out per channel. */
    private static final class Pass {
        final int claimed;
        final Map<String, Instant> slots = new HashMap<>();
        int sent;
        int retried;
        int dead;
        int skipped;
        int deferred;
        Instant nextSlot;

        Pass(int claimed) {
            this.claimed = claimed;
        }

        DispatchReport report() {
            return new DispatchReport(claimed, sent, retried, dead, skipped, deferred, nextSlot);
        }
    }
}
