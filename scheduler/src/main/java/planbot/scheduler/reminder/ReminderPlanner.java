package planbot.scheduler.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import planbot.domain.PlanDate;
import planbot.scheduler.calendar.WorkingCalendar;

/**
 * Decides which reminders are due: a pure function of the tasks, the policy, the calendar, what was already
 * decided (by idempotency key) and the time. No I/O, no clock, no state: the same inputs give the same list.
 *
 * <p>The rules (DESIGN §7):
 * <ul>
 *   <li>Nothing is due on a day that is not a working day, nor before the policy's send time.</li>
 *   <li>Every reminder belongs to a <em>moment</em>, a working day: N working days before the target date; the
 *       target date itself (moved to the next working day when it is not one); the working days 1, 1 + e,
 *       1 + 2e, … after the target date while overdue (e = overdue-every); the escalation thresholds; the
 *       first working day of each month for TBC tasks; every stale-after days since a task's last change.</li>
 *   <li>Catch-up: of the moments that have passed, only the latest of each task and family
 *       ({@link ReminderKind.Family}) is due, and only if its key was not decided before. An older moment
 *       overtaken by a newer one is dropped, so a task ten years overdue gets one overdue reminder (the latest
 *       repeat), not a backlog; a sweep that was down for a week sends each task's newest reminder, late, once.</li>
 *   <li>Escalations are for slips planbot watched: one whose moment passed before the task was first stored
 *       (an old overdue item of an imported plan) is not sent — the owner is reminded, and the managers see it
 *       in the digest's overdue list.</li>
 *   <li>Completed and closed tasks get nothing. Date reminders (lead times, on the day, overdue,
 *       escalations) need an open task with a real target date: never TBC, N/A, Ongoing or undated. TBC tasks
 *       get the TBC nudge. Open tasks that are neither TBC nor overdue get the stale nudge.</li>
 *   <li>A snoozed task gets nothing until the day its snooze ends; then its latest moments are due as above.</li>
 * </ul>
 *
 * <p>Because each key names its moment, running the planner again later the same day, or after a restart,
 * gives nothing new once its decisions are stored; and because the planner never falls back to an older
 * moment when the latest was decided, {@code plan(tasks, decided)} equals {@code plan(tasks, nothing)} less
 * the decided keys, which lets a caller look keys up in bulk.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReminderPlanner {
    private final ReminderPolicy policy;
    private final WorkingCalendar calendar;

    public ReminderPlanner(ReminderPolicy policy, WorkingCalendar calendar) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** A planner for a policy and the calendar it names. */
    public static ReminderPlanner of(ReminderPolicy policy) {
        return new ReminderPlanner(policy, policy.calendar());
    }

    public ReminderPolicy policy() {
        return policy;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /**
     * The reminders due at {@code now} for these tasks, leaving out those whose key {@code decided} already
     * holds; in the order of the tasks, each task's by family.
     */
    public List<Reminder> plan(Collection<TaskSnapshot> tasks, Predicate<String> decided, ZonedDateTime now) {
        LocalDate today = decisionDay(now.toInstant());
        if (today == null) {
            return List.of();
        }
        List<Reminder> out = new ArrayList<>();
        for (TaskSnapshot t : tasks) {
            for (Reminder r : latestMoments(t, today)) {
                if (!decided.test(r.key())) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /**
     * The day whose moments have passed at {@code now}: today in the policy's zone, if it is a working day and
     * the send time has come; null when nothing may be sent at {@code now}.
     */
    public LocalDate decisionDay(Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, policy.zone());
        LocalDate today = local.toLocalDate();
        if (!calendar.isWorkingDay(today) || local.toLocalTime().isBefore(policy.sendAt())) {
            return null;
        }
        return today;
    }

    /**
     * The latest passed moment of each family for one task on decision day {@code today}, decided or not:
     * at most one date reminder, one of each escalation and one nudge.
     */
    public List<Reminder> latestMoments(TaskSnapshot t, LocalDate today) {
        if (!t.isOpen() || (t.snoozedUntil() != null && today.isBefore(t.snoozedUntil()))) {
            return List.of();
        }
        PlanDate target = t.target();
        List<Reminder> out = new ArrayList<>(2);
        boolean overdue = false;
        if (target != null && target.isDate()) {
            LocalDate due = target.date();
            long late = calendar.workingDaysBetween(due, today);
            overdue = late >= 1;
            dateReminder(t, due, today, late, out);
            escalation(t, due, today, late, ReminderKind.ESCALATE_LEAD, policy.escalateLead(), t.lead(), out);
            escalation(t, due, today, late, ReminderKind.ESCALATE_MANAGER, policy.escalateManager(), null, out);
        } else if (target != null && target.kind() == PlanDate.Kind.TBC) {
            LocalDate nudge = latestTbcMoment(today);
            if (nudge != null) {
                out.add(new Reminder(t.tenantId(), t.taskId(), t.ref(), ReminderKind.TBC_NUDGE, t.owner(), nudge, null));
            }
            return out;
        }
        if (!overdue) {
            LocalDate stale = latestStaleMoment(t, today);
            if (stale != null) {
                out.add(new Reminder(t.tenantId(), t.taskId(), t.ref(), ReminderKind.STALE_NUDGE, t.owner(), stale,
                        target != null && target.isDate() ? target.date() : null));
            }
        }
        return out;
    }

    /**
     * Why a reminder decided earlier no longer applies to its task as it is now, at send time; empty when it still
     * does. The planner's own rules ({@link #latestMoments}), applied to the one decision: a finished task gets
     * nothing; a date reminder is for the target date it was decided for; a TBC nudge is for a TBC task; a snoozed task
     * waits; a stale nudge is void once the task has changed since it was decided.
     *
     * @param kind       what was decided
     * @param decidedFor the target date the decision was about; null for one about no date (a TBC nudge)
     * @param decidedAt  when it was decided (its outbox row was written)
     * @param now        the task as it is now
     * @param statusWord the task's status as the council wrote it, for the sentence; null when it has none
     * @param today      the tenant's today
     * @return the reason, a sentence naming the task, for the audit trail and the log
     */
    public static java.util.Optional<String> whyNoLongerDue(ReminderKind kind, LocalDate decidedFor, Instant decidedAt,
                                                            TaskSnapshot now, String statusWord, LocalDate today) {
        String ref = now.ref();
        if (!now.isOpen()) {
            return java.util.Optional.of(ref + " was marked \"" + statusWord + "\" before it was sent");
        }
        PlanDate target = now.target();
        if (kind.isDateReminder() && decidedFor != null && (target == null || !target.isDate() || !decidedFor.equals(target.date()))) {
            return java.util.Optional.of(ref + "'s target date is now " + (target == null ? "not set" : target.display())
                    + ", not " + planbot.domain.UkDates.format(decidedFor));
        }
        if (kind.type() == ReminderKind.Type.TBC_NUDGE && (target == null || target.kind() != PlanDate.Kind.TBC)) {
            return java.util.Optional.of(ref + "'s target date is no longer TBC: it is " + (target == null ? "not set" : target.display()));
        }
        if (now.snoozedUntil() != null && today.isBefore(now.snoozedUntil())) {
            return java.util.Optional.of(ref + " is snoozed until " + planbot.domain.UkDates.format(now.snoozedUntil()));
        }
        if (kind.type() == ReminderKind.Type.STALE_NUDGE && now.updatedAt() != null && now.updatedAt().isAfter(decidedAt)) {
            return java.util.Optional.of(ref + " was updated after the nudge was decided");
        }
        return java.util.Optional.empty();
    }

    /** The latest passed moment of the date family: an overdue repeat, else on the day, else the nearest lead time. */
    private void dateReminder(TaskSnapshot t, LocalDate due, LocalDate today, long late, List<Reminder> out) {
        ReminderKind kind = null;
        LocalDate date = null;
        if (late >= 1) {
            long every = policy.overdueEvery();
            long repeat = every == 0 ? 1 : 1 + ((late - 1) / every) * every;
            kind = ReminderKind.OVERDUE;
            date = calendar.addWorkingDays(due, repeat);
        } else {
            LocalDate onTheDay = calendar.nextWorkingDayOnOrAfter(due);
            if (policy.onTheDay() && !onTheDay.isAfter(today)) {
                kind = ReminderKind.DUE_TODAY;
                date = onTheDay;
            } else {
                // lead times run largest first, so the last one that has passed is the nearest to the target
                for (int n : policy.leadDays()) {
                    LocalDate moment = calendar.addWorkingDays(due, -n);
                    if (!moment.isAfter(today)) {
                        kind = ReminderKind.before(n);
                        date = moment;
                    }
                }
            }
        }
        if (kind != null) {
            out.add(new Reminder(t.tenantId(), t.taskId(), t.ref(), kind, t.owner(), date, due));
        }
    }

    private void escalation(TaskSnapshot t, LocalDate due, LocalDate today, long late, ReminderKind kind, int threshold,
                            String who, List<Reminder> out) {
        if (threshold > 0 && late >= threshold) {
            LocalDate moment = calendar.addWorkingDays(due, threshold);
            // A slip that happened before planbot saw the task (an old overdue item in an imported plan) is not
            // escalated: its owner is reminded, and the managers see it in the weekly digest's overdue list. A run
            // "as of" a day before the task was stored (remind --at in the past) is a what-if: the policy applies.
            LocalDate seen = t.firstSeen() == null ? null : LocalDate.ofInstant(t.firstSeen(), policy.zone());
            if (seen == null || seen.isAfter(today) || !moment.isBefore(seen)) {
                out.add(new Reminder(t.tenantId(), t.taskId(), t.ref(), kind, who, moment, due));
            }
        }
    }

    /** The first working day of the latest month (one in every tbc-every) that has begun by {@code today}. */
    LocalDate latestTbcMoment(LocalDate today) {
        int every = policy.tbcEveryMonths();
        if (every == 0) {
            return null;
        }
        YearMonth month = YearMonth.from(today);
        for (int i = 0; i < 25; i++, month = month.minusMonths(1)) {
            if (Math.floorMod(month.getYear() * 12L + month.getMonthValue() - 1, every) != 0) {
                continue;
            }
            LocalDate first = calendar.nextWorkingDayOnOrAfter(month.atDay(1));
            if (!first.isAfter(today)) {
                return first;
            }
        }
        return null;
    }

    /** Every stale-after calendar days since the task's last change (in the policy's zone), on the next working day. */
    private LocalDate latestStaleMoment(TaskSnapshot t, LocalDate today) {
        int every = policy.staleAfterDays();
        if (every == 0 || t.updatedAt() == null) {
            return null;
        }
        LocalDate changed = LocalDate.ofInstant(t.updatedAt(), policy.zone());
        long periods = ChronoUnit.DAYS.between(changed, today) / every;
        if (periods < 1) {
            return null;
        }
        // today is a working day, so moving a passed moment to the next working day never takes it past today
        return calendar.nextWorkingDayOnOrAfter(changed.plusDays(periods * every));
    }
}
