package planbot.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import planbot.domain.AuditEvent;
import planbot.domain.Source;
import planbot.domain.UkDates;
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
 * <p><b>One message per recipient per moment</b>: the reminders of one tenant's sweep (rows with one
 * {@link OutboxMessage#createdAt()}) routed to one channel go as one {@link ReminderGroup} (a single one as its own
 * {@link ReminderNotice}), so an officer with 12 overdue tasks gets one message. A sweep's rows are claimed together
 * ({@link OutboxRepository#claimWithTheirMoment}), so the batch limit never splits them. Rows stay one per task: each
 * is skipped, sent, retried or given up on as below, and what happens to a message happens to each of its rows.
 * Digests and admin notices are never grouped.
 *
 * <ul>
 *   <li><b>Sent</b>: every row of the message becomes SENT with the platform's message id, and each reminder gets a
 *       "reminder sent" audit event, in one small transaction right after the send. A crash between the send and
 *       that commit leaves the rows claimed; when their claim lapses they are sent again. Messages are sent and
 *       recorded one at a time, so a crash repeats at most the one message that was in flight.</li>
 *   <li><b>Skipped</b>: a reminder that no longer applies to its task as it is now (finished, its target date
 *       moved, snoozed; see {@link NoticeBuilder}) becomes SKIPPED with the reason, and gets a "reminder skipped"
 *       audit event, in one transaction; it drops out of its message. Nothing is sent about it and nobody is told:
 *       it is not a failure.</li>
 *   <li><b>Held</b>: a row nobody can be reached for <i>yet</i> ({@link NotReachableYet}: no chat account linked and
 *       no plan channel, no manager channel) becomes HELD with the reason, without counting an attempt, and waits
 *       until whoever changes the set-up calls {@link OutboxRepository#releaseHeld} (and at {@link #start()}); then it
 *       is claimed, checked for being still due and routed as any other row. Nobody is told per row: a tenant's admin
 *       gets one {@link HeldSummary} a day (see summariseHeld). An admin notice is never held: it dies.</li>
 *   <li><b>Retry later</b>: back to NEW, due after the platform's {@code retryAfter} when it gave one (and the
 *       whole channel waits that long), else after the {@link Backoff}, all rows of a message due at one moment (so
 *       that they go together again); after {@link DeliveryConfig#maxAttempts()} attempts a row is given up on as
 *       below.</li>
 *   <li><b>Permanent</b> (or {@link Undeliverable}, or out of attempts): DEAD with the reason, and in the same
 *       transaction one {@link AdminNotice} about all the rows of the message enqueued for the tenant's admin under
 *       the key {@code dead:{first outbox id}}, so a row is reported once however often this runs. An admin notice
 *       that itself dies is only logged.</li>
 *   <li><b>Pacing</b>: at most one message per {@link Messenger#pace()} to a channel. A claimed message whose
 *       channel is not free yet is handed back unsent (its rows without counting an attempt), due at the channel's
 *       next free slot; messages for the same channel in one pass get successive slots. Pacing is per process:
 *       several nodes each keep their own, and the platform's rate-limit answers cover the rest.</li>
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
    /** The MDC keys naming what a log line is about: the tenant's slug, the outbox row's id. */
    public static final String LOG_TENANT = "tenant";
    public static final String LOG_OUTBOX_ID = "outbox_id";
    /** The outbox kind and recipient kind of the admin notices this dispatcher enqueues. */
    public static final String ADMIN = "ADMIN";
    static final String ACTOR = "scheduler";
    /** The key prefix of the admin's daily summary of held rows: {@code held:{tenant}:{date}}. */
    public static final String HELD_KEY = "held:";
    /** How often a running dispatcher looks whether a tenant's daily summary of held rows is due. */
    static final Duration HELD_CHECK = Duration.ofMinutes(15);
    /** Refs an admin notice about a message of several reminders names before "and N more". */
    private static final int DESCRIBED_REFS = 10;

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
    private final io.micrometer.core.instrument.MeterRegistry meters;

    private final Map<Long, Tenant> tenantCache = new ConcurrentHashMap<>();
    /** The earliest moment each channel may take its next message. */
    private final Map<String, Instant> channelFree = new ConcurrentHashMap<>();
    /** Per tenant, the day its summary of held rows was last enqueued (or logged) by this process. */
    private final Map<Long, java.time.LocalDate> summarised = new ConcurrentHashMap<>();
    private Instant nextHeldCheck = Instant.MIN;
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
        this(db, outbox, tenants, audit, notices, routing, messengers, config, clock, random,
                new io.micrometer.core.instrument.composite.CompositeMeterRegistry());
    }

    /**
     * @param meters where each row's outcome is counted: {@code planbot.outbox.messages} by outcome (sent, skipped, dead)
     *               and platform ("none" for a row that was skipped or given up before it was routed)
     */
    public OutboxDispatcher(Database db, OutboxRepository outbox, TenantRepository tenants, AuditRepository audit,
                            NoticeBuilder notices, Routing routing, List<Messenger> messengers, DeliveryConfig config,
                            Clock clock, DoubleSupplier random, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
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
     * One pass: claims up to {@link DeliveryConfig#batchSize()} due rows (with the rest of their tenant's moment, see
     * {@link OutboxRepository#claimWithTheirMoment}), prepares each, and sends, retries, defers or gives up on each
     * message: the reminders of one tenant's moment (one sweep's: rows of one {@link OutboxMessage#createdAt()}) routed to
     * one channel are one message. Never sleeps.
     *
     * @throws planbot.storage.StorageException when the database fails; rows already handled stay handled
     */
    public DispatchReport runOnce() {
        synchronized (passLock) {
            List<OutboxMessage> claimed = outbox.claimWithTheirMoment(config.batchSize(), clock.instant(), config.lease());
            if (claimed.isEmpty()) {
                summariseHeld(false);
                return DispatchReport.empty();
            }
            Pass pass = new Pass(claimed.size());
            List<Part> parts = new ArrayList<>();
            for (OutboxMessage row : claimed) {
                Part part = prepare(row, pass);
                if (part != null) {
                    parts.add(part);
                }
            }
            List<Message> messages = new ArrayList<>();
            Map<String, Message> reminders = new HashMap<>();
            for (Part part : latestOfEachFamily(parts, pass)) {
                OutboxMessage row = part.row;
                if (part.notice instanceof ReminderNotice) {
                    // one message per recipient and moment: a sweep's reminders for one channel of a tenant go together
                    String recipient = part.tenant.id() + " " + row.createdAt().toEpochMilli() + " " + part.to.channel();
                    reminders.computeIfAbsent(recipient, k -> add(messages, new Message())).parts.add(part);
                } else {
                    add(messages, new Message()).parts.add(part);
                }
            }
            for (Message m : messages) {
                if (stopping) {
                    // hand the rest back for the next start, instead of leaving them claimed until the lease lapses
                    for (OutboxMessage row : m.rows()) {
                        outbox.release(row.id(), clock.instant());
                        pass.deferred++;
                    }
                    continue;
                }
                send(m, pass);
            }
            if (pass.held > 0) {
                LOG.info("{} held until set-up lets them go out (the admin gets one summary a day)",
                        ReminderNotice.count(pass.held, "message"));
            }
            summariseHeld(pass.held > 0);
            return pass.report();
        }
    }

    /**
     * The parts without the reminders a later one of the same family replaces: a task held for days (nobody could be
     * reached) has a reminder of each of those days, and released together only the latest of each family is worth
     * sending — "overdue" says what "due today" would have. The others are SKIPPED, audited, with the reason.
     */
    private List<Part> latestOfEachFamily(List<Part> parts, Pass pass) {
        Map<String, Part> latest = new HashMap<>();
        for (Part p : parts) {
            if (p.notice instanceof ReminderNotice) {
                ReminderNotice r = (ReminderNotice) p.notice;
                latest.merge(familyOf(p, r), p, (a, b) -> momentOf(a).compareTo(momentOf(b)) >= 0 ? a : b);
            }
        }
        List<Part> kept = new ArrayList<>();
        for (Part p : parts) {
            if (p.notice instanceof ReminderNotice) {
                ReminderNotice r = (ReminderNotice) p.notice;
                Part winner = latest.get(familyOf(p, r));
                if (winner != p) {
                    ReminderNotice newer = (ReminderNotice) winner.notice;
                    skip(p.row, r.taskRef() + " has a later reminder going out now (" + newer.kind().name() + " of "
                            + UkDates.format(java.time.LocalDate.parse(momentOf(winner))) + ")", p.to.platform(), pass);
                    continue;
                }
            }
            kept.add(p);
        }
        return kept;
    }

    /** A task's reminders of one family for one kind of recipient: of these, only the latest is worth sending. */
    private static String familyOf(Part p, ReminderNotice r) {
        return p.tenant.id() + " " + r.taskId() + " " + r.kind().family() + " " + p.row.entry().recipientKind();
    }

    /** The day a reminder row is for: the last part of its key ({@code rem:…:2023-05-16}). */
    private static String momentOf(Part p) {
        String key = p.row.key();
        return key.substring(key.lastIndexOf(':') + 1);
    }

    /**
     * The admin's daily summary of held rows (DESIGN §8: one summary, never a notice per row), for each tenant with held
     * rows, from its send-at time on: enqueued under {@code held:{tenant}:{date}} (UNIQUE, so once a day whatever the
     * node count) for the admin channel (else the manager channel, or the console); where neither is set, one row per
     * admin reachable by DM ({@code held:{tenant}:{date}:{name}}); where no admin is reachable, one log line a day.
     * Looks at most every {@link #HELD_CHECK}, or at once after a pass that held rows.
     */
    private void summariseHeld(boolean heldNow) {
        Instant now = clock.instant();
        if (!heldNow && now.isBefore(nextHeldCheck)) {
            return;
        }
        nextHeldCheck = now.plus(HELD_CHECK);
        for (long id : outbox.tenantsWithHeld()) {
            Optional<Tenant> found = findTenant(id);
            if (found.isEmpty()) {
                continue;
            }
            Tenant tenant = found.get();
            planbot.scheduler.reminder.ReminderPolicy policy = notices.policy(tenant);
            java.time.ZonedDateTime local = now.atZone(policy.zone());
            java.time.LocalDate today = local.toLocalDate();
            if (local.toLocalTime().isBefore(policy.sendAt()) || today.equals(summarised.get(id))) {
                continue;
            }
            String key = HELD_KEY + id + ":" + today;
            String payload = "{\"type\":\"held\"}";
            List<OutboxEntry> rows = new ArrayList<>();
            OutboxEntry toChannel = new OutboxEntry(id, key, ADMIN, null, ADMIN, null, payload);
            try {
                routing.route(tenant, toChannel);
                rows.add(toChannel);
            } catch (Undeliverable noChannel) {
                for (String admin : routing.admins(tenant)) {
                    OutboxEntry dm = new OutboxEntry(id, key + ":" + admin, ADMIN, null, ADMIN, admin, payload);
                    try {
                        routing.route(tenant, dm);
                        rows.add(dm);
                    } catch (Undeliverable notLinked) {
                        // an admin with no chat account: the others (or the log line below) tell
                    }
                }
            }
            if (rows.isEmpty()) {
                HeldSummary summary = new HeldSummary(0, key, outbox.held(tenant));
                LOG.warn("{}: {} ({}); no admin can be reached to be told: /plan channel admin #channel",
                        tenant.slug(), summary.heading(), summary.text().replace('\n', ' '));
            } else {
                outbox.enqueue(rows, now);
            }
            summarised.put(id, today);
        }
    }

    private static Message add(List<Message> messages, Message m) {
        messages.add(m);
        return m;
    }

    /** The row's notice and recipient; null when the row is already handled (skipped, dead, to be retried). */
    private Part prepare(OutboxMessage row, Pass pass) {
        OutboxEntry e = row.entry();
        tag(row, null);
        try {
            Tenant tenant = tenant(e.tenantId());
            tag(row, tenant);
            Notice notice;
            if (e.key().startsWith(HELD_KEY)) {
                List<OutboxRepository.HeldCount> held = outbox.held(tenant);
                if (held.isEmpty()) {
                    outbox.markSkipped(row.id(), "nothing was waiting any more when its turn came");
                    pass.skipped++;
                    count("skipped", NOT_ROUTED, 1);
                    return null;
                }
                notice = new HeldSummary(row.id(), e.key(), held);
            } else {
                notice = notices.toSend(tenant, row, clock.instant());
            }
            return new Part(row, tenant, notice, routing.route(tenant, e));
        } catch (NoLongerDue stale) {
            skip(row, stale.reason(), NOT_ROUTED, pass);
        } catch (NotReachableYet u) {
            if (ADMIN.equals(e.kind())) {
                giveUp(List.of(row), u.reason(), NOT_ROUTED, pass); // an admin notice is never held: it would wait for itself
            } else if (outbox.markHeld(row.id(), u.reason())) {
                pass.held++;
                LOG.debug("outbox {} ({}) held: {}", row.id(), e.key(), u.reason());
            }
        } catch (Undeliverable u) {
            giveUp(List.of(row), u.reason(), NOT_ROUTED, pass);
        } catch (RuntimeException ex) {
            LOG.error("outbox {} ({}): cannot prepare the message; will try again", row.id(), e.key(), ex);
            retry(List.of(row), null, "it could not be prepared (an internal error; see the log)", NOT_ROUTED, pass);
        } finally {
            untag();
        }
        return null;
    }

    /** Sends one message, every log line written meanwhile naming its (first) row and tenant. */
    private void send(Message m, Pass pass) {
        tag(m.parts.get(0).row, m.parts.get(0).tenant);
        try {
            deliver(m, pass);
        } finally {
            untag();
        }
    }

    /**
     * Names the row (and its tenant, once known) in the MDC, so that each log line written while it is handled carries
     * them: fields {@value #LOG_OUTBOX_ID} and {@value #LOG_TENANT} of a JSON log line.
     */
    private static void tag(OutboxMessage row, Tenant tenant) {
        MDC.put(LOG_OUTBOX_ID, Long.toString(row.id()));
        if (tenant != null) {
            MDC.put(LOG_TENANT, tenant.slug());
        }
    }

    private static void untag() {
        MDC.remove(LOG_OUTBOX_ID);
        MDC.remove(LOG_TENANT);
    }

    private void deliver(Message m, Pass pass) {
        Recipient to = m.parts.get(0).to;
        Messenger messenger = messengers.get(to.platform());
        if (messenger == null) {
            giveUp(m.rows(), "there is no messenger for the platform '" + to.platform() + "' it is routed to", to.platform(), pass);
            return;
        }

        // pacing: send only when the channel is free and nothing of this pass is already waiting for it
        Instant now = clock.instant();
        String channel = to.channel();
        Instant free = channelFree.getOrDefault(channel, Instant.MIN);
        Instant queued = pass.slots.get(channel);
        if (queued != null || free.isAfter(now)) {
            Instant slot = queued != null ? queued : free;
            for (OutboxMessage row : m.rows()) {
                if (outbox.release(row.id(), slot)) {
                    pass.deferred++;
                    pass.nextSlot = pass.nextSlot == null || slot.isBefore(pass.nextSlot) ? slot : pass.nextSlot;
                }
            }
            pass.slots.put(channel, slot.plus(messenger.pace()));
            return;
        }

        Notice notice = m.notice();
        SendResult result;
        try {
            result = messenger.send(notice, to);
        } catch (RuntimeException ex) {
            LOG.error("outbox {} ({}): the {} messenger failed unexpectedly; will try again", notice.outboxId(),
                    notice.outboxKey(), to.platform(), ex);
            result = new SendResult.RetryLater(null, "the " + to.platform() + " messenger failed unexpectedly (see the log)");
        }
        Instant after = clock.instant();
        channelFree.merge(channel, after.plus(messenger.pace()), (a, b) -> a.isAfter(b) ? a : b);

        if (result instanceof SendResult.Sent) {
            recordSent(m, ((SendResult.Sent) result).platformMessageId(), after);
            pass.sent += m.parts.size();
            count("sent", to.platform(), m.parts.size());
        } else if (result instanceof SendResult.RetryLater) {
            SendResult.RetryLater later = (SendResult.RetryLater) result;
            if (later.retryAfter() != null) {
                // the platform said how long: the whole channel waits, not only this message
                channelFree.merge(channel, after.plus(later.retryAfter()), (a, b) -> a.isAfter(b) ? a : b);
            }
            retry(m.rows(), later.retryAfter(), later.reason(), to.platform(), pass);
        } else {
            giveUp(m.rows(), ((SendResult.Permanent) result).reason(), to.platform(), pass);
        }
    }

    /** Every row of the message SENT with its id, and each reminder's audit event, in one transaction. */
    private void recordSent(Message m, String messageId, Instant at) {
        db.transaction(() -> {
            for (Part p : m.parts) {
                outbox.markSent(p.row.id(), messageId, at);
                if (p.notice instanceof ReminderNotice) {
                    ReminderNotice r = (ReminderNotice) p.notice;
                    audit.append(p.tenant, new AuditEvent(at, ACTOR, Source.SCHEDULER, "reminder", r.taskRef(), "reminder sent",
                            null, r.kind().name() + " to " + p.to.name() + " on " + p.to.platform(), null));
                }
            }
            return null;
        });
        LOG.debug("outbox {} ({} rows) sent to {} as {}", m.parts.get(0).row.key(), m.parts.size(),
                m.parts.get(0).to.channel(), messageId);
    }

    /** SKIPPED with the reason, and a "reminder skipped" audit event, in one transaction; nobody is told. */
    private void skip(OutboxMessage row, String reason, String platform, Pass pass) {
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
            count("skipped", platform, 1);
            LOG.info("outbox {} ({}) skipped: {}", row.id(), e.key(), reason);
        }
    }

    /** Each row of a message back to NEW, all due at one moment (so they go together again), or DEAD if out of attempts. */
    private void retry(List<OutboxMessage> rows, Duration retryAfter, String reason, String platform, Pass pass) {
        List<OutboxMessage> again = new ArrayList<>();
        List<OutboxMessage> spent = new ArrayList<>();
        int attempts = 0;
        for (OutboxMessage row : rows) {
            (row.attempts() >= config.maxAttempts() ? spent : again).add(row);
            attempts = Math.max(attempts, row.attempts());
        }
        if (!spent.isEmpty()) {
            giveUp(spent, reason + " (gave up after " + ReminderNotice.count(attempts, "attempt") + ")", platform, pass);
        }
        if (again.isEmpty()) {
            return;
        }
        Duration wait = retryAfter != null ? retryAfter : config.backoff().delay(attempts, random.getAsDouble());
        Instant at = clock.instant().plus(wait);
        for (OutboxMessage row : again) {
            if (outbox.markFailed(row.id(), reason, at)) {
                pass.retried++;
                LOG.warn("outbox {} ({}): attempt {} failed ({}); next at {}", row.id(), row.key(), row.attempts(), reason, at);
            }
        }
    }

    /**
     * Each row DEAD with the reason, and one admin notice about them all (a message of several reminders is one
     * failure to the admin), in one transaction.
     */
    private void giveUp(List<OutboxMessage> rows, String reason, String platform, Pass pass) {
        Instant now = clock.instant();
        List<OutboxMessage> marked = db.transaction(() -> {
            List<OutboxMessage> dead = new ArrayList<>();
            for (OutboxMessage row : rows) {
                if (outbox.markFailed(row.id(), reason, null)) {
                    dead.add(row);
                }
            }
            List<OutboxMessage> told = new ArrayList<>();
            for (OutboxMessage row : dead) {
                OutboxEntry e = row.entry();
                if (ADMIN.equals(e.kind())) {
                    continue;
                }
                told.add(row);
                String taskRef = NoticeBuilder.taskRef(e);
                if (taskRef != null && e.taskId() != null) {
                    findTenant(e.tenantId()).ifPresent(t -> audit.append(t, new AuditEvent(now, ACTOR, Source.SCHEDULER,
                            "reminder", taskRef, "reminder undelivered", null, e.kind(), reason)));
                }
            }
            if (!told.isEmpty()) {
                OutboxEntry e = told.get(0).entry();
                outbox.enqueue(List.of(new OutboxEntry(e.tenantId(), "dead:" + told.get(0).id(), ADMIN,
                        told.size() == 1 ? e.taskId() : null, ADMIN, null,
                        NoticeBuilder.adminPayload(e.key(), describe(told), reason, told.get(0).attempts()))), now);
            }
            return dead;
        });
        count("dead", platform, marked.size());
        for (OutboxMessage row : marked) {
            pass.dead++;
            if (ADMIN.equals(row.entry().kind())) {
                LOG.error("outbox {} ({}): the admin notice could not be delivered either, and is dead: {}", row.id(),
                        row.key(), reason);
            } else {
                LOG.warn("outbox {} ({}) is dead: {}; the admin is told", row.id(), row.key(), reason);
            }
        }
    }

    /** The platform label of a row that was skipped or given up before it was routed to one. */
    private static final String NOT_ROUTED = "none";

    private void count(String outcome, String platform, int rows) {
        if (rows > 0) {
            meters.counter("planbot.outbox.messages", "outcome", outcome, "platform", platform).increment(rows);
        }
    }

    /** "the OVERDUE reminder about EN003/01 for HoP"; of several, "a message of 3 reminders (EN003/01, …) for HoP". */
    static String describe(List<OutboxMessage> rows) {
        if (rows.size() == 1) {
            OutboxEntry only = rows.get(0).entry();
            return describe(only, NoticeBuilder.taskRef(only));
        }
        List<String> refs = new ArrayList<>();
        Set<String> whose = new LinkedHashSet<>();
        for (OutboxMessage row : rows) {
            String ref = NoticeBuilder.taskRef(row.entry());
            if (refs.size() < DESCRIBED_REFS) {
                refs.add(ref != null ? ref : "task " + row.entry().taskId());
            }
            whose.add(who(row.entry()));
        }
        return "a message of " + rows.size() + " reminders (" + String.join(", ", refs)
                + (rows.size() > DESCRIBED_REFS ? " and " + (rows.size() - DESCRIBED_REFS) + " more" : "") + ") for "
                + String.join(", ", whose);
    }

    /** "the OVERDUE reminder about EN003/01 for HoP", "the digest for slack:C123". */
    static String describe(OutboxEntry e, String taskRef) {
        if ("DIGEST".equals(e.kind())) {
            return "the digest for " + who(e);
        }
        return "the " + e.kind() + " reminder" + (taskRef == null ? "" : " about " + taskRef) + " for " + who(e);
    }

    private static String who(OutboxEntry e) {
        return e.recipientName() != null ? e.recipientName()
                : "MANAGER_CHANNEL".equals(e.recipientKind()) ? "the manager channel"
                : "the " + e.recipientKind().toLowerCase(Locale.ROOT);
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

    /**
     * Starts passing over the outbox on a background thread; does nothing if it is running. Held rows of every tenant
     * are released first: a start may bring a platform, or links made while planbot was down.
     */
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        releaseAllHeld();
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

    /** Releases every tenant's held rows ({@link OutboxRepository#releaseHeld}); those still unreachable are held again. */
    public void releaseAllHeld() {
        Instant now = clock.instant();
        for (long id : outbox.tenantsWithHeld()) {
            findTenant(id).ifPresent(t -> outbox.releaseHeld(t, now));
        }
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
            if (report != null && report.claimed() >= config.batchSize()) {
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

    /** A row ready to send: its tenant, its notice as of now, and where it goes. */
    private static final class Part {
        final OutboxMessage row;
        final Tenant tenant;
        final Notice notice;
        final Recipient to;

        Part(OutboxMessage row, Tenant tenant, Notice notice, Recipient to) {
            this.row = row;
            this.tenant = tenant;
            this.notice = notice;
            this.to = to;
        }
    }

    /** What goes out as one platform message: one row, or the reminders of one recipient. */
    private static final class Message {
        final List<Part> parts = new ArrayList<>();

        List<OutboxMessage> rows() {
            List<OutboxMessage> rows = new ArrayList<>(parts.size());
            parts.forEach(p -> rows.add(p.row));
            return rows;
        }

        Notice notice() {
            if (parts.size() == 1) {
                return parts.get(0).notice;
            }
            List<ReminderNotice> reminders = new ArrayList<>(parts.size());
            parts.forEach(p -> reminders.add((ReminderNotice) p.notice));
            return ReminderGroup.of(reminders);
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
        int held;
        Instant nextSlot;

        Pass(int claimed) {
            this.claimed = claimed;
        }

        DispatchReport report() {
            return new DispatchReport(claimed, sent, retried, dead, skipped, deferred, held, nextSlot);
        }
    }
}
