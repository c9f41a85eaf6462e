package planbot.scheduler.reminder;

import java.util.Objects;
import planbot.storage.RecipientKind;

/**
 * What a reminder is about: {@code BEFORE_14} (14 working days before the target date), {@code DUE_TODAY},
 * {@code OVERDUE}, {@code ESCALATE_LEAD}, {@code ESCALATE_MANAGER}, {@code TBC_NUDGE}, {@code STALE_NUDGE}.
 * Lead times come from the policy, so BEFORE carries its number of days.
 *
 * @param type what sort of reminder
 * @param days working days before the target, for BEFORE; 0 otherwise
 */
public record ReminderKind(Type type, int days) implements Comparable<ReminderKind> {

    public enum Type { BEFORE, DUE_TODAY, OVERDUE, ESCALATE_LEAD, ESCALATE_MANAGER, TBC_NUDGE, STALE_NUDGE }

    /**
     * Kinds in one family replace one another: when a sweep catches up, only the latest moment of each family
     * is sent. Lead-time, on-the-day and overdue reminders are one family (an overdue reminder overtakes the
     * "due in 7 days" one nobody saw); each escalation and each nudge is a family of its own.
     */
    public enum Family { DATE, ESCALATE_LEAD, ESCALATE_MANAGER, TBC, STALE }

    public static final ReminderKind DUE_TODAY = new ReminderKind(Type.DUE_TODAY, 0);
    public static final ReminderKind OVERDUE = new ReminderKind(Type.OVERDUE, 0);
    public static final ReminderKind ESCALATE_LEAD = new ReminderKind(Type.ESCALATE_LEAD, 0);
    public static final ReminderKind ESCALATE_MANAGER = new ReminderKind(Type.ESCALATE_MANAGER, 0);
    public static final ReminderKind TBC_NUDGE = new ReminderKind(Type.TBC_NUDGE, 0);
    public static final ReminderKind STALE_NUDGE = new ReminderKind(Type.STALE_NUDGE, 0);

    public ReminderKind {
        Objects.requireNonNull(type, "type");
        if ((type == Type.BEFORE) != (days > 0)) {
            throw new IllegalArgumentException(type == Type.BEFORE ? "BEFORE needs a number of days" : type + " has no days");
        }
    }

    public static ReminderKind before(int days) {
        return new ReminderKind(Type.BEFORE, days);
    }

    /** Reads {@link #name()} back. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ReminderKind parse(String name) {
        if (name.startsWith("BEFORE_")) {
            return before(Integer.parseInt(name.substring("BEFORE_".length())));
        }
        return new ReminderKind(Type.valueOf(name), 0);
    }

    /** The name used in idempotency keys and the outbox: {@code BEFORE_14}, {@code OVERDUE}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String name() {
        return type == Type.BEFORE ? "BEFORE_" + days : type.name();
    }

    public Family family() {
        switch (type) {
            case ESCALATE_LEAD: return Family.ESCALATE_LEAD;
            case ESCALATE_MANAGER: return Family.ESCALATE_MANAGER;
            case TBC_NUDGE: return Family.TBC;
            case STALE_NUDGE: return Family.STALE;
            default: return Family.DATE;
        }
    }

    public RecipientKind recipient() {
        switch (type) {
            case ESCALATE_LEAD: return RecipientKind.LEAD;
            case ESCALATE_MANAGER: return RecipientKind.MANAGER_CHANNEL;
            default: return RecipientKind.OWNER;
        }
    }

    /** True for the reminders a task gets because of its target date: lead times, on the day, overdue, escalations. */
    public boolean isDateReminder() {
        return type != Type.TBC_NUDGE && type != Type.STALE_NUDGE;
    }

    /** Order within a family on the same day: 14 days before, 7 before, 1 before, on the day, overdue. */
    @Override
    public int compareTo(ReminderKind o) {
        return Integer.compare(rank(), o.rank());
    }

    private int rank() {
        return type == Type.BEFORE ? -days : type.ordinal();
    }

    @Override
    public String toString() {
        return name();
    }
}
