package planbot.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import planbot.domain.PlanDate;
import planbot.domain.UkDates;
import planbot.scheduler.reminder.ReminderKind;
import planbot.storage.RecipientKind;

/**
 * A reminder about one task, ready to render: the decision's kind and dates, the task as it is now, who it is
 * for, and the {@link Button}s every platform offers under it. The wording per kind is here, so that every
 * platform says the same thing.
 *
 * @param outboxId      the outbox row
 * @param outboxKey     its idempotency key
 * @param kind          what the reminder is about (14/7/1 working days before, on the day, overdue, escalations,
 *                      the TBC and stale nudges)
 * @param taskRef       the task's ref as the plan writes it
 * @param description   what the task is, as typed (may be empty)
 * @param actionName    its action's name ("ENFORCEMENT 003")
 * @param target        the task's target date as the plan states it now; null if it has none
 * @param dueDate       the target date the reminder was decided for; null for the TBC nudge and undated tasks
 * @param daysLate      calendar days from {@code dueDate} to the day it is sent; 0 when not late
 * @param recipientName who it is for by name (the owner, or the lead for an escalation); null when the plan
 *                      names nobody, or for the manager channel
 * @param owner         the task's owner; null if the plan names none
 * @param lead          its action's lead; null if none
 * @param lastUpdate    the day the task last changed, for the stale nudge; null if not known
 * @param buttons       what the reader can answer with a click
 * @param tenant        the slug of the tenant the task belongs to, and {@code taskId} its database id: what a
 *                      platform's button carries so that a click finds (and checks) the task
 */
public record ReminderNotice(long outboxId, String outboxKey, ReminderKind kind, String taskRef, String description,
                             String actionName, PlanDate target, LocalDate dueDate, long daysLate, String recipientName,
                             String owner, String lead, LocalDate lastUpdate, List<Button> buttons, String tenant,
                             long taskId) implements Notice {


    public ReminderNotice {
        Objects.requireNonNull(outboxKey, "outboxKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(taskRef, "taskRef");
        description = description == null ? "" : description;
        Objects.requireNonNull(actionName, "actionName");
        if (daysLate < 0) {
            throw new IllegalArgumentException("daysLate cannot be negative: " + daysLate);
        }
        buttons = List.copyOf(buttons);
        Objects.requireNonNull(tenant, "tenant");
    }

    /** The same reminder with no buttons: its task needs no more answers. */
    public ReminderNotice withoutButtons() {
        return new ReminderNotice(outboxId, outboxKey, kind, taskRef, description, actionName, target, dueDate, daysLate,
                recipientName, owner, lead, lastUpdate, List.of(), tenant, taskId);
    }

    /** How urgent it looks at a glance, the same on every platform: red for late, amber for today, green ahead. */
    public String icon() {
        switch (kind.type()) {
            case OVERDUE:
            case ESCALATE_LEAD:
            case ESCALATE_MANAGER:
                return "🔴";
            case DUE_TODAY:
                return "🟠";
            case BEFORE:
                return "🟢";
            default:
                return "⚪";
        }
    }

    /** What kind of reminder it is, in two or three words: "Coming up", "Overdue: escalated to the lead". */
    public String label() {
        switch (kind.type()) {
            case BEFORE:
                return "Coming up";
            case DUE_TODAY:
                return "Due today";
            case OVERDUE:
                return "Overdue";
            case ESCALATE_LEAD:
                return "Overdue: escalated to the lead";
            case ESCALATE_MANAGER:
                return "Overdue: escalated to managers";
            case TBC_NUDGE:
                return "Target date TBC";
            case STALE_NUDGE:
                return "No recent update";
            default:
                return kind.name();
        }
    }

    /** "Reminder for HoP", "Escalation for Patsy Dell", "Escalation for the manager channel". */
    @Override
    public String heading() {
        boolean escalation = kind.type() == ReminderKind.Type.ESCALATE_LEAD || kind.type() == ReminderKind.Type.ESCALATE_MANAGER;
        return (escalation ? "Escalation for " : "Reminder for ") + who();
    }

    /** Who it is for, by name where the plan gives one. */
    public String who() {
        RecipientKind r = kind.recipient();
        if (r == RecipientKind.MANAGER_CHANNEL) {
            return "the manager channel";
        }
        if (recipientName != null) {
            return recipientName;
        }
        return r == RecipientKind.LEAD ? "the lead of " + actionName : "the owner of " + taskRef;
    }

    @Override
    public String text() {
        switch (kind.type()) {
            case BEFORE:
                return taskRef + " is due in " + count(kind.days(), "working day") + ", " + onDue() + ".";
            case DUE_TODAY:
                return taskRef + " is due today (" + due() + ").";
            case OVERDUE:
                return taskRef + " is overdue: it was due " + onDue() + late() + ". Is it done, or does it need a new date?";
            case ESCALATE_LEAD:
                return taskRef + ", owned by " + ownerName() + ", is overdue: it was due " + onDue() + late()
                        + ". As the lead of " + actionName + ", can you help it along?";
            case ESCALATE_MANAGER:
                return taskRef + " (" + actionName + "), owned by " + ownerName() + (lead == null ? "" : ", lead " + lead)
                        + ", is still overdue: it was due " + onDue() + late() + ".";
            case TBC_NUDGE:
                return taskRef + " has no target date yet (" + (target == null ? "TBC" : target.display())
                        + "). Can you set a date?";
            case STALE_NUDGE:
                return taskRef + " has had no update " + (lastUpdate == null ? "for a while" : "since " + UkDates.format(lastUpdate))
                        + ". Is it still on target?";
            default:
                throw new IllegalStateException("no wording for " + kind);
        }
    }

    /**
     * What the reminder needs, in a line short enough for a group's section, after its {@link #label()}: "due 01/05/2023,
     * 14 days ago", "due by December 2016", "owned by Sam; due …"; "" when the label says it all.
     */
    public String need() {
        String due = "due " + due();
        String late = daysLate == 0 ? "" : ", " + count(daysLate, "day") + " ago";
        String owned = "owned by " + ownerName();
        switch (kind.type()) {
            case BEFORE:
                return due + ", in " + count(kind.days(), "working day");
            case OVERDUE:
                return due + late;
            case ESCALATE_LEAD:
                return owned + "; " + due + late;
            case ESCALATE_MANAGER:
                return owned + (lead == null ? "" : ", lead " + lead) + "; " + due + late;
            case TBC_NUDGE:
                return target == null ? "" : "the plan says " + target.display();
            case STALE_NUDGE:
                return lastUpdate == null ? "" : "last changed " + UkDates.format(lastUpdate);
            default:
                return "";
        }
    }

    private String ownerName() {
        return owner == null ? "nobody named in the plan" : owner;
    }

    /** "on 31/12/2016", or "by December 2016" for a target the tracker named only to the month. */
    private String onDue() {
        return byMonth() ? target.due() : "on " + due();
    }

    private boolean byMonth() {
        return target != null && target.isDate() && target.precision() == PlanDate.Precision.MONTH
                && (dueDate == null || dueDate.equals(target.date()));
    }

    private String due() {
        if (byMonth()) {
            return target.due();
        }
        if (dueDate != null) {
            return UkDates.format(dueDate);
        }
        return target == null ? "a date not set" : target.display();
    }

    private String late() {
        return daysLate == 0 ? "" : ", " + count(daysLate, "day") + " ago";
    }

    /** A day as notices write it: 31/05/2023. */
    static String day(LocalDate date) {
        return UkDates.format(date);
    }

    static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
