package planbot.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import planbot.storage.RecipientKind;
import planbot.scheduler.reminder.ReminderKind;

/**
 * Several reminders for one recipient at one moment, sent as one message (an officer with 12 overdue tasks gets one
 * message, not 12): a heading ("3 tasks need you today, HoP"), then each reminder, overdue first, each with its own
 * buttons. Built by the {@link OutboxDispatcher} from one sweep's reminders routed to the same channel; each
 * reminder keeps its own outbox row. The notice's own row is its first reminder's, so a messenger that names a message after
 * its row names it after that one.
 *
 * <p>A platform with a limit on a message's size shows as many reminders as fit and ends with "and N more"
 * ({@link #MORE}).
 *
 * @param reminders two or more, in the order they are shown (see {@link #of})
 */
public record ReminderGroup(List<ReminderNotice> reminders) implements Notice {
    /** What a platform says under a message it had to cut short, after "and N more": where to see the rest. */
    public static final String MORE = "/plan mine";

    /** Overdue and escalated first (longest late first), then due today, then coming up (soonest first), then nudges. */
    private static final Comparator<ReminderNotice> ORDER = Comparator.comparingInt((ReminderNotice r) -> rank(r.kind()))
            .thenComparing(Comparator.comparingLong(ReminderNotice::daysLate).reversed())
            .thenComparing(r -> r.dueDate() == null ? java.time.LocalDate.MAX : r.dueDate())
            .thenComparing(ReminderNotice::taskRef);

    public ReminderGroup {
        reminders = List.copyOf(reminders);
        if (reminders.size() < 2) {
            throw new IllegalArgumentException("a group holds two or more reminders, not " + reminders.size());
        }
    }

    /** The reminders in the order a reader needs them: overdue first. */
    public static ReminderGroup of(List<ReminderNotice> reminders) {
        List<ReminderNotice> sorted = new ArrayList<>(reminders);
        sorted.sort(ORDER);
        return new ReminderGroup(sorted);
    }

    @Override
    public long outboxId() {
        return reminders.get(0).outboxId();
    }

    @Override
    public String outboxKey() {
        return reminders.get(0).outboxKey();
    }

    /**
     * "3 tasks need you today, HoP" when they are all one named person's; else whose they are, as a shared channel
     * needs: "5 tasks need attention today, for HoP (3), Sam Jones (2)", "44 tasks need attention today, for owners not
     * named in the plan", "2 tasks need attention today, for the manager channel".
     */
    @Override
    public String heading() {
        Map<String, Integer> whose = new LinkedHashMap<>();
        for (ReminderNotice r : reminders) {
            whose.merge(whose(r), 1, Integer::sum);
        }
        String tasks = ReminderNotice.count(reminders.size(), "task");
        String first = reminders.get(0).recipientName();
        if (whose.size() == 1 && first != null && reminders.get(0).kind().recipient() != RecipientKind.MANAGER_CHANNEL) {
            return tasks + " need you today, " + first;
        }
        List<String> names = new ArrayList<>();
        whose.forEach((who, n) -> names.add(whose.size() == 1 ? who : who + " (" + n + ")"));
        return tasks + " need attention today, for " + String.join(", ", names);
    }

    private static String whose(ReminderNotice r) {
        if (r.kind().recipient() == RecipientKind.MANAGER_CHANNEL) {
            return "the manager channel";
        }
        if (r.recipientName() != null) {
            return r.recipientName();
        }
        return r.kind().recipient() == RecipientKind.LEAD ? "leads not named in the plan" : "owners not named in the plan";
    }

    /** The refs by what they need: "Overdue: EN003/01, EN003/02. Due today: EN004/01." */
    @Override
    public String text() {
        Map<String, Set<String>> byNeed = new LinkedHashMap<>();
        for (ReminderNotice r : reminders) {
            byNeed.computeIfAbsent(need(r.kind()), k -> new LinkedHashSet<>()).add(r.taskRef());
        }
        StringBuilder b = new StringBuilder();
        byNeed.forEach((need, refs) -> b.append(b.length() == 0 ? "" : " ").append(need).append(": ")
                .append(String.join(", ", refs)).append('.'));
        return b.toString();
    }

    private static String need(ReminderKind kind) {
        switch (rank(kind)) {
            case 0:
                return "Overdue";
            case 1:
                return "Due today";
            case 2:
                return "Coming up";
            default:
                return "Need a date or an update";
        }
    }

    private static int rank(ReminderKind kind) {
        switch (kind.type()) {
            case ESCALATE_MANAGER:
            case ESCALATE_LEAD:
            case OVERDUE:
                return 0;
            case DUE_TODAY:
                return 1;
            case BEFORE:
                return 2;
            default:
                return 3;
        }
    }
}
