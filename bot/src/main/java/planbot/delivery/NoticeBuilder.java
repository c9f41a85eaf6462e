package planbot.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import planbot.domain.RefKey;
import planbot.domain.UserFixableException;
import planbot.scheduler.digest.Digest;
import planbot.scheduler.digest.DigestBuilder;
import planbot.scheduler.digest.DigestChart;
import planbot.scheduler.digest.DigestSource;
import planbot.scheduler.reminder.PolicySource;
import planbot.scheduler.reminder.ReminderKind;
import planbot.scheduler.reminder.ReminderPayload;
import planbot.scheduler.reminder.ReminderPlanner;
import planbot.scheduler.reminder.TaskSnapshot;
import planbot.scheduler.reminder.ReminderPolicy;
import planbot.storage.OutboxEntry;
import planbot.storage.OutboxMessage;
import planbot.storage.SnoozeRepository;
import planbot.storage.TaskInAction;
import planbot.storage.TaskRepository;
import planbot.storage.TaskRow;
import planbot.storage.Tenant;

/**
 * Turns an outbox row into a {@link Notice}: reads its payload (JSON) and what the payload points at, as it is
 * at the moment of sending.
 *
 * <ul>
 *   <li>A reminder row (payload: {@link ReminderPayload},
 *       as the {@code ReminderSweep} writes it) becomes a {@link ReminderNotice} with the task's description,
 *       action, owner and lead read now, and days late counted to today in the tenant's zone.</li>
 *   <li>A digest row (payload: {@link DigestPayload}) becomes a {@link DigestNotice}, built and charted now.</li>
 *   <li>An admin row (written by the {@link OutboxDispatcher} when a row dies; see {@link #adminPayload}) becomes
 *       an {@link AdminNotice}.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link Undeliverable} when the row can never become a notice (its task is gone, its payload
 * or kind cannot be read, its digest names a plan the tenant does not have); a storage failure is thrown as it
 * comes, and the dispatcher treats it as transient.
 */
public final class NoticeBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskRepository tasks;
    private final SnoozeRepository snoozes;
    private final PolicySource policies;
    private final DigestSource digests;

    public NoticeBuilder(TaskRepository tasks, SnoozeRepository snoozes, PolicySource policies, DigestSource digests) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.snoozes = Objects.requireNonNull(snoozes, "snoozes");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.digests = Objects.requireNonNull(digests, "digests");
    }

    /**
     * The notice a row stands for, as of {@code now}, whether or not it would still be sent (to redraw a reminder that
     * was answered, for instance).
     */
    public Notice build(Tenant tenant, OutboxMessage row, Instant now) throws Undeliverable {
        try {
            return build(tenant, row, now, false);
        } catch (NoLongerDue cannot) {
            throw new AssertionError("not checked", cannot);
        }
    }

    /**
     * The reminders of a message about several tasks, as the tasks are now (to redraw it after one was answered): a
     * finished task's reminder without buttons, a task no longer in the plan left out; empty when fewer than two remain.
     */
    public Optional<ReminderGroup> group(Tenant tenant, List<OutboxMessage> rows, Instant now) {
        List<ReminderNotice> reminders = new ArrayList<>();
        for (OutboxMessage row : rows) {
            Notice notice;
            try {
                notice = build(tenant, row, now);
            } catch (Undeliverable gone) {
                continue;
            }
            if (notice instanceof ReminderNotice) {
                ReminderNotice r = (ReminderNotice) notice;
                boolean finished = tasks.get(tenant, r.taskId()).map(t -> t.task().status() != null
                        && t.task().status().kind().isFinished()).orElse(true);
                reminders.add(finished ? r.withoutButtons() : r);
            }
        }
        return reminders.size() < 2 ? Optional.empty() : Optional.of(ReminderGroup.of(reminders));
    }

    /** The tenant's reminder policy (its zone and send-at time, for the dispatcher's daily summary). */
    ReminderPolicy policy(Tenant tenant) {
        return policies.of(tenant);
    }

    /**
     * The notice to send for a row now; for a reminder, only if it still applies to its task as the task is now:
     * not finished, still due on the target date the reminder was decided for (a TBC nudge: still TBC), not snoozed
     * past today, and (a "still on target?" nudge) not updated since it was decided.
     */
    Notice toSend(Tenant tenant, OutboxMessage row, Instant now) throws Undeliverable, NoLongerDue {
        return build(tenant, row, now, true);
    }

    private Notice build(Tenant tenant, OutboxMessage row, Instant now, boolean onlyIfDue) throws Undeliverable, NoLongerDue {
        OutboxEntry e = row.entry();
        JsonNode p;
        try {
            p = JSON.readTree(e.payload());
        } catch (JsonProcessingException ex) {
            throw new Undeliverable("its payload is not JSON");
        }
        if (p == null || !p.isObject()) {
            throw new Undeliverable("its payload is not a JSON object");
        }
        String type = DigestPayload.text(p, "type");
        if (type == null) {
            type = "DIGEST".equals(e.kind()) ? "digest" : "ADMIN".equals(e.kind()) ? "admin" : "reminder";
        }
        switch (type) {
            case "reminder":
                return reminder(tenant, row, p, now, onlyIfDue);
            case "digest":
                return digest(tenant, row, p);
            case "admin":
                return admin(row, p);
            default:
                throw new Undeliverable("its payload is of a type I do not know: " + type);
        }
    }

    private ReminderNotice reminder(Tenant tenant, OutboxMessage row, JsonNode p, Instant now, boolean onlyIfDue)
            throws Undeliverable, NoLongerDue {
        OutboxEntry e = row.entry();
        ReminderKind kind;
        try {
            kind = ReminderKind.parse(e.kind());
        } catch (RuntimeException ex) {
            throw new Undeliverable("it is a reminder of a kind I do not know: " + e.kind());
        }
        ReminderPayload payload;
        try {
            payload = ReminderPayload.read(e.payload());
        } catch (IllegalArgumentException bad) {
            throw new Undeliverable("its payload cannot be read: " + bad.getMessage());
        }
        Long taskId = e.taskId() != null ? e.taskId() : payload.taskId();
        if (taskId == null) {
            throw new Undeliverable("the reminder does not say which task it is about");
        }
        TaskRow task = tasks.get(tenant, taskId).orElseThrow(() -> new Undeliverable("its task ("
                + Optional.ofNullable(payload.taskRef()).orElse("id " + taskId) + ") is no longer in the plan"));
        String actionName = task.actionKey();
        String lead = null;
        for (TaskInAction found : tasks.findTasksByKey(tenant, RefKey.of(task.ref()))) {
            if (found.task().id() == taskId) {
                actionName = found.actionName();
                lead = found.actionLead();
            }
        }
        ReminderPolicy policy = policies.of(tenant);
        LocalDate today = LocalDate.ofInstant(now, policy.zone());
        LocalDate due = payload.target();
        if (onlyIfDue) {
            Optional<String> why = whyNotDue(tenant, row, kind, task, due, today);
            if (why.isPresent()) {
                throw new NoLongerDue(why.get());
            }
        }
        long late = 0;
        if (due != null && (kind.type() == ReminderKind.Type.OVERDUE || kind.type() == ReminderKind.Type.ESCALATE_LEAD
                || kind.type() == ReminderKind.Type.ESCALATE_MANAGER)) {
            late = Math.max(0, ChronoUnit.DAYS.between(due, today));
        }
        LocalDate lastUpdate = kind.type() == ReminderKind.Type.STALE_NUDGE
                ? tasks.updatedAt(tenant, taskId).map(at -> LocalDate.ofInstant(at, policy.zone())).orElse(null) : null;
        return new ReminderNotice(row.id(), e.key(), kind, task.ref(), task.task().description(), actionName,
                task.task().target(), due, late, e.recipientName(), task.task().owner(), lead, lastUpdate,
                Button.forReminder(policy.snoozeDays()), tenant.slug(), taskId);
    }

    /** Why the reminder no longer applies to the task as it is now, by the planner's own rule; empty when it does. */
    private Optional<String> whyNotDue(Tenant tenant, OutboxMessage row, ReminderKind kind, TaskRow task, LocalDate due,
                                       LocalDate today) {
        planbot.domain.Status status = task.task().status();
        TaskSnapshot now = new TaskSnapshot(tenant.id(), task.id(), task.ref(), status == null ? null : status.kind(),
                task.task().target(), task.task().owner(), null, tasks.updatedAt(tenant, task.id()).orElse(null),
                snoozes.snoozedUntil(tenant, task.id()).orElse(null));
        return ReminderPlanner.whyNoLongerDue(kind, due, row.createdAt(), now, status == null ? null : status.word(), today);
    }

    private DigestNotice digest(Tenant tenant, OutboxMessage row, JsonNode p) throws Undeliverable {
        DigestPayload d = DigestPayload.read(p);
        if (!d.tenant().equals(tenant.slug())) {
            throw new Undeliverable("the digest is for tenant '" + d.tenant() + "' but its row belongs to '"
                    + tenant.slug() + "'");
        }
        Digest digest;
        try {
            digest = DigestBuilder.build(digests.read(d.scope(), d.since(), d.at().atZone(d.zone())));
        } catch (UserFixableException ex) {
            throw new Undeliverable(ex.getMessage()); // an unknown plan or section: DigestSource says which
        }
        return new DigestNotice(row.id(), row.key(), d.channel(), digest, DigestChart.png(digest));
    }

    private static AdminNotice admin(OutboxMessage row, JsonNode p) throws Undeliverable {
        String failedKey = DigestPayload.text(p, "failedKey");
        String what = DigestPayload.text(p, "what");
        String reason = DigestPayload.text(p, "reason");
        if (failedKey == null || what == null || reason == null) {
            throw new Undeliverable("the admin notice's payload does not say which message failed and why");
        }
        return new AdminNotice(row.id(), row.key(), failedKey, what, reason, p.path("attempts").asInt(0));
    }

    /**
     * The payload of the admin notice about a dead row: {@code {"type":"admin","failedKey":…,"what":…,"reason":…,
     * "attempts":…}}. Public for a messenger that tells the admin something through the outbox itself (a person's
     * refused DMs).
     */
    public static String adminPayload(String failedKey, String what, String reason, int attempts) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "admin").put("failedKey", failedKey).put("what", what).put("reason", reason).put("attempts", attempts);
        return o.toString();
    }

    /** The task ref a row's payload names, for messages about the row; null if it names none. */
    static String taskRef(OutboxEntry e) {
        try {
            return ReminderPayload.read(e.payload()).taskRef();
        } catch (IllegalArgumentException notAReminder) {
            return null;
        }
    }
}
